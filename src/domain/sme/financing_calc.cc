#include "domain/sme/financing_calc.h"

#include <algorithm>
#include <map>

#include "domain/sme/sme_calc.h"

namespace parkhq::sme {

namespace {

void Add(FinancingGroup& g, const NeedFigures& n) {
  ++g.needs;
  g.amount += n.amount;
  if (n.status == "granted") {
    g.granted += n.loan;
    ++g.granted_needs;
  }
}

std::vector<FinancingGroup> Sorted(std::map<std::string, FinancingGroup>& m) {
  std::vector<FinancingGroup> out;
  for (auto& [k, g] : m) {
    g.amount = Round2(g.amount);
    g.granted = Round2(g.granted);
    out.push_back(g);
  }
  std::sort(out.begin(), out.end(), [](const FinancingGroup& a, const FinancingGroup& b) {
    return a.amount != b.amount ? a.amount > b.amount : a.key < b.key;
  });
  return out;
}

}  // namespace

FinancingTotals SumFinancing(const std::vector<NeedFigures>& needs) {
  FinancingTotals t;
  t.all.key = "合计";
  std::map<std::string, FinancingGroup> banks, chains;
  for (const auto& n : needs) {
    if (n.status == "declined") continue;
    const std::string bank = n.bank.empty() ? "未对接" : n.bank;
    const std::string chain = n.chain.empty() ? "未入链" : n.chain;
    banks[bank].key = bank;
    chains[chain].key = chain;
    Add(t.all, n);
    Add(banks[bank], n);
    Add(chains[chain], n);
  }
  t.all.amount = Round2(t.all.amount);
  t.all.granted = Round2(t.all.granted);
  t.by_bank = Sorted(banks);
  t.by_chain = Sorted(chains);
  return t;
}

}  // namespace parkhq::sme
