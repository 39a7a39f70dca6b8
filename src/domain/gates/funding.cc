#include "domain/gates/funding.h"

#include <algorithm>
#include <cmath>

namespace parkhq::gates {

const std::vector<std::string>& FundingSources() {
  static const std::vector<std::string> v = {"special_bond", "budget", "self", "bank_loan", "bond_loan", "other"};
  return v;
}

const char* FundingSourceNameZh(const std::string& code) {
  if (code == "special_bond") return "专项债券";
  if (code == "budget") return "中央/省预算内";
  if (code == "self") return "企业自筹";
  if (code == "bank_loan") return "银行贷款";
  if (code == "bond_loan") return "债贷组合";
  if (code == "other") return "其他";
  return "";
}

bool IsBondSource(const std::string& code) { return code == "special_bond" || code == "bond_loan"; }

Status ValidateFunding(const FundingRecord& r, Period current) {
  std::vector<FieldError> errs;
  if (*FundingSourceNameZh(r.source) == '\0')
    errs.push_back({"source", "应为 special_bond、budget、self、bank_loan、bond_loan 或 other"});
  auto amount = [&](double v, const char* field) {
    if (!std::isfinite(v) || v < 0 || v > 1e7) errs.push_back({field, "金额应在0至10000000万元之间"});
  };
  amount(r.planned, "planned");
  amount(r.in_place, "in_place");
  if (r.in_place > 0 && r.period > current) errs.push_back({"period", "未来月份不能有到位资金"});
  if (!errs.empty()) return Status::Validation("资金信息有误，请检查标出的字段", std::move(errs));
  return Status::Ok();
}

std::vector<SourceTotal> TotalsBySource(const std::vector<FundingRecord>& records, int year) {
  std::vector<SourceTotal> out;
  for (const auto& s : FundingSources()) out.push_back({s, 0, 0, 0});
  for (const auto& r : records) {
    if (r.period.year != year) continue;
    for (auto& t : out)
      if (t.source == r.source) {
        t.planned += r.planned;
        t.in_place += r.in_place;
      }
  }
  for (auto& t : out) t.in_place_pct = t.planned > 0 ? 100.0 * t.in_place / t.planned : 0;
  return out;
}

std::vector<BondProject> BondProjects(const std::vector<FundingRecord>& records, int year) {
  std::map<int64_t, BondProject> by;
  for (const auto& r : records) {
    if (r.period.year != year || !IsBondSource(r.source)) continue;
    auto& b = by[r.project_id];
    b.project_id = r.project_id;
    b.bond_planned += r.planned;
    b.bond_drawn += r.in_place;
    if (r.in_place > 0) {
      auto it = std::find_if(b.drawdowns.begin(), b.drawdowns.end(), [&](const auto& d) { return d.first == r.period; });
      if (it == b.drawdowns.end()) b.drawdowns.push_back({r.period, r.in_place});
      else it->second += r.in_place;
    }
  }
  std::vector<BondProject> out;
  for (auto& [id, b] : by) {
    if (b.bond_planned <= 0 && b.bond_drawn <= 0) continue;
    b.drawn_pct = b.bond_planned > 0 ? 100.0 * b.bond_drawn / b.bond_planned : 0;
    std::sort(b.drawdowns.begin(), b.drawdowns.end());
    out.push_back(std::move(b));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.bond_planned > b.bond_planned; });
  return out;
}

}  // namespace parkhq::gates
