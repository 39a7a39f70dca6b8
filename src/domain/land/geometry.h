// Parcel boundaries as plain values (the GeoJSON text is parsed in the HTTP layer into these):
// validation of Polygon / MultiPolygon rings and area computation.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace parkhq::land {

// How the coordinates are to be read.
enum class CoordinateSystem {
  kLonLat,           // WGS-84 / CGCS2000 degrees: x = longitude, y = latitude (GeoJSON default)
  kProjectedMetres,  // a projected plane in metres (e.g. CGCS2000 3° Gauss-Krüger): x east, y north
};

struct Point {
  double x = 0;  // longitude or easting
  double y = 0;  // latitude or northing
  bool operator==(const Point&) const = default;
};

// A linear ring as in GeoJSON: closed (first point == last point), at least 4 points.
using Ring = std::vector<Point>;

// rings[0] is the outer boundary (外环); rings[1..] are holes (内环).
struct Polygon {
  std::vector<Ring> rings;
};

struct Geometry {
  CoordinateSystem crs = CoordinateSystem::kLonLat;
  bool multi = false;              // MultiPolygon (affects field names only)
  std::vector<Polygon> polygons;   // exactly one when !multi
};

// The default limit on points per ring (Limits::geojson_points_per_ring is the one in force).
inline constexpr std::size_t kMaxPointsPerRing = 20000;

// Validates the geometry; OK when usable. On failure Status::Validation whose details name the
// GeoJSON position, e.g. {"geometry.coordinates[0][3]", "外环第4个点与第1个点之间…"}:
//  - at least one polygon, each with an outer ring; not more than one polygon unless multi;
//  - each ring: ≥ 4 points, ≤ Limits::geojson_points_per_ring, finite coordinates (lon ∈ [-180,180],
//    lat ∈ [-90,90] for kLonLat), closed (first == last), non-zero area;
//  - no self-intersection: two non-adjacent edges may not touch or cross; adjacent edges may not
//    fold back over each other (a spike);
//  - every hole lies inside its outer ring (no vertex outside it, no edge crossing it) and holes
//    do not cross or contain one another;
//  - the polygons of a MultiPolygon do not cross or contain one another.
// `field` is the JSON field name of the geometry ("geometry" by default). At most 20 problems are
// listed. Edge pairs are found by a sweep over x (near-linear for real boundaries); the loops
// check the thread's work deadline (common/deadline.h) and return DeadlineStatus() (413) past it.
Status ValidateGeometry(const Geometry& g, std::string_view field = "geometry");

// Area in m² of a validated geometry: Σ over polygons of |outer| − Σ|holes|.
//  - kProjectedMetres: the planar shoelace formula.
//  - kLonLat: the points are first projected with a local sinusoidal (equal-area) projection
//    centred on the mean of the outer-ring vertices (λ0, φ0), using the WGS-84 radii of curvature
//    at φ0: x = N(φ0)·cos φ·(λ − λ0), y = M(φ0)·(φ − φ0); then the shoelace formula. The area
//    element of this map is M(φ0)·N(φ0)·cos φ, equal to the ellipsoid's M(φ)·N(φ)·cos φ to a
//    relative error below 1e-5 for parcels a few km across.
// The result for an invalid geometry is unspecified (not UB): validate first.
double AreaM2(const Geometry& g);

// Signed planar shoelace area of a closed ring (positive when counter-clockwise).
double SignedShoelace(const Ring& ring);

}  // namespace parkhq::land
