// 资金来源 (issue 15 item 2): a project's funding per month and source — planned and in place —
// the park's totals by source, and the infrastructure projects funded by special bonds (专项债券,
// 债贷组合) with their bond amounts and drawdowns. Pure values and sums; docs/gates.md "资金来源".
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/time.h"

namespace parkhq::gates {

// special_bond 专项债券 | budget 中央/省预算内 | self 企业自筹 | bank_loan 银行贷款 | bond_loan 债贷组合 | other 其他
const std::vector<std::string>& FundingSources();
const char* FundingSourceNameZh(const std::string& code);  // "" when unknown
bool IsBondSource(const std::string& code);                 // special_bond, bond_loan

struct FundingRecord {
  int64_t project_id = 0;
  Period period;
  std::string source;
  double planned = 0;   // 计划, 万元
  double in_place = 0;  // 到位, 万元
};

// 422: "source" known; "planned"/"in_place" finite, 0..1e7 万元; "period" not after `current`
// when in_place > 0 (money cannot be in place in a future month).
Status ValidateFunding(const FundingRecord& r, Period current);

struct SourceTotal {
  std::string source;
  double planned = 0;
  double in_place = 0;
  double in_place_pct = 0;  // 100 × in_place / planned (0 when nothing planned)
};

// Sums per source (every source listed, in FundingSources() order) over the records of `year`.
std::vector<SourceTotal> TotalsBySource(const std::vector<FundingRecord>& records, int year);

struct BondProject {
  int64_t project_id = 0;
  double bond_planned = 0;   // 专项债券 + 债贷组合 planned in the year
  double bond_drawn = 0;     // the same, in place (drawdowns)
  double drawn_pct = 0;      // 100 × drawn / planned
  std::vector<std::pair<Period, double>> drawdowns;  // by month, in place of the bond sources
};

// The projects with any bond money planned or in place in `year`, by bond amount (largest first).
std::vector<BondProject> BondProjects(const std::vector<FundingRecord>& records, int year);

}  // namespace parkhq::gates
