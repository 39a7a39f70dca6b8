#include "domain/land/geometry.h"

#include <cmath>
#include <numbers>

namespace parkhq::land {
namespace {

constexpr std::size_t kMaxErrors = 20;

enum class Where { kInside, kOutside, kBoundary };

double Cross(Point o, Point a, Point b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }
int Orientation(Point o, Point a, Point b) {
  const double c = Cross(o, a, b);
  return c > 0 ? 1 : (c < 0 ? -1 : 0);
}
// p is known collinear with a-b: is it within the segment's bounding box?
bool WithinBox(Point a, Point b, Point p) {
  return std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= p.y &&
         p.y <= std::max(a.y, b.y);
}
// Closed segments share at least one point (touching counts).
bool SegmentsTouch(Point p1, Point p2, Point q1, Point q2) {
  const int o1 = Orientation(p1, p2, q1), o2 = Orientation(p1, p2, q2);
  const int o3 = Orientation(q1, q2, p1), o4 = Orientation(q1, q2, p2);
  if (o1 != o2 && o3 != o4) return true;  // the general case, touching included
  if (o1 == 0 && WithinBox(p1, p2, q1)) return true;
  if (o2 == 0 && WithinBox(p1, p2, q2)) return true;
  if (o3 == 0 && WithinBox(q1, q2, p1)) return true;
  if (o4 == 0 && WithinBox(q1, q2, p2)) return true;
  return false;
}
// Segments cross at a point interior to both (a proper crossing).
bool SegmentsCross(Point p1, Point p2, Point q1, Point q2) {
  const int o1 = Orientation(p1, p2, q1), o2 = Orientation(p1, p2, q2);
  const int o3 = Orientation(q1, q2, p1), o4 = Orientation(q1, q2, p2);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

Where Locate(Point p, const Ring& ring) {
  bool inside = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const Point a = ring[j], b = ring[i];
    if (Orientation(a, b, p) == 0 && WithinBox(a, b, p)) return Where::kBoundary;
    if ((a.y > p.y) != (b.y > p.y)) {
      const double x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
      if (p.x < x) inside = !inside;
    }
  }
  return inside ? Where::kInside : Where::kOutside;
}

// A ring with consecutive duplicate points removed, remembering the original indices.
struct CleanRing {
  Ring pts;                       // closed: pts.front() == pts.back()
  std::vector<std::size_t> orig;  // orig[k] = index of pts[k] in the input ring
};
CleanRing Clean(const Ring& r) {
  CleanRing c;
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (!c.pts.empty() && c.pts.back() == r[i]) continue;
    c.pts.push_back(r[i]);
    c.orig.push_back(i);
  }
  return c;
}

class Checker {
 public:
  Checker(const Geometry& g, std::string_view field) : g_(g), field_(field) {}

  Status Run();

 private:
  std::string RingField(std::size_t p, std::size_t r) const {
    std::string f = field_ + ".coordinates";
    if (g_.multi) f += "[" + std::to_string(p) + "]";
    return f + "[" + std::to_string(r) + "]";
  }
  std::string PointField(std::size_t p, std::size_t r, std::size_t i) const {
    return RingField(p, r) + "[" + std::to_string(i) + "]";
  }
  std::string RingName(std::size_t p, std::size_t r) const {
    std::string n = g_.multi ? "第" + std::to_string(p + 1) + "个面的" : "";
    return n + (r == 0 ? "外环" : "第" + std::to_string(r) + "个内环");
  }
  static std::string Nth(std::size_t i) { return "第" + std::to_string(i + 1) + "个点"; }
  void Add(std::string field, std::string message) {
    if (errs_.size() < kMaxErrors) errs_.push_back({std::move(field), std::move(message)});
  }
  bool CheckRing(std::size_t p, std::size_t r);
  bool CheckSelfIntersection(std::size_t p, std::size_t r, const CleanRing& c);
  void CheckHoles(std::size_t p);
  void CheckPolygonsApart();

  const Geometry& g_;
  std::string field_;
  std::vector<FieldError> errs_;
  std::vector<std::vector<CleanRing>> clean_;  // per polygon, per ring (valid rings only)
};

bool Checker::CheckRing(std::size_t p, std::size_t r) {
  const Ring& ring = g_.polygons[p].rings[r];
  const std::string name = RingName(p, r);
  if (ring.size() < 4) {
    Add(RingField(p, r), name + "点数不足：至少需要4个点(首尾相同)，实际" +
                             std::to_string(ring.size()) + "个");
    return false;
  }
  if (ring.size() > kMaxPointsPerRing) {
    Add(RingField(p, r), name + "点数过多：最多" + std::to_string(kMaxPointsPerRing) + "个");
    return false;
  }
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const Point pt = ring[i];
    bool bad = !std::isfinite(pt.x) || !std::isfinite(pt.y);
    if (!bad && g_.crs == CoordinateSystem::kLonLat)
      bad = pt.x < -180 || pt.x > 180 || pt.y < -90 || pt.y > 90;
    if (bad) {
      Add(PointField(p, r, i), name + Nth(i) + "坐标无效" +
                                   (g_.crs == CoordinateSystem::kLonLat ? "(经度须在-180~180，纬度须在-90~90)" : ""));
      return false;
    }
  }
  if (!(ring.front() == ring.back())) {
    Add(PointField(p, r, ring.size() - 1), name + "未闭合：最后一个点须与第1个点相同");
    return false;
  }
  CleanRing c = Clean(ring);
  if (c.pts.size() < 4) {
    Add(RingField(p, r), name + "去掉重复点后不足3个不同的点，无法构成面");
    return false;
  }
  if (!CheckSelfIntersection(p, r, c)) return false;
  if (SignedShoelace(c.pts) == 0) {
    Add(RingField(p, r), name + "面积为0(各点共线)");
    return false;
  }
  clean_[p][r] = std::move(c);
  return true;
}

bool Checker::CheckSelfIntersection(std::size_t p, std::size_t r, const CleanRing& c) {
  const std::size_t m = c.pts.size() - 1;  // number of edges; edge k = pts[k] → pts[k+1]
  const std::string name = RingName(p, r);
  for (std::size_t k = 0; k < m; ++k) {
    // Adjacent edge k → k+1 (cyclic) folding back on itself: a spike.
    const Point a = c.pts[k], b = c.pts[k + 1], d = c.pts[k + 2 <= m ? k + 2 : 1];
    if (Orientation(a, b, d) == 0 && (a.x - b.x) * (d.x - b.x) + (a.y - b.y) * (d.y - b.y) > 0) {
      const std::size_t at = c.orig[(k + 1) % m];
      Add(PointField(p, r, at), name + "在" + Nth(at) + "处折返(出现尖刺)，属于自相交");
      return false;
    }
  }
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t j = i + 2; j < m; ++j) {
      if (i == 0 && j == m - 1) continue;  // first and last edges share the closing point
      if (SegmentsTouch(c.pts[i], c.pts[i + 1], c.pts[j], c.pts[j + 1])) {
        const std::size_t oi = c.orig[i], oj = c.orig[j];
        Add(PointField(p, r, oj), name + "自相交：" + Nth(oi) + "至下一点的边与" + Nth(oj) +
                                      "至下一点的边相交");
        return false;
      }
    }
  }
  return true;
}

bool RingsCross(const Ring& a, const Ring& b) {
  for (std::size_t i = 0; i + 1 < a.size(); ++i)
    for (std::size_t j = 0; j + 1 < b.size(); ++j)
      if (SegmentsCross(a[i], a[i + 1], b[j], b[j + 1])) return true;
  return false;
}
// Some vertex of `a` lies strictly inside `b`.
bool AnyVertexInside(const Ring& a, const Ring& b) {
  for (const Point& pt : a)
    if (Locate(pt, b) == Where::kInside) return true;
  return false;
}

void Checker::CheckHoles(std::size_t p) {
  const auto& rings = clean_[p];
  const Ring& outer = rings[0].pts;
  for (std::size_t h = 1; h < rings.size(); ++h) {
    const Ring& hole = rings[h].pts;
    if (hole.empty()) continue;
    bool outside = RingsCross(hole, outer);
    for (std::size_t i = 0; i < hole.size() && !outside; ++i) {
      if (Locate(hole[i], outer) == Where::kOutside) outside = true;
    }
    if (outside) {
      Add(RingField(p, h), RingName(p, h) + "不在外环内部");
      continue;
    }
    for (std::size_t k = 1; k < h; ++k) {
      const Ring& other = rings[k].pts;
      if (other.empty()) continue;
      if (RingsCross(hole, other) || AnyVertexInside(hole, other) || AnyVertexInside(other, hole))
        Add(RingField(p, h), RingName(p, h) + "与" + RingName(p, k) + "相互重叠");
    }
  }
}

// Is some vertex of polygon a's outer ring inside polygon b (inside its outer, not in a hole)?
bool OuterVertexInPolygon(const std::vector<CleanRing>& a, const std::vector<CleanRing>& b) {
  for (const Point& pt : a[0].pts) {
    if (Locate(pt, b[0].pts) != Where::kInside) continue;
    bool in_hole = false;
    for (std::size_t h = 1; h < b.size() && !in_hole; ++h)
      in_hole = !b[h].pts.empty() && Locate(pt, b[h].pts) != Where::kOutside;
    if (!in_hole) return true;
  }
  return false;
}

void Checker::CheckPolygonsApart() {
  for (std::size_t a = 0; a < clean_.size(); ++a) {
    if (clean_[a].empty() || clean_[a][0].pts.empty()) continue;
    for (std::size_t b = 0; b < a; ++b) {
      if (clean_[b].empty() || clean_[b][0].pts.empty()) continue;
      if (RingsCross(clean_[a][0].pts, clean_[b][0].pts) || OuterVertexInPolygon(clean_[a], clean_[b]) ||
          OuterVertexInPolygon(clean_[b], clean_[a]))
        Add(RingField(a, 0), "第" + std::to_string(a + 1) + "个面与第" + std::to_string(b + 1) +
                                 "个面相互重叠");
    }
  }
}

Status Checker::Run() {
  if (g_.polygons.empty()) return Status::FieldInvalid(field_, "地块边界为空");
  if (!g_.multi && g_.polygons.size() > 1)
    return Status::FieldInvalid(field_, "Polygon只能有一个面，多个面请使用MultiPolygon");
  clean_.resize(g_.polygons.size());
  bool all_ok = true;
  for (std::size_t p = 0; p < g_.polygons.size(); ++p) {
    const Polygon& poly = g_.polygons[p];
    if (poly.rings.empty()) {
      Add(field_ + ".coordinates" + (g_.multi ? "[" + std::to_string(p) + "]" : ""),
          (g_.multi ? "第" + std::to_string(p + 1) + "个面" : std::string("面")) + "缺少外环");
      all_ok = false;
      continue;
    }
    clean_[p].resize(poly.rings.size());
    const std::size_t before = errs_.size();
    bool rings_ok = true;
    for (std::size_t r = 0; r < poly.rings.size(); ++r) rings_ok = CheckRing(p, r) && rings_ok;
    if (rings_ok && errs_.size() == before) CheckHoles(p); else all_ok = false;
  }
  if (all_ok && errs_.empty()) CheckPolygonsApart();
  if (errs_.empty()) return Status::Ok();
  std::string top = errs_.size() == 1 ? errs_.front().message : "地块边界无效";
  return Status::Validation(std::move(top), std::move(errs_));
}

// WGS-84 ellipsoid.
constexpr double kA = 6378137.0;
constexpr double kE2 = 6.69437999014e-3;

double Area(const Ring& ring, CoordinateSystem crs, double lon0, double lat0) {
  if (crs == CoordinateSystem::kProjectedMetres) return std::abs(SignedShoelace(ring));
  constexpr double kRad = std::numbers::pi / 180.0;
  const double s = std::sin(lat0 * kRad);
  const double w = 1 - kE2 * s * s;
  const double n = kA / std::sqrt(w);             // prime-vertical radius N(φ0)
  const double m = kA * (1 - kE2) / (w * std::sqrt(w));  // meridian radius M(φ0)
  Ring projected;
  projected.reserve(ring.size());
  for (const Point& pt : ring)
    projected.push_back({n * std::cos(pt.y * kRad) * (pt.x - lon0) * kRad, m * (pt.y - lat0) * kRad});
  return std::abs(SignedShoelace(projected));
}

}  // namespace

double SignedShoelace(const Ring& ring) {
  if (ring.size() < 3) return 0;
  // Shift to the first point to keep the products small (better precision for large eastings).
  const Point o = ring.front();
  double twice = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    twice += (ring[i].x - o.x) * (ring[i + 1].y - o.y) - (ring[i + 1].x - o.x) * (ring[i].y - o.y);
  }
  return twice / 2;
}

Status ValidateGeometry(const Geometry& g, std::string_view field) {
  return Checker(g, field).Run();
}

double AreaM2(const Geometry& g) {
  double lon0 = 0, lat0 = 0;
  std::size_t count = 0;
  for (const Polygon& poly : g.polygons) {
    if (poly.rings.empty()) continue;
    for (const Point& pt : poly.rings[0]) { lon0 += pt.x; lat0 += pt.y; ++count; }
  }
  if (count == 0) return 0;
  lon0 /= static_cast<double>(count);
  lat0 /= static_cast<double>(count);
  double total = 0;
  for (const Polygon& poly : g.polygons) {
    for (std::size_t r = 0; r < poly.rings.size(); ++r) {
      const double a = Area(poly.rings[r], g.crs, lon0, lat0);
      total += r == 0 ? a : -a;
    }
  }
  return total;
}

}  // namespace parkhq::land
