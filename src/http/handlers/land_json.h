// JSON ↔ land values: GeoJSON geometry parsing, parcel fields (create, patch, import properties),
// and rendering parcels, contracts, findings and disposal records.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/land/land_service.h"
#include "http/json/json_util.h"

namespace parkhq::http::land_json {

namespace land = parkhq::land;

// Reads the "crs" member: "lonlat" | "projected", or a legacy GeoJSON crs object
// {"type":"name","properties":{"name":"EPSG:4547"}} (4326/4490/CRS84 = lonlat, other EPSG = projected).
// nullopt when absent; an error is added for an unknown value.
std::optional<land::CoordinateSystem> ReadCrs(const json::value* v, const std::string& field,
                                              std::vector<FieldError>& errs);

// Parses a GeoJSON Polygon / MultiPolygon into rings of points (structure only; the domain validates
// rings). Errors name the position, e.g. {"geometry.coordinates[0][3]", "外环第4个点应为 [x, y] 数字坐标"}.
// `canonical` receives {"type","coordinates"} serialized.
std::optional<land::Geometry> ParseGeometry(const json::value& v, land::CoordinateSystem crs, const std::string& field,
                                            std::vector<FieldError>& errs, std::string* canonical);

// Applies the members present in `o` onto `r` (null clears an optional field). Errors are added with
// `prefix` ("" or "features[3].properties."). Geometry is read from `geometry` (parcel JSON) when
// `geometry` is non-null; the caller passes the feature's geometry for an import.
void ApplyParcelFields(const json::object& o, land::ParcelRecord& r, const std::string& prefix,
                       std::vector<FieldError>& errs);
void ApplyGeometry(const json::value& g, std::optional<land::CoordinateSystem> crs, land::ParcelRecord& r,
                   const std::string& field, std::vector<FieldError>& errs);

json::object ParcelJson(const land::ParcelView& v, bool with_geometry);
json::object ContractJson(const land::ContractView& v);
json::object DisposalJson(const land::Disposal& d);
json::object RulesJson(const land::InefficiencyRules& r);
json::object FindingJson(const land::InefficiencyFinding& f);
json::object TotalsJson(const std::array<double, land::kInefficiencyKindCount>& totals);

// Reads an optional "date" query parameter (YYYY-MM-DD); default today. 422 when malformed.
StatusOr<Date> QueryDate(const Request& req, const char* name = "date");

}  // namespace parkhq::http::land_json
