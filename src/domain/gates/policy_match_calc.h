// Which enterprises a policy fits (政策匹配): every criterion must hold; each holding criterion
// gives one reason in Chinese (what was checked, the enterprise's value, the threshold). Only
// operating (在营) enterprises match. Pure; unit-tested on hand-built fixtures.
// docs/gates.md "政策匹配".
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/time.h"
#include "domain/gates/policy.h"

namespace parkhq::gates {

struct FlagFact {
  std::string code;
  std::optional<Date> since, until;
};

// What matching reads of one enterprise.
struct EnterpriseFacts {
  int64_t id = 0;
  std::string name;
  bool operating = true;
  bool above_scale = false;
  std::optional<int64_t> employees;
  std::string industry_code;
  std::vector<FlagFact> flags;
  // The year's sums of approved monthly report fields (field code → sum); a field absent when the
  // enterprise has no approved report carrying it in that year.
  std::map<std::string, double> figures;
};

struct PolicyMatch {
  int64_t enterprise_id = 0;
  std::string enterprise_name;
  std::vector<std::string> reasons;
};

// The year whose figures a policy reads: figures_year, or the year before `today`.
int FiguresYear(const Policy& p, Date today);

// The reason when `c` holds for `e` at `date` (figures of `year`), nullopt when it does not. A
// flag holds when the recognition was valid at some time in `year` (up to `date`).
std::optional<std::string> CriterionReason(const Criterion& c, const EnterpriseFacts& e, Date date, int year);

// The enterprises (in input order) for which every criterion holds, with their reasons. A policy
// without criteria matches every operating enterprise (reason 普惠政策（无限定条件）).
std::vector<PolicyMatch> MatchPolicy(const Policy& p, const std::vector<EnterpriseFacts>& enterprises, Date today);

}  // namespace parkhq::gates
