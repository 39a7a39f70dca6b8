// libFuzzer: JSON request bodies through ParseBody and the shared FieldReader.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "http/json/json_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parkhq::http;
  parkhq::fuzz::SmallLimits();
  Request req;
  req.body.assign(reinterpret_cast<const char*>(data), size);
  auto body = ParseBody(req);
  if (!body.ok()) return 0;
  FieldReader f(*body, "x.");
  (void)f.String("name", true);
  (void)f.String("note", false, 2000);
  (void)f.Number("amount", false);
  (void)f.NonNegative("area", false);
  (void)f.Int("id", false);
  (void)f.Bool("flag", false);
  (void)f.DateString("date", false);
  (void)f.Finish();
  // Whatever was read renders back as valid JSON.
  const std::string out = WriteJson(*body);
  boost::system::error_code ec;
  (void)boost::json::parse(out, ec);
  if (ec) __builtin_trap();
  return 0;
}
