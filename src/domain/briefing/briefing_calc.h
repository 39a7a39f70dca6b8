// Assembles a briefing's content from plain figures the module services return (issue 12):
// sections → sentences from templates with placeholders bound to named figures. Pure; thread-safe.
// The figures are the services' own (the monitoring API's 1-N月累计, 同比, 序时进度 …), so the
// briefing states exactly what the API states. Rules: docs/briefings.md.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/briefing/briefing.h"

namespace parkhq::briefing {

// One monitoring indicator at the period, as MonitoringService computes it.
struct IndicatorFacts {
  std::string code, name, unit;
  std::optional<double> month, month_yoy_pct, ytd, ytd_last_year, yoy_pct, target, completion_pct, gap;
  double time_progress = 0;
};

struct UnitFacts {  // a sub-park (or a region's park)
  std::string name;
  std::vector<IndicatorFacts> indicators;
};

struct GroupFacts {  // a leading group's 1-N月 output from approved reports
  std::string name;
  int enterprises = 0;
  double total = 0;  // 万元
};

struct MoverFacts {  // a firm that moved 工业总产值 most (1-N月 vs 同期)
  std::string name;
  double change = 0;  // 万元, signed
};

struct RateFacts {
  std::string name;  // 开工率 …
  std::optional<double> pct;
  double numerator = 0, denominator = 0;
};

struct ProjectFacts {
  std::vector<RateFacts> rates;
  std::vector<std::string> red_projects;  // names of projects with a red light
};

struct AttractionFacts {  // 招商
  int leads = 0;          // active leads
  int signed_ytd = 0;     // leads at stage 签约
};

struct ReportingFacts {
  int expected = 0, submitted = 0;
  std::optional<double> rate_pct;  // 报送率
  std::vector<std::string> late;   // 催报 list names
};

struct LandFacts {
  int disposals = 0;  // inefficient-land disposals recorded
  int completed = 0;  // of which completed (处置完成)
};

struct WarningFacts {
  std::string park, message;
};

// Everything one briefing reads. Optional parts are sections their module provides; a missing part
// leaves its section out.
struct BriefingInput {
  std::string park_name;
  Period period;
  std::string query;  // the monitoring query the figures come from, e.g. "GET /api/v1/parks/3/monitoring?period=2023-06"
  std::vector<IndicatorFacts> indicators;
  std::vector<UnitFacts> sub_parks;
  std::vector<GroupFacts> groups;
  std::vector<MoverFacts> movers;
  std::optional<ProjectFacts> projects;
  std::optional<AttractionFacts> attraction;
  std::optional<ReportingFacts> reporting;
  std::optional<LandFacts> land;
  std::vector<WarningFacts> warnings;
  std::vector<Section> extra_sections;  // from section providers (tasks/督办 …), appended before warnings
};

// Template key → default template text. Keys are the sentence ids.
const std::map<std::string, std::string>& DefaultTemplates();

// The figures of an input (named "output.ytd", "park.name", "period.range" …).
Figures CollectFigures(const BriefingInput& in);

// The briefing content. `templates` overrides DefaultTemplates() per sentence id (edited ones).
// A sentence whose figures are all missing is left out.
Content BuildContent(const BriefingInput& in, const std::map<std::string, std::string>& templates = {});

// Re-renders every sentence of `c` with `c.figures` (after an edit). Validation naming
// "sentences.<id>" when a template no longer renders.
Status Rerender(Content& c);

// Compares what an issued briefing stated (`issued`) with the same figures computed now (`now`)
// and, when any differ, puts a section "changes" (上期通报以来数据变动) first in `draft`, with its
// figures ("chg.N.*") added. Returns the number of changed figures.
int AddChangesSince(Content& draft, const Figures& issued, const Figures& now, const std::string& issued_title);

}  // namespace parkhq::briefing
