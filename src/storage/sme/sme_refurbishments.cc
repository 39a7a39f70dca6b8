// Refurbishment projects (维修改造): budget, spending and progress of work on the SME park's buildings.
#include <set>

#include "storage/audit_store.h"
#include "storage/sme/sme_rows.h"
#include "storage/sme/sme_store.h"

namespace parkhq::storage {

namespace rows = sme_rows;

namespace {

const char kSql[] =
    "SELECT f.id, f.park_id, f.building_id, b.operator_unit_id, b.name, f.title, f.status, f.start_on, f.end_on, "
    "f.note, f.created_by, f.created_at, f.budget, f.spent, f.progress_pct, f.is_demo FROM sme_refurbishments f "
    "JOIN sme_buildings b ON b.id = f.building_id ";

sme::Refurbishment Read(const Row& r) {
  sme::Refurbishment f;
  f.id = r.Int(0);
  f.park_id = r.Int(1);
  f.building_id = r.Int(2);
  f.operator_unit_id = r.OptInt(3);
  f.building_name = r.Text(4);
  f.title = r.Text(5);
  f.status = r.Text(6);
  f.start_on = r.Text(7);
  f.end_on = r.Text(8);
  f.note = r.Text(9);
  f.created_by = r.Text(10);
  f.created_at = r.Text(11);
  f.budget = r.Double(12);
  f.spent = r.Double(13);
  f.progress_pct = r.Double(14);
  f.is_demo = r.Bool(15);
  return f;
}

Status Validate(const SmeStore::RefurbishmentInput& in) {
  std::vector<FieldError> errs;
  static const std::set<std::string> kStatus = {"planned", "in_progress", "done"};
  if (in.title.empty()) errs.push_back({"title", "请填写项目名称"});
  if (!(in.budget > 0 && in.budget <= 1000000)) errs.push_back({"budget", "预算应大于 0 且不超过 1000000 万元"});
  if (!(in.spent >= 0 && in.spent <= 1000000)) errs.push_back({"spent", "已支出应为 0 到 1000000 万元"});
  if (!(in.progress_pct >= 0 && in.progress_pct <= 100)) errs.push_back({"progress_pct", "进度应为 0 到 100"});
  if (!kStatus.count(in.status)) errs.push_back({"status", "应为 planned、in_progress 或 done"});
  const auto a = Date::Parse(in.start_on), b = Date::Parse(in.end_on);
  if (!a) errs.push_back({"start_on", "应为 YYYY-MM-DD 日期"});
  if (!b) errs.push_back({"end_on", "应为 YYYY-MM-DD 日期"});
  if (a && b && *b < *a) errs.push_back({"end_on", "结束日不能早于开始日"});
  if (!errs.empty()) return Status::Validation("维修改造项目有误", std::move(errs));
  return Status::Ok();
}

}  // namespace

StatusOr<std::vector<sme::Refurbishment>> SmeStore::ListRefurbishments(const Scope& s, int64_t park_id) const {
  if (!s.CanReadPark(park_id) || s.role == Role::kEnterprise) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rs, c->Query(std::string(kSql) + "WHERE f.park_id = ? ORDER BY f.id DESC", {park_id}));
  std::vector<sme::Refurbishment> out;
  for (const auto& r : rs) out.push_back(Read(r));
  return out;
}

StatusOr<sme::Refurbishment> SmeStore::CreateRefurbishment(const Scope& s, int64_t building_id,
                                                           const RefurbishmentInput& in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto b, c->QueryOne("SELECT park_id, operator_unit_id FROM sme_buildings WHERE id = ?",
                                              {building_id}));
  if (!b || !s.CanReadPark(b->Int(0))) return rows::NotFound();
  if (!sme::CanManage(s, b->Int(0), b->OptInt(1))) return rows::NotManager();
  PARKHQ_RETURN_IF_ERROR(Validate(in));
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id, c->InsertId("INSERT INTO sme_refurbishments(park_id, building_id, title, budget, spent, progress_pct, "
                              "status, start_on, end_on, note, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
                              "RETURNING id",
                              {b->Int(0), building_id, in.title, sme::Round2(in.budget), sme::Round2(in.spent),
                               sme::Round2(in.progress_pct), in.status, in.start_on, in.end_on, in.note, s.username,
                               NowIso()}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM sme_refurbishments WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, s, "create", "sme_refurbishment", std::to_string(id), b->Int(0), "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string(kSql) + "WHERE f.id = ?", {id}));
  return Read(*row);
}

StatusOr<sme::Refurbishment> SmeStore::UpdateRefurbishment(const Scope& s, int64_t id,
                                                           const RefurbishmentInput& in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string(kSql) + "WHERE f.id = ?", {id}));
  if (!row) return rows::NotFound();
  const sme::Refurbishment f = Read(*row);
  if (!s.CanReadPark(f.park_id)) return rows::NotFound();
  if (!sme::CanManage(s, f.park_id, f.operator_unit_id)) return rows::NotManager();
  PARKHQ_RETURN_IF_ERROR(Validate(in));
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, "SELECT * FROM sme_refurbishments WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE sme_refurbishments SET title = ?, budget = ?, spent = ?, progress_pct = ?, "
                                 "status = ?, start_on = ?, end_on = ?, note = ? WHERE id = ?",
                                 {in.title, sme::Round2(in.budget), sme::Round2(in.spent), sme::Round2(in.progress_pct),
                                  in.status, in.start_on, in.end_on, in.note, id})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM sme_refurbishments WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, s, "update", "sme_refurbishment", std::to_string(id), f.park_id, before, after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  PARKHQ_ASSIGN_OR_RETURN(auto out, c->QueryOne(std::string(kSql) + "WHERE f.id = ?", {id}));
  return Read(*out);
}

}  // namespace parkhq::storage
