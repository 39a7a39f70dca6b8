#include "app/briefing_sources.h"

#include <algorithm>

#include "domain/enterprise/enterprise_service.h"
#include "domain/land/land_service.h"
#include "domain/monitoring/monitoring_service.h"
#include "domain/project/crm_service.h"
#include "domain/project/project_service.h"

namespace parkhq::app {

namespace b = briefing;
namespace mon = monitoring;

namespace {

b::IndicatorFacts Facts(const mon::ComputedRow& r) {
  b::IndicatorFacts f;
  f.code = r.indicator.code;
  f.name = r.indicator.name_zh;
  f.unit = r.indicator.unit;
  const auto& x = r.figures;
  f.month = x.month;
  f.month_yoy_pct = x.month_yoy_pct;
  f.ytd = x.ytd;
  f.ytd_last_year = x.ytd_last_year;
  f.yoy_pct = x.yoy_pct;
  f.target = x.target;
  f.completion_pct = x.completion_pct;
  f.gap = x.gap;
  f.time_progress = x.time_progress;
  return f;
}

std::string NameOf(const std::map<int64_t, std::string>& names, int64_t id) {
  auto it = names.find(id);
  return it == names.end() ? "企业" + std::to_string(id) : it->second;
}

}  // namespace

StatusOr<b::BriefingInput> ModuleFacts::Gather(const Scope& s, const Park& park, Period period) const {
  b::BriefingInput in;
  in.park_name = park.name;
  in.period = period;
  in.query = "GET /api/v1/parks/" + std::to_string(park.id) + "/monitoring?period=" + period.ToString();
  PARKHQ_ASSIGN_OR_RETURN(auto d, monitoring_.ParkDashboard(s, park.id, period, mon::Basis::kAll));
  for (const auto& r : d.table.rows) in.indicators.push_back(Facts(r));
  for (const auto& sp : d.sub_parks) {
    b::UnitFacts u;
    u.name = sp.name;
    for (const auto& r : sp.rows) u.indicators.push_back(Facts(r));
    in.sub_parks.push_back(std::move(u));
  }
  for (const auto& w : d.warnings) in.warnings.push_back({w.park_name, w.warning.message});
  const Date end = Date::LastOfMonth(period);
  if (enterprises_) {
    if (auto bd = enterprises_->BreakdownOf(s, park.id, "output", period.year); bd.ok())
      for (const auto& g : bd->by_group) in.groups.push_back({g.name_zh, g.enterprises, g.total});
    if (auto m = enterprises_->Movement(s, park.id, "output", period, true, 3); m.ok()) {
      for (const auto& c : m->analysis.top_increases) in.movers.push_back({NameOf(m->names, c.id), c.delta});
      for (const auto& c : m->analysis.top_decreases) in.movers.push_back({NameOf(m->names, c.id), c.delta});
    }
    if (auto st = enterprises_->ReportingStatusOf(s, park.id, period); st.ok()) {
      b::ReportingFacts r;
      r.expected = st->status.expected;
      r.submitted = st->status.submitted;
      r.rate_pct = st->status.completeness_pct;
      for (const auto& [id, name] : st->missing_names) r.late.push_back(name);
      in.reporting = std::move(r);
    }
  }
  if (projects_) {
    if (auto rates = projects_->Rates(s, park.id, end); rates.ok()) {
      b::ProjectFacts pf;
      for (const auto& r : rates->rates)
        if (r.code == project::RateCode::kStart || r.code == project::RateCode::kResume ||
            r.code == project::RateCode::kFulfilment)
          pf.rates.push_back({project::RateNameZh(r.code), r.value_pct, r.numerator, r.denominator});
      if (auto lights = projects_->Lights(s, park.id, end); lights.ok()) {
        std::vector<int64_t> red;
        for (const auto& l : *lights)
          if (l.start.light == project::Light::kRed || l.progress.light == project::Light::kRed) red.push_back(l.project_id);
        if (!red.empty()) {
          project::ProjectFilter f;
          f.limit = 0;
          if (auto page = projects_->List(s, f, park.id); page.ok())
            for (const auto& p : page->items)
              if (std::find(red.begin(), red.end(), p.core.id) != red.end()) pf.red_projects.push_back(p.core.name);
        }
      }
      in.projects = std::move(pf);
    }
  }
  if (crm_) {
    if (auto leads = crm_->ListLeads(s, park.id, std::nullopt); leads.ok()) {
      b::AttractionFacts a;
      for (const auto& l : *leads) {
        if (l.stage == project::LeadStage::kSigned) ++a.signed_ytd;
        else if (l.stage != project::LeadStage::kAbandoned) ++a.leads;
      }
      in.attraction = a;
    }
  }
  if (land_) {
    if (auto ds = land_->ListDisposals(s, park.id, std::nullopt, ""); ds.ok()) {
      b::LandFacts lf;
      for (const auto& x : *ds) {
        ++lf.disposals;
        if (x.status == "completed" || x.completed_on) ++lf.completed;
      }
      in.land = lf;
    }
  }
  return in;
}

}  // namespace parkhq::app
