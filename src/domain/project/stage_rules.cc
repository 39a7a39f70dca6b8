#include "domain/project/stage_rules.h"

#include <algorithm>

namespace parkhq::project {
namespace {

std::string Zh(Stage s) { return std::string("「") + StageNameZh(s) + "」"; }

Status Refuse(const char* rule, const std::string& why) {
  return Status::Conflict(std::string("规则「") + rule + "」：" + why);
}

// The latest actual date among the stages up to and including `upto`.
std::optional<Date> LatestActual(const StageDates& actual, Stage upto) {
  std::optional<Date> latest;
  for (int i = 0; i <= StageIndex(upto); ++i) {
    const auto& d = actual.by_stage[i];
    if (d && (!latest || *d > *latest)) latest = d;
  }
  return latest;
}

bool HasResumptionIn(const Project& p, int year) {
  return std::any_of(p.resumed_on.begin(), p.resumed_on.end(),
                     [year](const Date& d) { return d.year == year; });
}

StatusOr<StageChange> CheckResume(const Project& p, const StageChangeRequest& r) {
  if (p.suspended_on) return Refuse("停缓建项目先恢复", "项目停缓建中，请先恢复建设");
  auto started = ReachedOn(p, Stage::kStarted);
  if (started && r.date < *started) {
    return Status::FieldInvalid("date", "复工日期不能早于开工日期（" + started->ToString() + "）");
  }
  if (HasResumptionIn(p, r.date.year) || (started && started->year == r.date.year)) {
    return Refuse("复工每年一次", std::to_string(r.date.year) + "年已记录开工或复工");
  }
  StageChange c;
  c.type = ChangeType::kResume;
  c.from = c.to = Stage::kStarted;
  c.date = r.date;
  c.actual_after = p.actual;
  return c;
}

// Fills the actual dates of the skipped stages and of the new stage (R3, R4).
StatusOr<StageChange> CheckForward(const Project& p, const StageChangeRequest& r) {
  if (p.suspended_on) return Refuse("停缓建项目先恢复", "项目停缓建中，请先恢复建设再推进阶段");
  StageChange c;
  c.type = ChangeType::kForward;
  c.from = p.stage;
  c.to = r.to;
  c.date = r.date;
  c.actual_after = p.actual;
  std::vector<FieldError> errors;
  for (Stage s : kAllStages) {
    const bool skipped = StageIndex(s) > StageIndex(c.from) && StageIndex(s) < StageIndex(c.to);
    if (r.skipped_dates[s] && !skipped) {
      errors.push_back({std::string("dates.") + StageCode(s), Zh(s) + "不是本次跳过的阶段"});
    }
    if (!skipped) continue;
    std::optional<Date> date = r.skipped_dates[s] ? r.skipped_dates[s] : p.actual[s];
    if (!date && s == Stage::kCompleted && c.to == Stage::kProduction) {
      if (!r.by_admin) {
        return Refuse("投产须先竣工",
                      "未竣工项目不能投产（填写竣工日期，或由管理员说明理由后越过）");
      }
      if (r.reason.empty())
        return Status::FieldInvalid("reason", "管理员越过「投产须先竣工」须填写理由");
      c.override_used = true;
      c.reason = r.reason;
      c.actual_after[s].reset();
      continue;
    }
    c.actual_after[s] = date ? *date : r.date;
    c.filled.push_back(s);
  }
  c.actual_after[c.to] = r.date;
  c.filled.push_back(c.to);
  if (!errors.empty()) return Status::Validation("阶段日期有误", std::move(errors));

  // Dates may not go backwards along the pipeline, nor pass the new stage's date.
  std::optional<Date> previous = LatestActual(p.actual, c.from);
  for (Stage s : c.filled) {
    const Date d = *c.actual_after[s];
    const std::string field = s == c.to ? "date" : std::string("dates.") + StageCode(s);
    if (previous && d < *previous) {
      errors.push_back({field, Zh(s) + "日期（" + d.ToString() + "）不能早于前一阶段日期（" +
                                   previous->ToString() + "）"});
    } else if (d > r.date) {
      errors.push_back(
          {field, Zh(s) + "日期不能晚于" + Zh(c.to) + "日期（" + r.date.ToString() + "）"});
    }
    previous = d;
  }
  if (!errors.empty()) return Status::Validation("阶段日期有误", std::move(errors));
  return c;
}

StatusOr<StageChange> CheckBackward(const Project& p, const StageChangeRequest& r) {
  if (!r.by_admin) {
    return Refuse("回退须管理员说明理由", "阶段不能从" + Zh(p.stage) + "回退到" + Zh(r.to));
  }
  if (r.reason.empty()) return Status::FieldInvalid("reason", "回退阶段须填写理由");
  StageChange c;
  c.type = ChangeType::kBackward;
  c.from = p.stage;
  c.to = r.to;
  c.date = r.date;
  c.reason = r.reason;
  c.actual_after = p.actual;
  for (int i = StageIndex(r.to) + 1; i < kStageCount; ++i) {
    if (c.actual_after.by_stage[i]) c.cleared.push_back(kAllStages[i]);
    c.actual_after.by_stage[i].reset();
  }
  if (!c.actual_after[r.to]) {
    // The stage moved back to had been skipped by an override: the request's date becomes it.
    auto previous = LatestActual(c.actual_after, r.to);
    if (previous && r.date < *previous) {
      return Status::FieldInvalid("date",
                                  "日期不能早于前一阶段日期（" + previous->ToString() + "）");
    }
    c.actual_after[r.to] = r.date;
    c.filled.push_back(r.to);
  }
  return c;
}

Status RefuseIfTerminated(const Project& p) {
  if (p.terminated_on) {
    return Refuse("终止项目不可变更", "项目已于" + p.terminated_on->ToString() + "终止");
  }
  return Status::Ok();
}

}  // namespace

const char* ChangeTypeCode(ChangeType t) {
  switch (t) {
    case ChangeType::kForward:
      return "forward";
    case ChangeType::kBackward:
      return "backward";
    case ChangeType::kResume:
      return "resume";
  }
  return "unknown";
}

const char* FlagActionCode(FlagAction a) {
  switch (a) {
    case FlagAction::kSuspend:
      return "suspend";
    case FlagAction::kLiftSuspension:
      return "lift_suspension";
    case FlagAction::kTerminate:
      return "terminate";
  }
  return "unknown";
}

StatusOr<StageChange> CheckStageChange(const Project& p, const StageChangeRequest& r, Date today) {
  PARKHQ_RETURN_IF_ERROR(RefuseIfTerminated(p));
  if (r.date > today)
    return Status::FieldInvalid("date", "日期不能晚于今天（" + today.ToString() + "）");
  if (r.to == p.stage) {
    if (r.to == Stage::kStarted && p.kind == Kind::kContinuing) return CheckResume(p, r);
    return Status::Conflict("项目已处于" + Zh(p.stage) + "阶段");
  }
  if (StageIndex(r.to) > StageIndex(p.stage)) return CheckForward(p, r);
  return CheckBackward(p, r);
}

void ApplyStageChange(Project& p, const StageChange& c) {
  p.stage = c.to;
  p.actual = c.actual_after;
  if (c.type == ChangeType::kResume) p.resumed_on.push_back(c.date);
  if (c.type == ChangeType::kBackward && StageIndex(c.to) < StageIndex(Stage::kStarted)) {
    p.resumed_on.clear();  // 复工 dates mean nothing before 开工
  }
}

StatusOr<FlagChange> CheckFlagChange(const Project& p, const FlagChangeRequest& r, Date today) {
  PARKHQ_RETURN_IF_ERROR(RefuseIfTerminated(p));
  if (r.date > today)
    return Status::FieldInvalid("date", "日期不能晚于今天（" + today.ToString() + "）");
  const bool needs_reason = r.action != FlagAction::kLiftSuspension;
  if (needs_reason && r.reason.empty()) return Status::FieldInvalid("reason", "须填写原因");
  auto stage_date = p.actual[p.stage];
  FlagChange c{r.action, r.date, r.reason, false};
  switch (r.action) {
    case FlagAction::kSuspend:
      if (p.stage != Stage::kSigned && p.stage != Stage::kLanded && p.stage != Stage::kStarted) {
        return Refuse("停缓建适用阶段", "仅签约、落地、开工阶段的项目可停缓建");
      }
      if (p.suspended_on)
        return Status::Conflict("项目已于" + p.suspended_on->ToString() + "停缓建");
      break;
    case FlagAction::kLiftSuspension:
      if (!p.suspended_on) return Status::Conflict("项目未停缓建");
      if (r.date < *p.suspended_on) {
        return Status::FieldInvalid(
            "date", "恢复日期不能早于停缓建日期（" + p.suspended_on->ToString() + "）");
      }
      c.records_resumption = p.stage == Stage::kStarted;
      break;
    case FlagAction::kTerminate:
      if (p.stage == Stage::kProduction) return Refuse("投产项目不可终止", "项目已投产");
      if (p.suspended_on && r.date < *p.suspended_on) {
        return Status::FieldInvalid(
            "date", "终止日期不能早于停缓建日期（" + p.suspended_on->ToString() + "）");
      }
      break;
  }
  if (stage_date && r.date < *stage_date) {
    return Status::FieldInvalid("date", "日期不能早于当前阶段" + Zh(p.stage) + "的实际日期（" +
                                            stage_date->ToString() + "）");
  }
  return c;
}

void ApplyFlagChange(Project& p, const FlagChange& c) {
  switch (c.action) {
    case FlagAction::kSuspend:
      p.suspended_on = c.date;
      break;
    case FlagAction::kLiftSuspension:
      p.suspended_on.reset();
      if (c.records_resumption && !HasResumptionIn(p, c.date.year)) p.resumed_on.push_back(c.date);
      break;
    case FlagAction::kTerminate:
      p.terminated_on = c.date;
      break;
  }
}

}  // namespace parkhq::project
