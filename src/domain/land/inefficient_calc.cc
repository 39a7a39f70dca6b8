#include "domain/land/inefficient_calc.h"

#include <cmath>
#include <cstdio>

#include "domain/land/standard_land_calc.h"

namespace parkhq::land {
namespace {

std::string Fmt(double v, int decimals = 2) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}
std::string Pct(double fraction) { return Fmt(fraction * 100, 2) + "%"; }
bool Reached(const std::optional<Date>& d, Date at) { return d && *d <= at; }

InefficiencyFinding NewFinding(const Parcel& p, InefficiencyKind kind) {
  InefficiencyFinding f;
  f.parcel_id = p.id;
  f.parcel_code = p.code;
  f.kind = kind;
  f.area_mu = p.area_mu;
  return f;
}

void AddConsequences(InefficiencyFinding& f, const Parcel& p, Date idle_clock_start, Date date,
                     const InefficiencyRules& r) {
  Consequence fee;
  fee.code = "idle_fee";
  fee.from = idle_clock_start.AddYears(r.idle_fee_after_years);
  fee.reached = fee.from <= date;
  fee.text = "闲置满" + std::to_string(r.idle_fee_after_years) + "年：按土地" +
             (p.supply_kind == SupplyKind::kAllocation ? "划拨" : "出让") + "价款的" +
             Fmt(r.idle_fee_share * 100, 0) + "%征缴土地闲置费";
  if (p.land_price) fee.amount = *p.land_price * r.idle_fee_share;
  Consequence reclaim;
  reclaim.code = "reclaim";
  reclaim.from = idle_clock_start.AddYears(r.reclaim_after_years);
  reclaim.reached = reclaim.from <= date;
  reclaim.text = "闲置满" + std::to_string(r.reclaim_after_years) + "年：可无偿收回国有建设用地使用权";
  f.consequences.push_back(std::move(fee));
  f.consequences.push_back(std::move(reclaim));
}

void Gap(std::vector<DataGap>* gaps, const Parcel& p, std::string rule, std::string message) {
  if (gaps) gaps->push_back({p.id, std::move(rule), std::move(message)});
}

// 批而未供.
void ApprovedNotSupplied(const Parcel& p, Date date, const InefficiencyRules& r,
                         std::vector<InefficiencyFinding>& out) {
  if (!Reached(p.approved, date) || Reached(p.supplied, date)) return;
  const Date due = p.approved->AddYears(r.approved_not_supplied_years);
  if (date < due) return;
  InefficiencyFinding f = NewFinding(p, InefficiencyKind::kApprovedNotSupplied);
  f.rules.push_back("approved_not_supplied.years_since_approval");
  f.reasons.push_back(p.approved->ToString() + "批准，满" +
                      std::to_string(r.approved_not_supplied_years) + "年(" + due.ToString() +
                      ")仍未供地");
  f.facts.push_back({"approved", *p.approved});
  f.facts.push_back({"due", due});
  out.push_back(std::move(f));
}

// 供而未用 (闲置土地): not started a full year after the agreed start, or started, too little
// developed or invested, and halted for a full year.
void SuppliedNotUsed(const Parcel& p, Date date, const InefficiencyRules& r,
                     std::vector<InefficiencyFinding>& out, std::vector<DataGap>* gaps) {
  if (!Reached(p.supplied, date) || Reached(p.completed, date)) return;
  InefficiencyFinding f = NewFinding(p, InefficiencyKind::kSuppliedNotUsed);
  if (!Reached(p.actual_start, date)) {
    if (!p.agreed_start) {
      Gap(gaps, p, "supplied_not_used.not_started", "已供地未动工，但缺少约定动工日期，无法判定是否闲置");
      return;
    }
    const Date idle_from = p.agreed_start->AddYears(r.idle_years_after_agreed_start);
    if (date < idle_from) return;
    f.rules.push_back("supplied_not_used.not_started");
    f.reasons.push_back("超过约定动工日期(" + p.agreed_start->ToString() + ")满" +
                        std::to_string(r.idle_years_after_agreed_start) + "年未动工开发");
    f.facts.push_back({"agreed_start", *p.agreed_start});
    f.facts.push_back({"idle_from", idle_from});
    AddConsequences(f, p, *p.agreed_start, date, r);
    out.push_back(std::move(f));
    return;
  }
  if (!Reached(p.halted_since, date)) return;
  const Date halted_full = p.halted_since->AddYears(r.halted_years);
  if (date < halted_full) return;
  const double area = p.AreaM2();
  std::optional<double> developed_share, invested_share;
  if (p.developed_area_m2 && area > 0) developed_share = *p.developed_area_m2 / area;
  if (p.invested && p.total_investment && *p.total_investment > 0)
    invested_share = *p.invested / *p.total_investment;
  if (!developed_share && !invested_share) {
    Gap(gaps, p, "supplied_not_used.halted", "停工满一年，但缺少已开发面积和投资数据，无法判定是否闲置");
    return;
  }
  const bool low_dev = developed_share && *developed_share < r.min_developed_share;
  const bool low_inv = invested_share && *invested_share < r.min_invested_share;
  if (!low_dev && !low_inv) return;
  f.rules.push_back("supplied_not_used.halted");
  std::string why = "已动工但";
  if (low_dev) why += "开发面积仅占" + Pct(*developed_share) + "(不足" + Pct(r.min_developed_share) + ")";
  if (low_dev && low_inv) why += "、";
  if (low_inv) why += "已投资仅占总投资" + Pct(*invested_share) + "(不足" + Pct(r.min_invested_share) + ")";
  why += "，且自" + p.halted_since->ToString() + "中止开发建设满" + std::to_string(r.halted_years) + "年";
  f.reasons.push_back(std::move(why));
  f.facts.push_back({"halted_since", *p.halted_since});
  if (developed_share) f.facts.push_back({"developed_share", *developed_share});
  if (invested_share) f.facts.push_back({"invested_share", *invested_share});
  AddConsequences(f, p, *p.halted_since, date, r);
  out.push_back(std::move(f));
}

// 用而未尽: completed, but FAR / coverage under the agreed or national floor, or much undeveloped.
void UsedNotFully(const ParcelFacts& pf, Date date, const InefficiencyRules& r,
                  std::vector<InefficiencyFinding>& out) {
  const Parcel& p = pf.parcel;
  if (!Reached(p.completed, date)) return;
  InefficiencyFinding f = NewFinding(p, InefficiencyKind::kUsedNotFully);
  const double area = p.AreaM2();
  const auto agreed = [&](IndicatorCode c) {
    return pf.contract ? AgreedValue(*pf.contract, c) : std::nullopt;
  };
  if (const auto far = FloorAreaRatio(p.floor_area_m2, area)) {
    if (const auto a = agreed(IndicatorCode::kFloorAreaRatio); a && *far < *a) {
      f.rules.push_back("used_not_fully.far_below_agreed");
      f.reasons.push_back("容积率" + Fmt(*far) + "低于约定" + Fmt(*a));
    } else if (r.national_min_far && *far < *r.national_min_far) {
      f.rules.push_back("used_not_fully.far_below_national");
      f.reasons.push_back("容积率" + Fmt(*far) + "低于控制标准" + Fmt(*r.national_min_far));
    }
    if (!f.rules.empty()) f.facts.push_back({"far", *far});
  }
  if (const auto cov = BuildingCoverage(p.footprint_m2, area)) {
    const std::size_t before = f.rules.size();
    if (const auto a = agreed(IndicatorCode::kBuildingCoverage); a && *cov < *a) {
      f.rules.push_back("used_not_fully.coverage_below_agreed");
      f.reasons.push_back("建筑系数" + Pct(*cov) + "低于约定" + Pct(*a));
    } else if (*cov < r.national_min_coverage) {
      f.rules.push_back("used_not_fully.coverage_below_national");
      f.reasons.push_back("建筑系数" + Pct(*cov) + "低于国家标准" + Pct(r.national_min_coverage));
    }
    if (f.rules.size() > before) f.facts.push_back({"building_coverage", *cov});
  }
  if (r.max_undeveloped_share && p.developed_area_m2 && area > 0) {
    const double undeveloped = 1.0 - *p.developed_area_m2 / area;
    if (undeveloped >= *r.max_undeveloped_share) {
      f.rules.push_back("used_not_fully.undeveloped_share");
      f.reasons.push_back("未开发面积占" + Pct(undeveloped) + "(达到" + Pct(*r.max_undeveloped_share) + ")");
      f.facts.push_back({"undeveloped_share", undeveloped});
    }
  }
  if (!f.rules.empty()) out.push_back(std::move(f));
}

// 建而未投: completed, not producing after the agreed production date.
void BuiltNotProducing(const Parcel& p, Date date, std::vector<InefficiencyFinding>& out,
                       std::vector<DataGap>* gaps) {
  if (!Reached(p.completed, date) || Reached(p.production, date)) return;
  if (!p.agreed_production) {
    Gap(gaps, p, "built_not_producing.past_agreed_production", "已竣工未投产，但缺少约定投产日期");
    return;
  }
  if (date <= *p.agreed_production) return;
  InefficiencyFinding f = NewFinding(p, InefficiencyKind::kBuiltNotProducing);
  f.rules.push_back("built_not_producing.past_agreed_production");
  f.reasons.push_back(p.completed->ToString() + "竣工，超过约定投产日期(" +
                      p.agreed_production->ToString() + ")仍未投产");
  f.facts.push_back({"completed", *p.completed});
  f.facts.push_back({"agreed_production", *p.agreed_production});
  out.push_back(std::move(f));
}

// 投而未达标: producing, the 达产复核 is due, and an agreed indicator fails.
void ProducingBelowStandard(const ParcelFacts& pf, Date date, std::vector<InefficiencyFinding>& out) {
  const Parcel& p = pf.parcel;
  if (!Reached(p.production, date) || !pf.contract || !Reached(pf.contract->production_check, date))
    return;
  const ContractCheck check = CheckContract(*pf.contract, pf.actual);
  if (check.passed()) return;
  InefficiencyFinding f = NewFinding(p, InefficiencyKind::kProducingBelowStandard);
  f.facts.push_back({"production_check", *pf.contract->production_check});
  for (const IndicatorCheck& c : check.items) {
    if (c.passed) continue;
    const std::string key(evaluation::Info(c.code).key);
    f.rules.push_back("producing_below_standard." + key);
    f.reasons.push_back("达产复核未达标：" + c.reason);
    f.facts.push_back({key + ".agreed", c.agreed});
    if (c.actual) f.facts.push_back({key + ".actual", *c.actual});
  }
  out.push_back(std::move(f));
}

}  // namespace

const char* KindCode(InefficiencyKind k) {
  switch (k) {
    case InefficiencyKind::kApprovedNotSupplied: return "approved_not_supplied";
    case InefficiencyKind::kSuppliedNotUsed: return "supplied_not_used";
    case InefficiencyKind::kUsedNotFully: return "used_not_fully";
    case InefficiencyKind::kBuiltNotProducing: return "built_not_producing";
    case InefficiencyKind::kProducingBelowStandard: return "producing_below_standard";
  }
  return "";
}

const char* KindNameZh(InefficiencyKind k) {
  switch (k) {
    case InefficiencyKind::kApprovedNotSupplied: return "批而未供";
    case InefficiencyKind::kSuppliedNotUsed: return "供而未用";
    case InefficiencyKind::kUsedNotFully: return "用而未尽";
    case InefficiencyKind::kBuiltNotProducing: return "建而未投";
    case InefficiencyKind::kProducingBelowStandard: return "投而未达标";
  }
  return "";
}

Status ValidateRules(const InefficiencyRules& r) {
  std::vector<FieldError> errs;
  const auto years = [&](const char* field, int v) {
    if (v < 1 || v > 50) errs.push_back({field, "年数须为1~50的整数"});
  };
  const auto share = [&](const char* field, double v) {
    if (!std::isfinite(v) || v <= 0 || v > 1) errs.push_back({field, "比例须大于0且不大于1"});
  };
  years("approved_not_supplied_years", r.approved_not_supplied_years);
  years("idle_years_after_agreed_start", r.idle_years_after_agreed_start);
  years("halted_years", r.halted_years);
  years("idle_fee_after_years", r.idle_fee_after_years);
  years("reclaim_after_years", r.reclaim_after_years);
  share("min_developed_share", r.min_developed_share);
  share("min_invested_share", r.min_invested_share);
  share("national_min_coverage", r.national_min_coverage);
  share("idle_fee_share", r.idle_fee_share);
  if (r.max_undeveloped_share) share("max_undeveloped_share", *r.max_undeveloped_share);
  if (r.national_min_far && (!std::isfinite(*r.national_min_far) || *r.national_min_far <= 0))
    errs.push_back({"national_min_far", "容积率下限须大于0"});
  if (r.reclaim_after_years < r.idle_fee_after_years)
    errs.push_back({"reclaim_after_years", "无偿收回年限不能短于征缴闲置费年限"});
  if (errs.empty()) return Status::Ok();
  std::string top = errs.size() == 1 ? errs.front().message : "低效用地认定规则有误";
  return Status::Validation(std::move(top), std::move(errs));
}

std::vector<InefficiencyFinding> ClassifyParcel(const ParcelFacts& f, Date date,
                                                const InefficiencyRules& rules,
                                                std::vector<DataGap>* gaps) {
  std::vector<InefficiencyFinding> out;
  ApprovedNotSupplied(f.parcel, date, rules, out);
  SuppliedNotUsed(f.parcel, date, rules, out, gaps);
  UsedNotFully(f, date, rules, out);
  BuiltNotProducing(f.parcel, date, out, gaps);
  ProducingBelowStandard(f, date, out);
  return out;
}

InefficiencyReport FindInefficientLand(const std::vector<ParcelFacts>& parcels, Date date,
                                       const InefficiencyRules& rules) {
  InefficiencyReport report;
  for (const ParcelFacts& pf : parcels) {
    std::vector<InefficiencyFinding> found = ClassifyParcel(pf, date, rules, &report.gaps);
    if (found.empty()) continue;
    report.total_distinct_mu += pf.parcel.area_mu;
    for (InefficiencyFinding& f : found) {
      report.totals_mu[static_cast<std::size_t>(f.kind)] += f.area_mu;
      report.items.push_back(std::move(f));
    }
  }
  return report;
}

}  // namespace parkhq::land
