// Leases: create (409 on an overlapping term), list, end early / move out, renew, graduate (毕业).
#include "storage/audit_store.h"
#include "storage/sme/sme_rows.h"
#include "storage/sme/sme_store.h"

namespace parkhq::storage {

namespace rows = sme_rows;

namespace {

StatusOr<std::optional<sme::Lease>> LoadLease(Connection& c, int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto row, c.QueryOne(std::string(rows::kLeaseSql) + "WHERE l.id = ?", {id}));
  if (!row) return std::optional<sme::Lease>();
  return std::optional<sme::Lease>(rows::ReadLease(*row, Today()));
}

// The lease for a write: 404 when unseen, 403 when the caller cannot manage it.
StatusOr<sme::Lease> LeaseToManage(Connection& c, const Scope& s, int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto l, LoadLease(c, id));
  if (!l || !sme::SeesTenantData(s, l->park_id, l->operator_unit_id, l->enterprise_id)) {
    // A department user of another unit reads the park but not this lease: the lease is not there.
    return rows::NotFound();
  }
  if (!sme::CanManage(s, l->park_id, l->operator_unit_id)) return rows::NotManager();
  return *l;
}

Status Validate(const sme::NewLease& in) {
  std::vector<FieldError> errs;
  const auto start = Date::Parse(in.start_on), end = Date::Parse(in.end_on);
  if (!start) errs.push_back({"start_on", "应为 YYYY-MM-DD 日期"});
  if (!end) errs.push_back({"end_on", "应为 YYYY-MM-DD 日期"});
  if (start && end && *end < *start) errs.push_back({"end_on", "租期结束日不能早于开始日"});
  if (start && end && end->DaysSinceEpoch() - start->DaysSinceEpoch() > 366 * 20)
    errs.push_back({"end_on", "租期不能超过 20 年"});
  if (!(in.monthly_rent >= 0 && in.monthly_rent <= 10000)) errs.push_back({"monthly_rent", "月租金应为 0 到 10000 万元"});
  if (!(in.property_fee >= 0 && in.property_fee <= 1000)) errs.push_back({"property_fee", "物业费应为 0 到 1000 万元/月"});
  if (!(in.deposit >= 0 && in.deposit <= 100000)) errs.push_back({"deposit", "押金应为 0 到 100000 万元"});
  if (in.free_months < 0 || in.free_months > 36) errs.push_back({"free_months", "免租期应为 0 到 36 个月"});
  if (!(in.relief_pct >= 0 && in.relief_pct <= 100)) errs.push_back({"relief_pct", "减免比例应为 0 到 100"});
  if (in.relief_years < 0 || in.relief_years > 10) errs.push_back({"relief_years", "减免年限应为 0 到 10 年"});
  if (!errs.empty()) return Status::Validation("租约信息有误", std::move(errs));
  return Status::Ok();
}

Status Audit(Connection& c, const Scope& s, const char* action, int64_t id, int64_t park_id, const std::string& before,
             const std::string& reason = "") {
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(c, "SELECT * FROM sme_leases WHERE id = ?", {id}));
  return WriteAudit(c, s, action, "sme_lease", std::to_string(id), park_id, before, after, reason);
}

}  // namespace

StatusOr<std::vector<sme::Lease>> SmeStore::ListLeases(const Scope& s, int64_t park_id) const {
  if (!s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rs, c->Query(std::string(rows::kLeaseSql) + "WHERE l.park_id = ? ORDER BY l.id", {park_id}));
  std::vector<sme::Lease> out;
  const Date today = Today();
  for (const auto& r : rs) {
    sme::Lease l = rows::ReadLease(r, today);
    if (sme::SeesTenantData(s, l.park_id, l.operator_unit_id, l.enterprise_id)) out.push_back(std::move(l));
  }
  return out;
}

StatusOr<sme::Lease> SmeStore::GetLease(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto l, LoadLease(*c, id));
  if (!l || !sme::SeesTenantData(s, l->park_id, l->operator_unit_id, l->enterprise_id)) return rows::NotFound();
  return *l;
}

StatusOr<sme::Lease> SmeStore::CreateLease(const Scope& s, const sme::NewLease& in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto u, rows::FindUnit(*c, in.unit_id));
  if (!u || !s.CanReadPark(u->park_id))
    return Status::Validation("租约信息有误", {{"unit_id", "房间不存在或无权访问"}});
  if (!sme::CanManage(s, u->park_id, u->operator_unit_id)) return rows::NotManager();
  PARKHQ_RETURN_IF_ERROR(Validate(in));
  PARKHQ_ASSIGN_OR_RETURN(auto ent, c->QueryOne("SELECT park_id, COALESCE(sub_park_id, park_id) FROM enterprises "
                                                "WHERE id = ?",
                                                {in.enterprise_id}));
  if (!ent || (ent->Int(0) != u->park_id && ent->Int(1) != u->park_id))
    return Status::Validation("租约信息有误", {{"enterprise_id", "企业不存在或不属于本园区"}});
  if (u->stored_status != "vacant")
    return Status::Conflict("房间为" + std::string(u->stored_status == "repair" ? "维修中" : "自用") + "，不能出租");
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto other, rows::OverlappingLease(*c, in.unit_id, in.start_on, in.end_on, 0));
  if (other)
    return Status::Conflict("房间 " + u->code + " 在该租期内已出租（租约 " + std::to_string(*other) + "）",
                            {{"unit_id", "租期与已有租约重叠"}});
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id,
      c->InsertId("INSERT INTO sme_leases(park_id, unit_id, enterprise_id, start_on, end_on, monthly_rent, property_fee, "
                  "deposit, free_months, relief_pct, relief_years, incubatee, created_by, created_at) VALUES "
                  "(?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                  {u->park_id, in.unit_id, in.enterprise_id, in.start_on, in.end_on, in.monthly_rent, in.property_fee,
                   in.deposit, in.free_months, in.relief_pct, in.relief_years, int64_t{in.incubatee ? 1 : 0},
                   s.username, NowIso()}));
  PARKHQ_RETURN_IF_ERROR(Audit(*c, s, "create", id, u->park_id, ""));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  PARKHQ_ASSIGN_OR_RETURN(auto l, LoadLease(*c, id));
  return *l;
}

StatusOr<sme::Lease> SmeStore::EndLease(const Scope& s, int64_t id, const std::string& kind, const std::string& on) const {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto l, LeaseToManage(*c, s, id));
  std::vector<FieldError> errs;
  if (kind != "early_end" && kind != "move_out") errs.push_back({"kind", "应为 early_end（提前终止）或 move_out（退租）"});
  if (!Date::Parse(on)) errs.push_back({"ended_on", "应为 YYYY-MM-DD 日期"});
  else if (on < l.start_on || on > l.end_on) errs.push_back({"ended_on", "应在租期之内"});
  if (!errs.empty()) return Status::Validation("退租信息有误", std::move(errs));
  if (l.ended_on) return Status::Conflict("租约已于 " + l.ended_on.value() + " 终止");
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, "SELECT * FROM sme_leases WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE sme_leases SET ended_on = ?, end_kind = ? WHERE id = ?", {on, kind, id}).status());
  PARKHQ_RETURN_IF_ERROR(Audit(*c, s, "end", id, l.park_id, before, kind));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  PARKHQ_ASSIGN_OR_RETURN(auto out, LoadLease(*c, id));
  return *out;
}

StatusOr<sme::Lease> SmeStore::RenewLease(const Scope& s, int64_t id, const std::string& end_on,
                                          std::optional<double> monthly_rent) const {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto l, LeaseToManage(*c, s, id));
  std::vector<FieldError> errs;
  const auto end = Date::Parse(end_on);
  if (!end) errs.push_back({"end_on", "应为 YYYY-MM-DD 日期"});
  else if (end_on <= l.end_on) errs.push_back({"end_on", "续租后的结束日应晚于原结束日 " + l.end_on});
  if (monthly_rent && !(*monthly_rent >= 0 && *monthly_rent <= 10000))
    errs.push_back({"monthly_rent", "月租金应为 0 到 10000 万元"});
  if (!errs.empty()) return Status::Validation("续租信息有误", std::move(errs));
  if (l.ended_on) return Status::Conflict("租约已终止，不能续租");
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto other, rows::OverlappingLease(*c, l.unit_id, l.end_on, end_on, id));
  if (other) return Status::Conflict("续租期与该房间的租约 " + std::to_string(*other) + " 重叠", {{"end_on", "与已有租约重叠"}});
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, "SELECT * FROM sme_leases WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE sme_leases SET end_on = ?, monthly_rent = ?, renewals = renewals + 1 WHERE id = ?",
                                 {end_on, monthly_rent.value_or(l.monthly_rent), id})
                             .status());
  PARKHQ_RETURN_IF_ERROR(Audit(*c, s, "renew", id, l.park_id, before));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  PARKHQ_ASSIGN_OR_RETURN(auto out, LoadLease(*c, id));
  return *out;
}

StatusOr<sme::Lease> SmeStore::GraduateLease(const Scope& s, int64_t id, const std::string& kind,
                                             const std::string& on) const {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto l, LeaseToManage(*c, s, id));
  std::vector<FieldError> errs;
  if (kind != "own_land" && kind != "above_scale") errs.push_back({"kind", "应为 own_land（入驻自有用地）或 above_scale（升规）"});
  if (!Date::Parse(on)) errs.push_back({"graduated_on", "应为 YYYY-MM-DD 日期"});
  else if (on < l.start_on) errs.push_back({"graduated_on", "不能早于租期开始"});
  if (!errs.empty()) return Status::Validation("毕业信息有误", std::move(errs));
  if (!l.incubatee) return Status::Conflict("该租户不是在孵企业");
  if (l.graduated_on) return Status::Conflict("该企业已于 " + l.graduated_on.value() + " 毕业");
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, "SELECT * FROM sme_leases WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("UPDATE sme_leases SET graduated_on = ?, graduation_kind = ? WHERE id = ?", {on, kind, id}).status());
  PARKHQ_RETURN_IF_ERROR(Audit(*c, s, "graduate", id, l.park_id, before, kind));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  PARKHQ_ASSIGN_OR_RETURN(auto out, LoadLease(*c, id));
  return *out;
}

}  // namespace parkhq::storage
