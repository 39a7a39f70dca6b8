// Heavy geometries: the edge sweep keeps large valid rings fast, finds the same first
// self-intersection as the pairwise scan did, and the work deadline stops a check in its loops.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <numbers>

#include "common/deadline.h"
#include "domain/land/geometry.h"

namespace parkhq::land {
namespace {

Ring Circle(double cx, double cy, double r, int n) {
  Ring ring;
  for (int i = 0; i < n; ++i) {
    const double a = 2 * std::numbers::pi * i / n;
    ring.push_back({cx + r * std::cos(a), cy + r * std::sin(a)});
  }
  ring.push_back(ring.front());
  return ring;
}

Geometry Projected(std::vector<Polygon> polys) {
  Geometry g;
  g.crs = CoordinateSystem::kProjectedMetres;
  g.multi = polys.size() > 1;
  g.polygons = std::move(polys);
  return g;
}

TEST(GeometryLimitsTest, LargeValidRingsAreCheckedQuickly) {
  // Two rings of 20,000 points (the most a ring may have): 2·10^8 edge pairs each for the pairwise scan; the sweep needs a few hundred thousand.
  Geometry g = Projected({Polygon{{Circle(500000, 3800000, 1000, 19999), Circle(500000, 3800000, 500, 19999)}}});
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(ValidateGeometry(g).ok());
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(3));
}

TEST(GeometryLimitsTest, ManyPolygonsApartAreCheckedQuickly) {
  std::vector<Polygon> polys;
  for (int i = 0; i < 400; ++i) polys.push_back(Polygon{{Circle(500000 + 100.0 * (i % 20), 3800000 + 100.0 * (i / 20), 40, 250)}});
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(ValidateGeometry(Projected(std::move(polys))).ok());
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(3));
}

TEST(GeometryLimitsTest, StripIndexAgreesOnHolesInsideOutsideAndTouching) {
  const Ring outer = Circle(0, 0, 1000, 400);
  // Inside, crossing the boundary, outside entirely, and one vertex on an outer vertex.
  EXPECT_TRUE(ValidateGeometry(Projected({Polygon{{outer, Circle(0, 0, 300, 400)}}})).ok());
  EXPECT_FALSE(ValidateGeometry(Projected({Polygon{{outer, Circle(900, 0, 300, 400)}}})).ok());
  EXPECT_FALSE(ValidateGeometry(Projected({Polygon{{outer, Circle(5000, 0, 300, 400)}}})).ok());
  Ring touching = {outer[0], {outer[0].x - 100, outer[0].y + 50}, {outer[0].x - 100, outer[0].y - 50}, outer[0]};
  EXPECT_TRUE(ValidateGeometry(Projected({Polygon{{outer, touching}}})).ok()) << ValidateGeometry(Projected({Polygon{{outer, touching}}})).ToString();
}

TEST(GeometryLimitsTest, FirstSelfIntersectionInRingOrderIsReported) {
  // A bow-tie at edges 0 and 2, and another crossing further on: edge 0 × edge 2 is named.
  Ring bow = {{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}};
  const Status s = ValidateGeometry(Projected({Polygon{{bow}}}));
  ASSERT_FALSE(s.ok());
  ASSERT_EQ(s.details().size(), 1u);
  EXPECT_EQ(s.details()[0].field, "geometry.coordinates[0][2]");
  EXPECT_NE(s.details()[0].message.find("第1个点至下一点的边与第3个点至下一点的边相交"), std::string::npos)
      << s.details()[0].message;
}

TEST(GeometryLimitsTest, TheWorkDeadlineStopsTheCheck) {
  Geometry g = Projected({Polygon{{Circle(500000, 3800000, 1000, 19999)}}});
  ScopedDeadline deadline(1e-9);
  const Status s = ValidateGeometry(g);
  EXPECT_EQ(s.code(), StatusCode::kPayloadTooLarge) << s.ToString();
}

TEST(GeometryLimitsTest, WithoutADeadlineNothingExpires) {
  for (int i = 0; i < 5000; ++i) ASSERT_FALSE(DeadlinePassed());
}

}  // namespace
}  // namespace parkhq::land
