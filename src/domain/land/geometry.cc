#include "domain/land/geometry.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>

#include "common/deadline.h"
#include "common/limits.h"

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

struct Box {
  double x0 = 0, y0 = 0, x1 = -1, y1 = -1;  // empty when x0 > x1
  bool Contains(Point p) const { return x0 <= p.x && p.x <= x1 && y0 <= p.y && p.y <= y1; }
  bool Overlaps(const Box& o) const { return x0 <= o.x1 && o.x0 <= x1 && y0 <= o.y1 && o.y0 <= y1; }
};
Box BoxOf(const Ring& r) {
  Box b;
  if (r.empty()) return b;
  b = {r[0].x, r[0].y, r[0].x, r[0].y};
  for (const Point& p : r) {
    b.x0 = std::min(b.x0, p.x);
    b.x1 = std::max(b.x1, p.x);
    b.y0 = std::min(b.y0, p.y);
    b.y1 = std::max(b.y1, p.y);
  }
  return b;
}

// A ring with consecutive duplicate points removed, remembering the original indices, with its
// box and an index of its edges by horizontal strips (so locating a point looks only at the edges
// whose y range covers it, not at the whole ring).
struct CleanRing {
  Ring pts;                       // closed: pts.front() == pts.back()
  std::vector<std::size_t> orig;  // orig[k] = index of pts[k] in the input ring
  Box box;
  double strip_y0 = 0, strip_h = 0;                // strip s covers [y0 + s·h, y0 + (s+1)·h)
  std::vector<std::vector<std::uint32_t>> strips;  // edge k = pts[k] → pts[k+1]; empty: no index
  std::size_t Strip(double y) const {
    const double s = std::floor((y - strip_y0) / strip_h);
    return s <= 0 ? 0 : std::min(strips.size() - 1, static_cast<std::size_t>(s));
  }
};
void BuildStrips(CleanRing& c) {
  const std::size_t m = c.pts.size() < 2 ? 0 : c.pts.size() - 1;
  const std::size_t k = std::min<std::size_t>(4096, m / 4);
  if (k < 2 || !(c.box.y1 > c.box.y0)) return;  // small or flat: the plain walk is as fast
  c.strip_y0 = c.box.y0;
  c.strip_h = (c.box.y1 - c.box.y0) / static_cast<double>(k);
  c.strips.assign(k, {});
  std::size_t entries = 0;
  for (std::size_t e = 0; e < m; ++e) {
    const std::size_t s0 = c.Strip(std::min(c.pts[e].y, c.pts[e + 1].y));
    const std::size_t s1 = c.Strip(std::max(c.pts[e].y, c.pts[e + 1].y));
    entries += s1 - s0 + 1;
    if (entries > 16 * m) {  // long edges everywhere: no gain, no index
      c.strips.clear();
      return;
    }
    for (std::size_t s = s0; s <= s1; ++s) c.strips[s].push_back(static_cast<std::uint32_t>(e));
  }
}
CleanRing Clean(const Ring& r) {
  CleanRing c;
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (!c.pts.empty() && c.pts.back() == r[i]) continue;
    c.pts.push_back(r[i]);
    c.orig.push_back(i);
  }
  c.box = BoxOf(c.pts);
  BuildStrips(c);
  return c;
}

// Where p is relative to a ring: outside its box at once; else the even-odd rule over the edges of
// p's strip (every edge whose y range covers p.y is in it), or over all edges without an index.
Where LocateIn(Point p, const CleanRing& ring) {
  if (!ring.box.Contains(p)) return Where::kOutside;
  if (ring.strips.empty()) return Locate(p, ring.pts);
  bool inside = false;
  for (std::uint32_t e : ring.strips[ring.Strip(p.y)]) {
    const Point a = ring.pts[e], b = ring.pts[e + 1];
    if (Orientation(a, b, p) == 0 && WithinBox(a, b, p)) return Where::kBoundary;
    if ((a.y > p.y) != (b.y > p.y)) {
      const double x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
      if (p.x < x) inside = !inside;
    }
  }
  return inside ? Where::kInside : Where::kOutside;
}

// An edge for the sweep: points a → b of ring `ring`, index `k` along it; [x0, x1] its x extent.
struct Edge {
  double x0, x1;
  Point a, b;
  std::size_t k;
  int ring;
};
void AddEdges(const Ring& pts, int ring, std::vector<Edge>& out) {
  for (std::size_t k = 0; k + 1 < pts.size(); ++k)
    out.push_back({std::min(pts[k].x, pts[k + 1].x), std::max(pts[k].x, pts[k + 1].x), pts[k], pts[k + 1], k, ring});
}
// Calls visit(e, f) for every pair of edges whose x extents overlap (a sweep over x sorted by the
// left end: near-linear for parcel boundaries instead of comparing all pairs). visit returns false
// to stop. Returns false when stopped or when the work deadline passed.
template <typename Visit>
bool SweepPairs(std::vector<Edge>& edges, Visit visit) {
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.x0 < b.x0; });
  std::vector<const Edge*> active;
  for (const Edge& e : edges) {
    std::size_t keep = 0;
    for (std::size_t i = 0; i < active.size(); ++i) {
      if (DeadlinePassed()) return false;
      const Edge* f = active[i];
      if (f->x1 < e.x0) continue;  // finished: drop it
      active[keep++] = f;
      if (!visit(*f, e)) return false;
    }
    active.resize(keep);
    active.push_back(&e);
  }
  return true;
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
  bool Expired() {
    if (!expired_ && DeadlinePassed()) expired_ = true;
    return expired_;
  }
  bool expired_ = false;
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
  if (ring.size() > GetLimits().geojson_points_per_ring) {
    Add(RingField(p, r), name + "点数过多：最多" + std::to_string(GetLimits().geojson_points_per_ring) + "个");
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
  // Two non-adjacent edges that touch: report the first pair in ring order (smallest i, then j).
  std::vector<Edge> edges;
  edges.reserve(m);
  AddEdges(c.pts, 0, edges);
  std::size_t best_i = m, best_j = m;
  const bool done = SweepPairs(edges, [&](const Edge& e, const Edge& f) {
    const std::size_t i = std::min(e.k, f.k), j = std::max(e.k, f.k);
    if (j == i + 1 || (i == 0 && j == m - 1)) return true;  // adjacent (the first and last share the closing point)
    if ((i < best_i || (i == best_i && j < best_j)) && SegmentsTouch(e.a, e.b, f.a, f.b)) {
      best_i = i;
      best_j = j;
    }
    return true;
  });
  if (!done) {
    expired_ = true;
    return false;
  }
  if (best_i < m) {
    const std::size_t oi = c.orig[best_i], oj = c.orig[best_j];
    Add(PointField(p, r, oj), name + "自相交：" + Nth(oi) + "至下一点的边与" + Nth(oj) + "至下一点的边相交");
    return false;
  }
  return true;
}

// Some edge of `a` properly crosses some edge of `b` (a sweep over both rings' edges).
bool RingsCross(const CleanRing& a, const CleanRing& b) {
  if (!a.box.Overlaps(b.box)) return false;
  std::vector<Edge> edges;
  edges.reserve(a.pts.size() + b.pts.size());
  AddEdges(a.pts, 0, edges);
  AddEdges(b.pts, 1, edges);
  bool cross = false;
  SweepPairs(edges, [&](const Edge& e, const Edge& f) {
    if (e.ring != f.ring && SegmentsCross(e.a, e.b, f.a, f.b)) cross = true;
    return !cross;
  });
  return cross;
}
// Some vertex of `a` lies strictly inside `b`.
bool AnyVertexInside(const CleanRing& a, const CleanRing& b) {
  if (!a.box.Overlaps(b.box)) return false;
  for (const Point& pt : a.pts) {
    if (DeadlinePassed()) return false;
    if (LocateIn(pt, b) == Where::kInside) return true;
  }
  return false;
}

void Checker::CheckHoles(std::size_t p) {
  const auto& rings = clean_[p];
  const CleanRing& outer = rings[0];
  for (std::size_t h = 1; h < rings.size(); ++h) {
    if (Expired()) return;
    const CleanRing& hole = rings[h];
    if (hole.pts.empty()) continue;
    bool outside = RingsCross(hole, outer);
    for (std::size_t i = 0; i < hole.pts.size() && !outside; ++i) {
      if (Expired()) return;
      if (LocateIn(hole.pts[i], outer) == Where::kOutside) outside = true;
    }
    if (outside) {
      Add(RingField(p, h), RingName(p, h) + "不在外环内部");
      continue;
    }
    for (std::size_t k = 1; k < h; ++k) {
      if (Expired()) return;
      const CleanRing& other = rings[k];
      if (other.pts.empty() || !hole.box.Overlaps(other.box)) continue;
      if (RingsCross(hole, other) || AnyVertexInside(hole, other) || AnyVertexInside(other, hole))
        Add(RingField(p, h), RingName(p, h) + "与" + RingName(p, k) + "相互重叠");
    }
  }
}

// Is some vertex of polygon a's outer ring inside polygon b (inside its outer, not in a hole)?
bool OuterVertexInPolygon(const std::vector<CleanRing>& a, const std::vector<CleanRing>& b) {
  if (!a[0].box.Overlaps(b[0].box)) return false;
  for (const Point& pt : a[0].pts) {
    if (DeadlinePassed()) return false;
    if (LocateIn(pt, b[0]) != Where::kInside) continue;
    bool in_hole = false;
    for (std::size_t h = 1; h < b.size() && !in_hole; ++h)
      in_hole = !b[h].pts.empty() && LocateIn(pt, b[h]) != Where::kOutside;
    if (!in_hole) return true;
  }
  return false;
}

void Checker::CheckPolygonsApart() {
  for (std::size_t a = 0; a < clean_.size(); ++a) {
    if (clean_[a].empty() || clean_[a][0].pts.empty()) continue;
    for (std::size_t b = 0; b < a; ++b) {
      if (Expired()) return;
      if (clean_[b].empty() || clean_[b][0].pts.empty() || !clean_[a][0].box.Overlaps(clean_[b][0].box)) continue;
      if (RingsCross(clean_[a][0], clean_[b][0]) || OuterVertexInPolygon(clean_[a], clean_[b]) ||
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
    for (std::size_t r = 0; r < poly.rings.size() && !Expired(); ++r) rings_ok = CheckRing(p, r) && rings_ok;
    if (Expired()) return DeadlineStatus();
    if (rings_ok && errs_.size() == before) CheckHoles(p); else all_ok = false;
  }
  if (all_ok && errs_.empty()) CheckPolygonsApart();
  if (Expired()) return DeadlineStatus();
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
