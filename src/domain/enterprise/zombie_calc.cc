#include "domain/enterprise/zombie_calc.h"

namespace parkhq::enterprise {
namespace {

bool IsBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

Status ValidateZombieRule(const ZombieRule& rule) {
  if (rule.consecutive_months < 1 || rule.consecutive_months > 60)
    return Status::FieldInvalid("consecutive_months", "连续月数须在1至60之间");
  return Status::Ok();
}

ZombieAssessment AssessZombie(const ZombieFacts& facts, Period as_of, const ZombieRule& rule) {
  ZombieAssessment a;
  for (Period p = as_of; a.inactive_months < 600; p = p.AddMonths(-1)) {
    if (facts.first_period && p < *facts.first_period) break;
    auto it = facts.months.find(p);
    if (it == facts.months.end()) {
      if (!rule.unreported_counts_as_inactive) break;
      // Without a first_period, stop at the earliest month we know anything about.
      if (!facts.first_period && (facts.months.empty() || p < facts.months.begin()->first)) break;
    } else {
      const MonthActivity& m = it->second;
      if ((m.output && *m.output > 0) || (m.revenue && *m.revenue > 0)) break;
    }
    ++a.inactive_months;
  }
  if (facts.status == EnterpriseStatus::kClosed) return a;
  a.inactive_run = a.inactive_months >= rule.consecutive_months;
  a.stopped_with_arrears = facts.status == EnterpriseStatus::kStopped && facts.tax_arrears_flagged;
  a.candidate = a.inactive_run || a.stopped_with_arrears;
  if (a.inactive_run) a.reason = "连续" + std::to_string(a.inactive_months) + "个月无产值、无销售";
  if (a.stopped_with_arrears) a.reason += (a.reason.empty() ? "" : "；") + std::string("停产且欠税");
  return a;
}

const char* DisposalStatusName(DisposalStatus s) {
  switch (s) {
    case DisposalStatus::kPlanned: return "planned";
    case DisposalStatus::kInProgress: return "in_progress";
    case DisposalStatus::kDone: return "done";
    case DisposalStatus::kCancelled: return "cancelled";
  }
  return "planned";
}

std::optional<DisposalStatus> ParseDisposalStatus(std::string_view s) {
  for (DisposalStatus d : {DisposalStatus::kPlanned, DisposalStatus::kInProgress, DisposalStatus::kDone,
                           DisposalStatus::kCancelled})
    if (s == DisposalStatusName(d)) return d;
  return std::nullopt;
}

Status ValidateDisposal(const ZombieDisposal& d) {
  std::vector<FieldError> e;
  if (IsBlank(d.measure)) e.push_back({"measure", "处置措施不能为空"});
  if (IsBlank(d.responsible_unit)) e.push_back({"responsible_unit", "责任单位不能为空"});
  if (!d.due && d.status != DisposalStatus::kCancelled) e.push_back({"due", "请填写完成时限"});
  if (d.status == DisposalStatus::kDone && !d.completed_on) e.push_back({"completed_on", "已完成的处置须填写完成日期"});
  if (d.status != DisposalStatus::kDone && d.completed_on) e.push_back({"completed_on", "未完成的处置不应有完成日期"});
  if (!e.empty()) return Status::Validation("处置记录有错误", std::move(e));
  return Status::Ok();
}

bool IsDisposalOverdue(const ZombieDisposal& d, Date today) {
  if (d.status == DisposalStatus::kDone || d.status == DisposalStatus::kCancelled || !d.due) return false;
  return today > *d.due;
}

}  // namespace parkhq::enterprise
