// LandService: the five kinds of inefficient land at a date, the park's rules, disposal records.
#include <algorithm>
#include <map>
#include <set>

#include "domain/land/land_service.h"

namespace parkhq::land {

StatusOr<InefficiencyView> LandService::InefficientLand(const Scope& s, int64_t park_id, Date date,
                                                        std::optional<InefficiencyKind> kind) const {
  PARKHQ_ASSIGN_OR_RETURN(auto tree, ReadTree(s, park_id));
  InefficiencyView v;
  v.date = date;
  PARKHQ_ASSIGN_OR_RETURN(v.rules, RulesFor(park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto records, repo_.ListParcels(tree, false));
  PARKHQ_ASSIGN_OR_RETURN(auto contracts, repo_.ListContracts(tree));
  std::map<int64_t, const ContractRecord*> by_parcel;
  for (const auto& c : contracts) by_parcel[c.parcel_id] = &c;
  std::vector<ParcelFacts> facts;
  facts.reserve(records.size());
  for (const auto& r : records) {
    ParcelFacts f;
    f.parcel = r.parcel;
    if (auto it = by_parcel.find(r.parcel.id); it != by_parcel.end()) {
      f.contract = it->second->ToContract();
      f.actual = ActualsFor(*it->second, r.parcel);
    }
    facts.push_back(std::move(f));
  }
  v.report = FindInefficientLand(facts, date, v.rules);
  if (kind) {
    // Totals stay those of the whole park; the items are narrowed to one kind.
    std::erase_if(v.report.items, [&](const InefficiencyFinding& f) { return f.kind != *kind; });
  }
  std::set<int64_t> listed;
  for (const auto& f : v.report.items) listed.insert(f.parcel_id);
  for (const auto& g : v.report.gaps) listed.insert(g.parcel_id);
  for (auto& r : records)
    if (listed.count(r.parcel.id)) v.parcels.push_back(std::move(r));
  PARKHQ_ASSIGN_OR_RETURN(auto disposals, repo_.ListDisposals(tree));
  for (auto& d : disposals)
    if (listed.count(d.parcel_id)) v.disposals.push_back(std::move(d));
  return v;
}

StatusOr<InefficiencyRules> LandService::GetRules(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(ReadTree(s, park_id).status());
  return RulesFor(park_id);
}

StatusOr<InefficiencyRules> LandService::PutRules(const Scope& s, int64_t park_id, const InefficiencyRules& r) const {
  PARKHQ_RETURN_IF_ERROR(WriteTree(s, park_id).status());
  PARKHQ_ASSIGN_OR_RETURN(int64_t root, RootOf(park_id));
  if (root != park_id)
    return Status::Validation("认定规则按园区设置", {{"park_id", "子园区沿用所属园区的认定规则，请在园区一级设置"}});
  PARKHQ_RETURN_IF_ERROR(ValidateRules(r));
  PARKHQ_RETURN_IF_ERROR(repo_.PutRules(root, r, s));
  return RulesFor(root);
}

StatusOr<std::vector<Disposal>> LandService::ListDisposals(const Scope& s, int64_t park_id,
                                                           std::optional<int64_t> parcel_id,
                                                           const std::string& status) const {
  PARKHQ_ASSIGN_OR_RETURN(auto tree, ReadTree(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto all, repo_.ListDisposals(tree));
  std::vector<Disposal> out;
  for (auto& d : all) {
    if (parcel_id && d.parcel_id != *parcel_id) continue;
    if (!status.empty() && d.status != status) continue;
    out.push_back(std::move(d));
  }
  return out;
}

StatusOr<Disposal> LandService::GetDisposal(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto d, repo_.FindDisposal(id));
  if (!d) return Status::NotFound("处置记录不存在或无权访问");
  auto tree = ReadTree(s, d->park_id);
  if (!tree.ok()) {
    if (tree.status().code() == StatusCode::kNotFound) return Status::NotFound("处置记录不存在或无权访问");
    return tree.status();
  }
  return std::move(*d);
}

StatusOr<Disposal> LandService::CreateDisposal(const Scope& s, int64_t park_id, Disposal d) const {
  PARKHQ_ASSIGN_OR_RETURN(auto tree, WriteTree(s, park_id));
  std::vector<FieldError> errs;
  const Status valid = ValidateDisposal(d);
  for (const auto& e : valid.details()) errs.push_back(e);
  PARKHQ_ASSIGN_OR_RETURN(auto parcel, repo_.FindParcel(d.parcel_id));
  if (!parcel || std::find(tree.begin(), tree.end(), parcel->parcel.park_id) == tree.end())
    errs.push_back({"parcel_id", "地块不存在或不属于本园区"});
  if (!errs.empty()) return Status::Validation(errs.size() == 1 ? errs[0].message : "处置记录有误", errs);
  d.park_id = parcel->parcel.park_id;
  if (d.audited) {
    d.audited_by = s.username;
    d.audited_at = NowIso();
  }
  PARKHQ_ASSIGN_OR_RETURN(d.id, repo_.CreateDisposal(d, s));
  return GetDisposal(s, d.id);
}

StatusOr<Disposal> LandService::UpdateDisposal(const Scope& s, int64_t id, Disposal d) const {
  PARKHQ_ASSIGN_OR_RETURN(auto old, GetDisposal(s, id));
  PARKHQ_RETURN_IF_ERROR(WriteTree(s, old.park_id).status());
  d.id = id;
  d.park_id = old.park_id;
  d.parcel_id = old.parcel_id;
  PARKHQ_RETURN_IF_ERROR(ValidateDisposal(d));
  if (d.audited && !old.audited) {
    d.audited_by = s.username;
    d.audited_at = NowIso();
  } else if (d.audited) {
    d.audited_by = old.audited_by;
    d.audited_at = old.audited_at;
  } else {
    d.audited_by.clear();
    d.audited_at.clear();
  }
  PARKHQ_RETURN_IF_ERROR(repo_.UpdateDisposal(d, s));
  return GetDisposal(s, id);
}

Status LandService::DeleteDisposal(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto old, GetDisposal(s, id));
  PARKHQ_RETURN_IF_ERROR(WriteTree(s, old.park_id).status());
  return repo_.DeleteDisposal(id, s);
}

}  // namespace parkhq::land
