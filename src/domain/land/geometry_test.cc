#include "domain/land/geometry.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "domain/land/parcel.h"

namespace parkhq::land {
namespace {

Geometry Projected(std::vector<Ring> rings) {
  Geometry g;
  g.crs = CoordinateSystem::kProjectedMetres;
  g.polygons = {Polygon{std::move(rings)}};
  return g;
}

Ring Square(double x0, double y0, double side) {
  return {{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}};
}

std::vector<std::string> Fields(const Status& st) {
  std::vector<std::string> out;
  for (const FieldError& e : st.details()) out.push_back(e.field + ":" + e.message);
  return out;
}

TEST(GeometryAreaTest, ProjectedSquareAndHole) {
  // A 100 m × 100 m square = 10,000 m² = 10000 / (10000/15) = 15 亩.
  const Geometry sq = Projected({Square(500000, 3900000, 100)});
  ASSERT_TRUE(ValidateGeometry(sq).ok());
  EXPECT_NEAR(AreaM2(sq), 10000, 1e-6);
  EXPECT_NEAR(M2ToMu(AreaM2(sq)), 15, 1e-9);
  // With a 20 m × 20 m hole: 10,000 − 400 = 9,600 m². Clockwise outer ring gives the same area.
  Ring cw = Square(500000, 3900000, 100);
  std::reverse(cw.begin(), cw.end());
  const Geometry holed = Projected({cw, Square(500040, 3900040, 20)});
  ASSERT_TRUE(ValidateGeometry(holed).ok()) << ValidateGeometry(holed).ToString();
  EXPECT_NEAR(AreaM2(holed), 9600, 1e-6);
}

TEST(GeometryAreaTest, LonLatCellNearHuating) {
  // 0.01° × 0.01° at 106.60–106.61°E, 35.00–35.01°N. Reference: the WGS-84 ellipsoid area
  // Δλ·∫M(φ)N(φ)cos φ dφ, integrated numerically offline = 1,012,695.42 m² (an authalic sphere
  // would give 1,012,765.5, +0.007%).
  Geometry g;
  g.polygons = {Polygon{{{{106.60, 35.00}, {106.61, 35.00}, {106.61, 35.01}, {106.60, 35.01}, {106.60, 35.00}}}}};
  ASSERT_TRUE(ValidateGeometry(g).ok());
  EXPECT_NEAR(AreaM2(g), 1012695.42, 1012695.42 * 1e-5);
}

TEST(GeometryValidationTest, BadRingsAreRefusedWithPositions) {
  struct Case {
    const char* name;
    Ring ring;
    std::string expected;
  };
  const Case cases[] = {
      {"unclosed", {{0, 0}, {10, 0}, {10, 10}, {0, 10}},
       "geometry.coordinates[0][3]:外环未闭合：最后一个点须与第1个点相同"},
      {"too few points", {{0, 0}, {10, 0}, {0, 0}},
       "geometry.coordinates[0]:外环点数不足：至少需要4个点(首尾相同)，实际3个"},
      // Bow-tie: edge 1→2 (0,0)-(10,10) crosses edge 3→4 (10,0)-(0,10).
      {"bow-tie", {{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}},
       "geometry.coordinates[0][2]:外环自相交：第1个点至下一点的边与第3个点至下一点的边相交"},
      // Spike: up the east side to (10,10), the 3rd point, then straight back down to (10,5).
      {"spike", {{0, 0}, {10, 0}, {10, 10}, {10, 5}, {0, 10}, {0, 0}},
       "geometry.coordinates[0][2]:外环在第3个点处折返(出现尖刺)，属于自相交"},
      // All on one line: the ring runs out to (10,0), the 3rd point, and back.
      {"collinear", {{0, 0}, {5, 0}, {10, 0}, {0, 0}},
       "geometry.coordinates[0][2]:外环在第3个点处折返(出现尖刺)，属于自相交"},
      {"NaN", {{0, 0}, {10, 0}, {10, std::nan("")}, {0, 0}},
       "geometry.coordinates[0][2]:外环第3个点坐标无效"},
  };
  for (const Case& c : cases) {
    const Status st = ValidateGeometry(Projected({c.ring}));
    EXPECT_TRUE(st.IsValidation()) << c.name;
    EXPECT_EQ(Fields(st), std::vector<std::string>{c.expected}) << c.name;
  }
}

TEST(GeometryValidationTest, DuplicateConsecutivePointsAreTolerated) {
  const Geometry g = Projected({{{0, 0}, {10, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}});
  EXPECT_TRUE(ValidateGeometry(g).ok());
  EXPECT_NEAR(AreaM2(g), 100, 1e-9);
}

TEST(GeometryValidationTest, HolesAndPolygons) {
  // A hole poking out of the outer ring.
  EXPECT_EQ(Fields(ValidateGeometry(Projected({Square(0, 0, 100), Square(90, 40, 20)}))),
            std::vector<std::string>{"geometry.coordinates[1]:第1个内环不在外环内部"});
  // Two overlapping holes.
  EXPECT_EQ(Fields(ValidateGeometry(Projected({Square(0, 0, 100), Square(10, 10, 30), Square(20, 20, 30)}))),
            std::vector<std::string>{"geometry.coordinates[2]:第2个内环与第1个内环相互重叠"});
  // MultiPolygon: overlapping parts refused, disjoint parts summed, an island in a hole allowed.
  Geometry multi;
  multi.crs = CoordinateSystem::kProjectedMetres;
  multi.multi = true;
  multi.polygons = {Polygon{{Square(0, 0, 100)}}, Polygon{{Square(50, 50, 100)}}};
  EXPECT_EQ(Fields(ValidateGeometry(multi, "boundary")),
            std::vector<std::string>{"boundary.coordinates[1][0]:第2个面与第1个面相互重叠"});
  multi.polygons = {Polygon{{Square(0, 0, 100), Square(20, 20, 60)}}, Polygon{{Square(40, 40, 10)}},
                    Polygon{{Square(200, 0, 10)}}};
  ASSERT_TRUE(ValidateGeometry(multi).ok()) << ValidateGeometry(multi).ToString();
  EXPECT_NEAR(AreaM2(multi), 10000 - 3600 + 100 + 100, 1e-6);
  // Polygon with two parts must be a MultiPolygon.
  Geometry two = multi;
  two.multi = false;
  EXPECT_FALSE(ValidateGeometry(two).ok());
  EXPECT_FALSE(ValidateGeometry(Geometry{}).ok());
}

TEST(GeometryValidationTest, LonLatRange) {
  Geometry g;
  g.polygons = {Polygon{{{{190, 35}, {191, 35}, {191, 36}, {190, 35}}}}};
  EXPECT_EQ(Fields(ValidateGeometry(g)),
            std::vector<std::string>{"geometry.coordinates[0][0]:外环第1个点坐标无效(经度须在-180~180，纬度须在-90~90)"});
}

}  // namespace
}  // namespace parkhq::land
