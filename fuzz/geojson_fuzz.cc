// libFuzzer: GeoJSON geometry parsing (land_json::ParseGeometry), then the domain's ring checks
// and area, under a work deadline.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/deadline.h"
#include "domain/land/geometry.h"
#include "fuzz_common.h"
#include "http/handlers/land_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace json = boost::json;
  parkhq::fuzz::SmallLimits();
  parkhq::ScopedDeadline deadline(2);
  boost::system::error_code ec;
  json::parse_options opts;
  opts.max_depth = parkhq::GetLimits().json_depth;
  json::value v = json::parse(std::string_view(reinterpret_cast<const char*>(data), size), ec, {}, opts);
  if (ec) return 0;
  std::vector<parkhq::FieldError> errs;
  std::string canonical;
  for (auto crs : {parkhq::land::CoordinateSystem::kLonLat, parkhq::land::CoordinateSystem::kProjectedMetres}) {
    auto g = parkhq::http::land_json::ParseGeometry(v, crs, "geometry", errs, &canonical);
    if (g && parkhq::land::ValidateGeometry(*g).ok()) (void)parkhq::land::AreaM2(*g);
  }
  return 0;
}
