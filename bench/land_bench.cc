// Land: the five-kinds classification over a park's parcels, and boundary validation + area.
//   build/parkhq_bench --benchmark_filter=Land
#include <benchmark/benchmark.h>

#include <cmath>

#include "domain/land/geometry.h"
#include "domain/land/inefficient_calc.h"

namespace {

using parkhq::Date;
using namespace parkhq::land;  // NOLINT: benchmark file

// A mix of parcels at every stage, deterministic.
std::vector<ParcelFacts> MakeParcels(int n) {
  std::vector<ParcelFacts> out(n);
  for (int i = 0; i < n; ++i) {
    Parcel& p = out[i].parcel;
    p.id = i + 1;
    p.code = "P" + std::to_string(i);
    p.area_mu = 20 + i % 80;
    p.approved = Date{2016 + i % 6, 1 + i % 12, 1 + i % 28};
    const int stage = i % 6;
    if (stage >= 1) {
      p.supplied = p.approved->AddMonths(6);
      p.supply_kind = SupplyKind::kTransfer;
      p.agreed_start = p.supplied->AddMonths(6);
      p.agreed_completion = p.agreed_start->AddMonths(18);
      p.agreed_production = p.agreed_completion->AddMonths(6);
    }
    if (stage >= 2) p.actual_start = p.agreed_start->AddMonths(i % 3);
    if (stage == 3) {
      p.halted_since = p.actual_start->AddMonths(8);
      p.developed_area_m2 = p.AreaM2() * 0.2;
    }
    if (stage >= 4) {
      p.completed = p.actual_start->AddMonths(20);
      p.footprint_m2 = p.AreaM2() * (0.2 + (i % 5) * 0.05);
      p.floor_area_m2 = p.AreaM2() * (0.5 + (i % 7) * 0.1);
      p.developed_area_m2 = p.AreaM2() * (0.4 + (i % 6) * 0.1);
    }
    if (stage == 5) {
      p.production = p.completed->AddMonths(3);
      StandardLandContract c;
      c.indicators = {{IndicatorCode::kTaxPerMu, 15}, {IndicatorCode::kFloorAreaRatio, 1.0}};
      c.production_check = p.production->AddYears(2);
      out[i].contract = c;
      out[i].actual[parkhq::evaluation::Index(IndicatorCode::kTaxPerMu)] = 10.0 + i % 10;
    }
  }
  return out;
}

void BM_LandFindInefficient(benchmark::State& state) {
  const auto parcels = MakeParcels(static_cast<int>(state.range(0)));
  const Date date{2023, 12, 31};
  for (auto _ : state) {
    auto r = FindInefficientLand(parcels, date);
    benchmark::DoNotOptimize(r.total_distinct_mu);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_LandFindInefficient)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// A star-shaped (simple) ring of n points in projected metres.
Geometry Ring(int n) {
  Geometry g;
  g.crs = CoordinateSystem::kProjectedMetres;
  parkhq::land::Ring r;
  for (int i = 0; i < n; ++i) {
    const double a = 2 * M_PI * i / n;
    const double rad = 500 + 50 * std::sin(7 * a);
    r.push_back({512000 + rad * std::cos(a), 3897000 + rad * std::sin(a)});
  }
  r.push_back(r.front());
  g.polygons.push_back({{r}});
  return g;
}

void BM_LandValidateAndMeasureRing(benchmark::State& state) {
  const Geometry g = Ring(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto st = ValidateGeometry(g);
    benchmark::DoNotOptimize(st.ok());
    benchmark::DoNotOptimize(AreaM2(g));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_LandValidateAndMeasureRing)->Arg(100)->Arg(1000)->Arg(5000)->Unit(benchmark::kMillisecond);

}  // namespace
