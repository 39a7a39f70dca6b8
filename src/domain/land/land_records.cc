#include "domain/land/land_records.h"

#include <algorithm>

#include "domain/land/standard_land_calc.h"

namespace parkhq::land {

const char* CrsName(CoordinateSystem c) {
  return c == CoordinateSystem::kLonLat ? "lonlat" : "projected";
}

std::optional<CoordinateSystem> ParseCrs(std::string_view s) {
  if (s == "lonlat") return CoordinateSystem::kLonLat;
  if (s == "projected") return CoordinateSystem::kProjectedMetres;
  return std::nullopt;
}

namespace {
struct StageName {
  ParcelStage stage;
  const char* code;
  const char* zh;
};
constexpr StageName kStages[] = {
    {ParcelStage::kPlanned, "planned", "未批"},
    {ParcelStage::kApproved, "approved", "已批未供"},
    {ParcelStage::kSupplied, "supplied", "已供未动工"},
    {ParcelStage::kUnderConstruction, "under_construction", "在建"},
    {ParcelStage::kHalted, "halted", "停工"},
    {ParcelStage::kCompleted, "completed", "已竣工未投产"},
    {ParcelStage::kProducing, "producing", "已投产"},
};
bool By(const std::optional<Date>& d, Date at) { return d && *d <= at; }
}  // namespace

const char* StageCode(ParcelStage s) { return kStages[static_cast<int>(s)].code; }
const char* StageNameZh(ParcelStage s) { return kStages[static_cast<int>(s)].zh; }

std::optional<ParcelStage> ParseStage(std::string_view s) {
  for (const auto& n : kStages)
    if (s == n.code) return n.stage;
  return std::nullopt;
}

ParcelStage StageAt(const Parcel& p, Date date) {
  if (By(p.production, date)) return ParcelStage::kProducing;
  if (By(p.completed, date)) return ParcelStage::kCompleted;
  if (By(p.halted_since, date)) return ParcelStage::kHalted;
  if (By(p.actual_start, date)) return ParcelStage::kUnderConstruction;
  if (By(p.supplied, date)) return ParcelStage::kSupplied;
  if (By(p.approved, date)) return ParcelStage::kApproved;
  return ParcelStage::kPlanned;
}

StandardLandContract ContractRecord::ToContract() const {
  StandardLandContract c;
  for (const auto& i : indicators) c.indicators.push_back({i.code, i.agreed});
  c.production_check = production_check;
  return c;
}

ActualValues ActualsFor(const ContractRecord& c, const Parcel& p) {
  ActualValues a{};
  using evaluation::IndicatorCode;
  using evaluation::Index;
  a[Index(IndicatorCode::kInvestmentIntensity)] = InvestmentIntensity(p.invested, p.area_mu);
  a[Index(IndicatorCode::kFloorAreaRatio)] = FloorAreaRatio(p.floor_area_m2, p.AreaM2());
  a[Index(IndicatorCode::kBuildingCoverage)] = BuildingCoverage(p.footprint_m2, p.AreaM2());
  for (const auto& i : c.indicators)
    if (i.actual) a[Index(i.code)] = i.actual;
  return a;
}

const char* StandardStatusCode(StandardStatus s) {
  switch (s) {
    case StandardStatus::kNone: return "none";
    case StandardStatus::kPending: return "pending";
    case StandardStatus::kPassed: return "passed";
    case StandardStatus::kFailed: return "failed";
  }
  return "none";
}

StandardStatus StandardStatusAt(const ContractRecord* c, const Parcel& p, Date date) {
  if (!c) return StandardStatus::kNone;
  if (!c->production_check || date < *c->production_check) return StandardStatus::kPending;
  return CheckContract(c->ToContract(), ActualsFor(*c, p)).passed() ? StandardStatus::kPassed
                                                                     : StandardStatus::kFailed;
}

bool IsDisposalMethod(std::string_view s) {
  return std::find(std::begin(kDisposalMethods), std::end(kDisposalMethods), s) != std::end(kDisposalMethods);
}
bool IsDisposalStatus(std::string_view s) {
  return std::find(std::begin(kDisposalStatuses), std::end(kDisposalStatuses), s) != std::end(kDisposalStatuses);
}

std::optional<InefficiencyKind> ParseKind(std::string_view s) {
  for (std::size_t i = 0; i < kInefficiencyKindCount; ++i) {
    const auto k = static_cast<InefficiencyKind>(i);
    if (s == KindCode(k)) return k;
  }
  return std::nullopt;
}

Status ValidateDisposal(const Disposal& d) {
  std::vector<FieldError> errs;
  if (!ParseKind(d.kind)) errs.push_back({"kind", "低效用地类型应为 approved_not_supplied、supplied_not_used、used_not_fully、built_not_producing 或 producing_below_standard"});
  if (!IsDisposalMethod(d.method))
    errs.push_back({"method", "处置方式应为 收回(reclaim)、转让(transfer)、合作开发(joint_development)、整改(rectify)、征缴闲置费(idle_fee) 或 其他(other)"});
  if (!IsDisposalStatus(d.status)) errs.push_back({"status", "状态应为 planned、in_progress、completed 或 cancelled"});
  if (d.unit.size() > 200) errs.push_back({"unit", "责任单位过长"});
  if (d.completed_on && d.status != "completed") errs.push_back({"completed_on", "只有已完成的处置才能填写完成日期"});
  if (d.audited && d.status != "completed") errs.push_back({"audited", "处置完成后才能核查销号"});
  if (errs.empty()) return Status::Ok();
  std::string top = errs.size() == 1 ? errs.front().message : "处置记录有误";
  return Status::Validation(std::move(top), std::move(errs));
}

}  // namespace parkhq::land
