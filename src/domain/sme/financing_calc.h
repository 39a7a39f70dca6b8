// Financing needs (融资需求) summed for the park's 整体授信 talks: by bank and by industry chain.
// Pure; formulas in docs/sme.md.
#pragma once
#include <string>
#include <vector>

namespace parkhq::sme {

struct NeedFigures {
  std::string bank;   // "" while not matched
  std::string chain;  // the enterprise's industry chain, "" when on none
  std::string status; // open | matched | granted | declined
  double amount = 0;  // needed, 万元
  double loan = 0;    // granted, 万元 (granted needs only)
};

struct FinancingGroup {
  std::string key;          // bank or chain name ("未对接" / "未入链" for none)
  int64_t needs = 0;        // needs in the group (declined ones excluded)
  double amount = 0;        // Σ needed
  double granted = 0;       // Σ loans granted
  int64_t granted_needs = 0;
};

struct FinancingTotals {
  FinancingGroup all;
  std::vector<FinancingGroup> by_bank, by_chain;  // largest amount first, then by name
};

FinancingTotals SumFinancing(const std::vector<NeedFigures>& needs);

}  // namespace parkhq::sme
