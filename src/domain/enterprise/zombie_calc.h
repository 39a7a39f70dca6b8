// 僵尸企业 zombie-firm candidates and their disposal records. Candidates are suggestions; park
// staff confirm them and record a disposal (measure, responsible unit, due date, status).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "common/status.h"
#include "common/time.h"
#include "domain/enterprise/pools_calc.h"

namespace parkhq::enterprise {

struct ZombieRule {
  int consecutive_months = 6;  // N
  // A month without a report counts as a month without output and sales (dormant firms stop
  // filing). When false, a missing month ends the run.
  bool unreported_counts_as_inactive = true;
};
// Status::FieldInvalid("consecutive_months", ...) unless 1..60.
Status ValidateZombieRule(const ZombieRule& rule);

struct MonthActivity {
  std::optional<double> output;   // 工业总产值
  std::optional<double> revenue;  // 营业收入 (sales)
};

struct ZombieFacts {
  int64_t id = 0;
  EnterpriseStatus status = EnterpriseStatus::kOperating;
  bool tax_arrears_flagged = false;  // 欠税, flagged by staff
  std::map<Period, MonthActivity> months;
  // The first month the firm was expected to report (moved in / registered); earlier months do
  // not count. nullopt: no limit.
  std::optional<Period> first_period;
};

struct ZombieAssessment {
  bool candidate = false;
  int inactive_months = 0;       // consecutive months ending at as_of without output and sales
  bool inactive_run = false;     // inactive_months >= N
  bool stopped_with_arrears = false;
  std::string reason;            // Chinese, empty when not a candidate
};

// A month is inactive when neither output nor revenue is positive (0, negative or not reported).
// Candidate when not closed and (inactive_months >= N, or status is stopped with tax arrears).
ZombieAssessment AssessZombie(const ZombieFacts& facts, Period as_of, const ZombieRule& rule);

enum class DisposalStatus { kPlanned, kInProgress, kDone, kCancelled };
const char* DisposalStatusName(DisposalStatus s);  // "planned" "in_progress" "done" "cancelled"
std::optional<DisposalStatus> ParseDisposalStatus(std::string_view s);

// 处置措施: e.g. 兼并重组, 破产清算, 盘活闲置资产, 收回土地.
struct ZombieDisposal {
  std::string measure;
  std::string responsible_unit;
  std::optional<Date> due;
  DisposalStatus status = DisposalStatus::kPlanned;
  std::optional<Date> completed_on;
};
// Status::Validation with details "measure", "responsible_unit", "due", "completed_on": measure and
// unit non-blank, a due date required unless cancelled, completed_on required exactly when done.
Status ValidateDisposal(const ZombieDisposal& d);
// Overdue: not done/cancelled and today is after the due date.
bool IsDisposalOverdue(const ZombieDisposal& d, Date today);

}  // namespace parkhq::enterprise
