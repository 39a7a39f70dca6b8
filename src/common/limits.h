// Limits on untrusted input, in one place with safe defaults. `parkhq serve` flags fill them at
// start-up (SetLimits); readers and parsers deep in the code read them with GetLimits(). Plain
// fields so a config file can fill the same struct.
#pragma once
#include <cstddef>
#include <string>

namespace parkhq {

struct Limits {
  // Request bodies (bytes): ordinary JSON routes and upload routes (imports, GeoJSON files).
  std::size_t body_bytes = 10u << 20;
  std::size_t upload_bytes = 64u << 20;
  // XLSX reading.
  std::size_t xlsx_columns = 16384;            // Excel's own maximum (column XFD)
  std::size_t xlsx_rows = 1'048'576;           // rows of the sheet (row elements read)
  std::size_t xlsx_cells = 1'000'000;          // non-empty cells of the sheet
  std::size_t xlsx_shared_strings = 1'000'000;
  std::size_t xlsx_entry_bytes = 48u << 20;    // uncompressed bytes of one ZIP entry (counted while reading)
  std::size_t xlsx_total_bytes = 96u << 20;   // uncompressed bytes of all entries read from one file
  // GeoJSON geometries.
  std::size_t geojson_points = 100'000;        // points in one geometry
  std::size_t geojson_points_per_ring = 20'000;
  std::size_t geojson_rings = 1'000;           // rings in one geometry (all polygons)
  std::size_t geojson_polygons = 500;          // polygons of one MultiPolygon
  std::size_t geojson_request_points = 500'000;  // points in all geometries of one request
  std::size_t json_depth = 32;                 // nesting depth of any JSON body
  // Work: a request running longer than this on a worker is cancelled (413/503 to the client).
  double request_work_seconds = 20;
  // SIGTERM: stop accepting, give requests in flight this long, then exit even if one is stuck.
  double shutdown_grace_seconds = 5;
};

// The largest magnitude a number field accepts unless it declares otherwise: 1e13 (万元 amounts
// beyond that are typing errors or attacks).
inline constexpr double kMaxAbsNumber = 1e13;

// "" when d is finite and |d| <= max_abs; else the Chinese field message. Shared by the JSON
// field reader and the CSV/XLSX import cell readers.
std::string NumberProblem(double d, double max_abs = kMaxAbsNumber);

// The limits in force (defaults until SetLimits is called at start-up).
const Limits& GetLimits();
// Replaces the limits; call before serving (not synchronised with readers).
void SetLimits(const Limits& limits);

}  // namespace parkhq
