// libFuzzer: the XLSX reader (ZIP + XML) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/deadline.h"
#include "fuzz_common.h"
#include "io/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  parkhq::fuzz::SmallLimits();
  parkhq::ScopedDeadline deadline(2);
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  size_t cells = 0;
  (void)parkhq::io::ReadXlsx(bytes, [&](const parkhq::io::InputRow& r) {
    cells += r.cells.size();
    (void)parkhq::io::NormalizeDateCell(r.at(0));
    return true;
  });
  return 0;
}
