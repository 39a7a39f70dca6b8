#include "domain/project/rates_calc.h"

#include <algorithm>

namespace parkhq::project {
namespace {

Date YearStart(Date d) { return {d.year, 1, 1}; }

bool InWindow(const std::optional<Date>& planned, Date d) {
  return planned && *planned >= YearStart(d) && *planned <= d;
}

std::optional<double> Pct(double numerator, double denominator) {
  if (denominator == 0) return std::nullopt;
  return numerator * 100.0 / denominator;
}

void Finish(RateResult& r) {
  std::sort(r.numerator_ids.begin(), r.numerator_ids.end());
  std::sort(r.denominator_ids.begin(), r.denominator_ids.end());
  r.value_pct = Pct(r.numerator, r.denominator);
}

// A count rate: `in_denominator(p)` and, for those, `in_numerator(p)`.
template <typename Den, typename Num>
RateResult CountRate(RateCode code, Projects projects, Den in_denominator, Num in_numerator) {
  RateResult r;
  r.code = code;
  for (const Project& p : projects) {
    if (!in_denominator(p)) continue;
    r.denominator += 1;
    r.denominator_ids.push_back(p.id);
    if (in_numerator(p)) {
      r.numerator += 1;
      r.numerator_ids.push_back(p.id);
    }
  }
  Finish(r);
  return r;
}

bool StartDen(const Project& p, Date d) {
  return p.kind == Kind::kNew && !IsTerminatedAt(p, d) && InWindow(p.planned[Stage::kStarted], d);
}
bool StartNum(const Project& p, Date d) { return ReachedBy(p, Stage::kStarted, d); }

bool ResumeDen(const Project& p, Date d) {
  if (p.kind != Kind::kContinuing || IsTerminatedAt(p, d)) return false;
  auto completed = ReachedOn(p, Stage::kCompleted);
  return !(completed && *completed < YearStart(d));
}
bool ResumeNum(const Project& p, Date d) {
  auto started = ReachedOn(p, Stage::kStarted);
  if (started && *started >= YearStart(d) && *started <= d) return true;
  return std::any_of(p.resumed_on.begin(), p.resumed_on.end(),
                     [&](const Date& r) { return r >= YearStart(d) && r <= d; });
}

}  // namespace

const char* RateCodeName(RateCode c) {
  switch (c) {
    case RateCode::kFulfilment:
      return "fulfilment";
    case RateCode::kStart:
      return "start";
    case RateCode::kResume:
      return "resume";
    case RateCode::kStartResume:
      return "start_resume";
    case RateCode::kOnTimeCompletion:
      return "on_time_completion";
    case RateCode::kProduction:
      return "production";
    case RateCode::kFaiCompletion:
      return "fai_completion";
    case RateCode::kFundsInPlace:
      return "funds_in_place";
  }
  return "unknown";
}

const char* RateNameZh(RateCode c) {
  switch (c) {
    case RateCode::kFulfilment:
      return "履约率";
    case RateCode::kStart:
      return "开工率";
    case RateCode::kResume:
      return "复工率";
    case RateCode::kStartResume:
      return "开(复)工率";
    case RateCode::kOnTimeCompletion:
      return "按期竣工率";
    case RateCode::kProduction:
      return "投产率";
    case RateCode::kFaiCompletion:
      return "固定资产投资完成率";
    case RateCode::kFundsInPlace:
      return "资金到位率";
  }
  return "未知";
}

RateResult FulfilmentRate(Projects projects, Date d) {
  return CountRate(
      RateCode::kFulfilment, projects,
      [d](const Project& p) {
        return ReachedBy(p, Stage::kSigned, d) && InWindow(p.planned[Stage::kLanded], d);
      },
      [](const Project& p) { return ReachedBy(p, Stage::kLanded, *p.planned[Stage::kLanded]); });
}

RateResult StartRate(Projects projects, Date d) {
  return CountRate(
      RateCode::kStart, projects, [d](const Project& p) { return StartDen(p, d); },
      [d](const Project& p) { return StartNum(p, d); });
}

RateResult ResumeRate(Projects projects, Date d) {
  return CountRate(
      RateCode::kResume, projects, [d](const Project& p) { return ResumeDen(p, d); },
      [d](const Project& p) { return ResumeNum(p, d); });
}

RateResult StartResumeRate(Projects projects, Date d) {
  // A project is either new or continuing, so the union is a disjoint sum.
  return CountRate(
      RateCode::kStartResume, projects,
      [d](const Project& p) { return StartDen(p, d) || ResumeDen(p, d); },
      [d](const Project& p) { return p.kind == Kind::kNew ? StartNum(p, d) : ResumeNum(p, d); });
}

RateResult OnTimeCompletionRate(Projects projects, Date d) {
  return CountRate(
      RateCode::kOnTimeCompletion, projects,
      [d](const Project& p) {
        return !IsTerminatedAt(p, d) && InWindow(p.planned[Stage::kCompleted], d);
      },
      [](const Project& p) {
        return ReachedBy(p, Stage::kCompleted, *p.planned[Stage::kCompleted]);
      });
}

RateResult ProductionRate(Projects projects, Date d) {
  return CountRate(
      RateCode::kProduction, projects,
      [d](const Project& p) {
        return !IsTerminatedAt(p, d) && InWindow(p.planned[Stage::kProduction], d);
      },
      [d](const Project& p) { return ReachedBy(p, Stage::kProduction, d); });
}

RateResult FaiCompletionRate(Projects projects, Date d) {
  RateResult r;
  r.code = RateCode::kFaiCompletion;
  for (const Project& p : projects) {
    auto planned = PlannedInvestment(p, d.year);
    if (!planned || *planned <= 0) continue;
    r.denominator += *planned;
    r.denominator_ids.push_back(p.id);
    const double completed = CompletedYtd(p, d);
    r.numerator += completed;
    if (completed > 0) r.numerator_ids.push_back(p.id);
  }
  Finish(r);
  return r;
}

RateResult FundsInPlaceRate(Projects projects, Date d, std::optional<double> target) {
  RateResult r;
  r.code = RateCode::kFundsInPlace;
  for (const Project& p : projects) {
    const double funds = FundsInPlaceYtd(p, d);
    r.numerator += funds;
    if (funds > 0) r.numerator_ids.push_back(p.id);
  }
  r.denominator = target && *target > 0 ? *target : 0;
  Finish(r);
  return r;
}

std::vector<RateResult> ComputeRates(Projects projects, Date d,
                                     std::optional<double> funds_in_place_target) {
  return {FulfilmentRate(projects, d),       StartRate(projects, d),
          ResumeRate(projects, d),           StartResumeRate(projects, d),
          OnTimeCompletionRate(projects, d), ProductionRate(projects, d),
          FaiCompletionRate(projects, d),    FundsInPlaceRate(projects, d, funds_in_place_target)};
}

ProjectFundsRate ProjectFundsInPlaceRate(const Project& p, Date d) {
  ProjectFundsRate r;
  r.project_id = p.id;
  r.funds_in_place = FundsInPlaceToDate(p, d);
  r.contracted_investment = p.contracted_investment;
  r.value_pct = Pct(r.funds_in_place, r.contracted_investment);
  return r;
}

}  // namespace parkhq::project
