#include "common/embedded.h"

namespace parkhq {

std::string_view SeedFile(std::string_view name) {
  for (const auto& f : kSeedFiles)
    if (f.name == name) return f.contents;
  return {};
}

}  // namespace parkhq
