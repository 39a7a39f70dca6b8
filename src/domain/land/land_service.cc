// Parcels and 标准地 contracts (the inefficiency report, rules and disposals: land_inefficiency.cc).
#include <algorithm>
#include <map>
#include <set>

#include "domain/land/land_service.h"

#include "common/deadline.h"
#include "domain/access/registers.h"
#include "domain/land/standard_land_calc.h"
#include "domain/org/org_service.h"

namespace parkhq::land {

namespace {

bool Contains(const std::string& hay, const std::string& needle) {
  return needle.empty() || hay.find(needle) != std::string::npos;
}

}  // namespace

StatusOr<std::vector<int64_t>> LandService::ReadTree(const Scope& s, int64_t park_id) const {
  if (s.role == Role::kEnterprise) return Status::PermissionDenied("企业用户无权查看园区土地信息");
  PARKHQ_ASSIGN_OR_RETURN(auto park, org_.FindPark(park_id));
  if (!park || !s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto parks, org_.ListParks());
  std::vector<int64_t> out;
  for (int64_t id : WithSubParks(parks, {park_id}))
    if (s.CanReadPark(id)) out.push_back(id);
  return out;
}

StatusOr<std::vector<int64_t>> LandService::WriteTree(const Scope& s, int64_t park_id,
                                                      const char* register_code) const {
  PARKHQ_ASSIGN_OR_RETURN(auto tree, ReadTree(s, park_id));
  const bool keeper = register_code != nullptr && s.CanKeepRegister(register_code, park_id);
  if (!s.CanAdminPark(park_id) && !keeper) return Status::PermissionDenied("只有园区管理人员可以修改土地信息");
  return tree;
}

StatusOr<int64_t> LandService::RootOf(int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto parks, org_.ListParks());
  int64_t id = park_id;
  for (int guard = 0; guard < 16; ++guard) {
    auto it = std::find_if(parks.begin(), parks.end(), [&](const Park& p) { return p.id == id; });
    if (it == parks.end() || !it->parent_id) return id;
    id = *it->parent_id;
  }
  return id;
}

StatusOr<InefficiencyRules> LandService::RulesFor(int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t root, RootOf(park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto rules, repo_.FindRules(root));
  return rules.value_or(InefficiencyRules{});
}

ParcelView LandService::MakeView(ParcelRecord r, const ContractRecord* c, const InefficiencyRules& rules,
                                 Date date) const {
  ParcelView v;
  v.stage = StageAt(r.parcel, date);
  v.standard = StandardStatusAt(c, r.parcel, date);
  ParcelFacts facts;
  facts.parcel = r.parcel;
  if (c) {
    facts.contract = c->ToContract();
    facts.actual = ActualsFor(*c, r.parcel);
  }
  for (const auto& f : ClassifyParcel(facts, date, rules)) v.kinds.push_back(f.kind);
  if (r.geometry_area_m2) v.area_check = CompareAreas(r.parcel.AreaM2(), *r.geometry_area_m2);
  v.record = std::move(r);
  return v;
}

StatusOr<ParcelView> LandService::View(ParcelRecord r, Date date) const {
  PARKHQ_ASSIGN_OR_RETURN(auto rules, RulesFor(r.parcel.park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto c, repo_.FindContract(r.parcel.id));
  return MakeView(std::move(r), c ? &*c : nullptr, rules, date);
}

StatusOr<ParcelPage> LandService::ListParcels(const Scope& s, int64_t park_id, const ParcelFilter& f) const {
  PARKHQ_ASSIGN_OR_RETURN(auto tree, ReadTree(s, park_id));
  if (f.park_id) {
    if (std::find(tree.begin(), tree.end(), *f.park_id) == tree.end())
      return Status::Validation("查询条件有误", {{"sub_park_id", "不是本园区或其子园区"}});
    tree = {*f.park_id};
  }
  PARKHQ_ASSIGN_OR_RETURN(auto rules, RulesFor(park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto records, repo_.ListParcels(tree, false));
  PARKHQ_ASSIGN_OR_RETURN(auto contracts, repo_.ListContracts(tree));
  std::map<int64_t, const ContractRecord*> by_parcel;
  for (const auto& c : contracts) by_parcel[c.parcel_id] = &c;
  const Date date = f.date.value_or(Today());
  ParcelPage page;
  for (auto& r : records) {
    const Parcel& p = r.parcel;
    if (!Contains(p.code, f.q) && !Contains(r.name, f.q) && !Contains(r.holder_name, f.q)) continue;
    if (!f.land_use.empty() && p.land_use != f.land_use) continue;
    if (f.holder_enterprise_id && p.holder_enterprise_id != f.holder_enterprise_id) continue;
    auto it = by_parcel.find(p.id);
    ParcelView v = MakeView(std::move(r), it == by_parcel.end() ? nullptr : it->second, rules, date);
    if (f.stage && v.stage != *f.stage) continue;
    if (f.standard && v.standard != *f.standard) continue;
    if (f.kind && std::find(v.kinds.begin(), v.kinds.end(), *f.kind) == v.kinds.end()) continue;
    ++page.total;
    page.total_area_mu += v.record.parcel.area_mu;
    if (page.total > f.offset && (f.limit == 0 || static_cast<int64_t>(page.items.size()) < f.limit))
      page.items.push_back(std::move(v));
  }
  return page;
}

StatusOr<std::vector<ParcelView>> LandService::MapParcels(const Scope& s, int64_t park_id, Date date) const {
  PARKHQ_ASSIGN_OR_RETURN(auto tree, ReadTree(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto rules, RulesFor(park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto records, repo_.ListParcels(tree, true));
  PARKHQ_ASSIGN_OR_RETURN(auto contracts, repo_.ListContracts(tree));
  std::map<int64_t, const ContractRecord*> by_parcel;
  for (const auto& c : contracts) by_parcel[c.parcel_id] = &c;
  std::vector<ParcelView> out;
  for (auto& r : records) {
    if (!r.geometry_json) continue;
    auto it = by_parcel.find(r.parcel.id);
    out.push_back(MakeView(std::move(r), it == by_parcel.end() ? nullptr : it->second, rules, date));
  }
  return out;
}

StatusOr<std::vector<ParcelRecord>> LandService::ParcelsForImport(const Scope& s, int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto tree, WriteTree(s, park_id, kRegisterParcels));
  return repo_.ListParcels(tree, false);
}

StatusOr<ParcelView> LandService::GetParcel(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto r, repo_.FindParcel(id));
  if (!r) return Status::NotFound("地块不存在或无权访问");
  auto tree = ReadTree(s, r->parcel.park_id);
  if (!tree.ok()) {
    if (tree.status().code() == StatusCode::kNotFound) return Status::NotFound("地块不存在或无权访问");
    return tree.status();
  }
  return View(std::move(*r), Today());
}

StatusOr<ParcelRecord> LandService::ParcelForWrite(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto r, repo_.FindParcel(id));
  if (!r) return Status::NotFound("地块不存在或无权访问");
  auto tree = WriteTree(s, r->parcel.park_id, kRegisterParcels);
  if (!tree.ok()) {
    if (tree.status().code() == StatusCode::kNotFound) return Status::NotFound("地块不存在或无权访问");
    return tree.status();
  }
  return std::move(*r);
}

std::vector<FieldError> LandService::Check(ParcelRecord& r, const std::vector<int64_t>& tree,
                                           const std::string& prefix) const {
  std::vector<FieldError> errs;
  if (std::find(tree.begin(), tree.end(), r.parcel.park_id) == tree.end())
    errs.push_back({prefix + "park_id", "所属园区须为本园区或其子园区"});
  if (r.parcel.code.size() > 64) errs.push_back({prefix + "code", "地块编号过长（最多 64 字节）"});
  if (r.name.size() > 200) errs.push_back({prefix + "name", "地块名称过长"});
  r.geometry_area_m2.reset();
  if (r.geometry) {
    Status g = ValidateGeometry(*r.geometry, prefix + "geometry");
    if (g.ok()) {
      r.geometry_area_m2 = AreaM2(*r.geometry);
      if (r.parcel.area_mu <= 0 && !r.parcel.area_m2) r.parcel.area_mu = M2ToMu(*r.geometry_area_m2);
    } else if (!g.IsValidation()) {
      errs.push_back({prefix + "geometry", g.message()});  // the work deadline passed
    } else {
      for (const auto& d : g.details()) errs.push_back(d);
    }
  }
  Status v = ValidateParcel(r.parcel);
  for (const auto& d : v.details()) {
    // A parcel with an invalid boundary and no area: report the boundary, not a missing area.
    if (d.field == "area_mu" && r.geometry && !r.geometry_area_m2) continue;
    errs.push_back({prefix + d.field, d.message});
  }
  return errs;
}

StatusOr<ParcelView> LandService::CreateParcel(const Scope& s, int64_t park_id, ParcelRecord in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto tree, WriteTree(s, park_id, kRegisterParcels));
  if (in.parcel.park_id == 0) in.parcel.park_id = park_id;
  if (in.parcel.area_mu <= 0 && in.parcel.area_m2 && *in.parcel.area_m2 > 0)
    in.parcel.area_mu = M2ToMu(*in.parcel.area_m2);
  auto errs = Check(in, tree, "");
  if (DeadlinePassed()) return DeadlineStatus();
  if (!errs.empty()) return Status::Validation(errs.size() == 1 ? errs[0].message : "地块信息有误", errs);
  PARKHQ_ASSIGN_OR_RETURN(auto existing, repo_.ListParcels(tree, false));
  for (const auto& e : existing)
    if (e.parcel.code == in.parcel.code)
      return Status::Conflict("地块编号已存在", {{"code", "本园区已有编号为 " + in.parcel.code + " 的地块"}});
  PARKHQ_ASSIGN_OR_RETURN(in.parcel.id, repo_.CreateParcel(in, s));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, repo_.FindParcel(in.parcel.id));
  if (!saved) return Status::Internal("新建的地块未找到");
  return View(std::move(*saved), Today());
}

StatusOr<ParcelView> LandService::UpdateParcel(const Scope& s, int64_t id, ParcelRecord in,
                                               const std::string& reason) const {
  PARKHQ_ASSIGN_OR_RETURN(auto old, ParcelForWrite(s, id));
  PARKHQ_ASSIGN_OR_RETURN(int64_t root, RootOf(old.parcel.park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto tree, WriteTree(s, root, kRegisterParcels));
  in.parcel.id = id;
  auto errs = Check(in, tree, "");
  if (DeadlinePassed()) return DeadlineStatus();
  if (!errs.empty()) return Status::Validation(errs.size() == 1 ? errs[0].message : "地块信息有误", errs);
  if (in.parcel.code != old.parcel.code) {
    PARKHQ_ASSIGN_OR_RETURN(auto existing, repo_.ListParcels(tree, false));
    for (const auto& e : existing)
      if (e.parcel.code == in.parcel.code && e.parcel.id != id)
        return Status::Conflict("地块编号已存在", {{"code", "本园区已有编号为 " + in.parcel.code + " 的地块"}});
  }
  PARKHQ_RETURN_IF_ERROR(repo_.UpdateParcel(in, reason, s));
  PARKHQ_ASSIGN_OR_RETURN(auto saved, repo_.FindParcel(id));
  if (!saved) return Status::NotFound("地块不存在");
  return View(std::move(*saved), Today());
}

Status LandService::DeleteParcel(const Scope& s, int64_t id, const std::string& reason) const {
  PARKHQ_RETURN_IF_ERROR(ParcelForWrite(s, id).status());
  return repo_.DeleteParcel(id, reason, s);
}

StatusOr<ImportResult> LandService::ImportParcels(const Scope& s, int64_t park_id, std::vector<ParcelRecord> records,
                                                  std::vector<FieldError> errs) const {
  PARKHQ_ASSIGN_OR_RETURN(auto tree, WriteTree(s, park_id, kRegisterParcels));
  if (records.empty() && errs.empty())
    return Status::Validation("没有可导入的地块", {{"features", "FeatureCollection 中没有要素"}});
  std::map<std::string, size_t> seen;
  for (size_t i = 0; i < records.size(); ++i) {
    ParcelRecord& r = records[i];
    const std::string prefix = "features[" + std::to_string(i) + "].";
    if (r.parcel.park_id == 0) r.parcel.park_id = park_id;
    if (r.parcel.id == 0 && r.parcel.area_mu <= 0 && r.parcel.area_m2 && *r.parcel.area_m2 > 0)
      r.parcel.area_mu = M2ToMu(*r.parcel.area_m2);
    auto more = Check(r, tree, prefix);
    // Properties are reported under properties.*, the boundary under geometry.*.
    for (auto& e : more) {
      if (e.field.rfind(prefix + "geometry", 0) != 0)
        e.field = prefix + "properties." + e.field.substr(prefix.size());
      errs.push_back(std::move(e));
    }
    if (!r.parcel.code.empty()) {
      auto [it, fresh] = seen.emplace(r.parcel.code, i);
      if (!fresh)
        errs.push_back({prefix + "properties.code",
                        "地块编号与第" + std::to_string(it->second + 1) + "个要素重复：" + r.parcel.code});
    }
  }
  if (DeadlinePassed()) return DeadlineStatus();
  if (!errs.empty()) {
    if (errs.size() > 200) errs.resize(200);
    return Status::Validation("导入文件有 " + std::to_string(errs.size()) + " 处错误，未导入任何地块", errs);
  }
  PARKHQ_ASSIGN_OR_RETURN(auto ids, repo_.SaveParcels(records, s));
  ImportResult result;
  PARKHQ_ASSIGN_OR_RETURN(auto rules, RulesFor(park_id));
  for (size_t i = 0; i < records.size(); ++i) {
    (records[i].parcel.id == 0 ? result.created : result.updated)++;
    records[i].parcel.id = ids[i];
    result.items.push_back(MakeView(std::move(records[i]), nullptr, rules, Today()));
  }
  return result;
}

StatusOr<std::vector<ContractView>> LandService::ListContracts(const Scope& s, int64_t park_id, Date date) const {
  PARKHQ_ASSIGN_OR_RETURN(auto tree, ReadTree(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto contracts, repo_.ListContracts(tree));
  PARKHQ_ASSIGN_OR_RETURN(auto parcels, repo_.ListParcels(tree, false));
  std::map<int64_t, const ParcelRecord*> by_id;
  for (const auto& p : parcels) by_id[p.parcel.id] = &p;
  std::vector<ContractView> out;
  for (auto& c : contracts) {
    auto it = by_id.find(c.parcel_id);
    if (it == by_id.end()) continue;
    ContractView v;
    v.parcel = it->second->parcel;
    v.contract = std::move(c);
    v.actual = ActualsFor(v.contract, v.parcel);
    v.check = CheckContract(v.contract.ToContract(), v.actual);
    v.status = StandardStatusAt(&v.contract, v.parcel, date);
    out.push_back(std::move(v));
  }
  return out;
}

StatusOr<ContractView> LandService::GetContract(const Scope& s, int64_t parcel_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto pv, GetParcel(s, parcel_id));
  PARKHQ_ASSIGN_OR_RETURN(auto c, repo_.FindContract(parcel_id));
  if (!c) return Status::NotFound("该地块尚无标准地合同");
  ContractView v;
  v.contract = std::move(*c);
  v.parcel = pv.record.parcel;
  v.actual = ActualsFor(v.contract, v.parcel);
  v.check = CheckContract(v.contract.ToContract(), v.actual);
  v.status = StandardStatusAt(&v.contract, v.parcel, Today());
  return v;
}

StatusOr<ContractView> LandService::PutContract(const Scope& s, int64_t parcel_id, ContractRecord c,
                                                const Parcel& deadlines) const {
  PARKHQ_ASSIGN_OR_RETURN(auto rec, ParcelForWrite(s, parcel_id));
  std::vector<FieldError> errs;
  const Status valid = ValidateContract(c.ToContract());
  for (const auto& d : valid.details()) errs.push_back(d);
  for (size_t i = 0; i < c.indicators.size(); ++i)
    if (c.indicators[i].actual && *c.indicators[i].actual < 0)
      errs.push_back({"indicators[" + std::to_string(i) + "].actual", "实际值不能为负数"});
  if (c.contract_no.size() > 100) errs.push_back({"contract_no", "合同编号过长"});
  if (c.checked_on && !c.production_check) errs.push_back({"checked_on", "请先填写约定达产复核日期"});
  Parcel p = rec.parcel;
  p.agreed_start = deadlines.agreed_start;
  p.agreed_completion = deadlines.agreed_completion;
  p.agreed_production = deadlines.agreed_production;
  if (c.production_check && p.agreed_production && *c.production_check < *p.agreed_production)
    errs.push_back({"production_check", "达产复核日期不能早于约定投产日期"});
  Status pv = ValidateParcel(p);
  for (const auto& d : pv.details())
    if (d.field.rfind("agreed_", 0) == 0) errs.push_back(d);
  if (!errs.empty()) return Status::Validation(errs.size() == 1 ? errs[0].message : "标准地合同有误", errs);
  c.parcel_id = parcel_id;
  c.park_id = p.park_id;
  // Pass/fail per indicator is recorded once the 达产复核 is done (checked_on set).
  const ContractCheck check = CheckContract(c.ToContract(), ActualsFor(c, p));
  std::vector<std::optional<bool>> passed;
  for (const auto& item : check.items)
    passed.push_back(c.checked_on ? std::optional<bool>(item.passed) : std::nullopt);
  PARKHQ_RETURN_IF_ERROR(repo_.PutContract(c, passed, p, s).status());
  return GetContract(s, parcel_id);
}

Status LandService::DeleteContract(const Scope& s, int64_t parcel_id) const {
  PARKHQ_RETURN_IF_ERROR(ParcelForWrite(s, parcel_id).status());
  PARKHQ_ASSIGN_OR_RETURN(auto c, repo_.FindContract(parcel_id));
  if (!c) return Status::NotFound("该地块尚无标准地合同");
  return repo_.DeleteContract(parcel_id, s);
}

}  // namespace parkhq::land
