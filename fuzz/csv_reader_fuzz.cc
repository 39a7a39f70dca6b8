// libFuzzer: the streaming CSV reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.h"
#include "io/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  parkhq::fuzz::SmallLimits();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)parkhq::io::ReadCsvString(text, [](const parkhq::io::InputRow& r) {
    (void)parkhq::io::NormalizeDateCell(r.at(1));
    return true;
  });
  return 0;
}
