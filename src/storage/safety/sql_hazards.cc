// Inspections, hazards and hazard photos (safety module, issue 14).
#include <sodium.h>

#include <cstring>

#include "common/crypto.h"
#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/safety/sql_safety_repository.h"

namespace parkhq::storage {

using safety::Hazard;
using safety::HazardFile;
using safety::Inspection;

namespace {

const char kHazCols[] =
    "SELECT h.id, h.park_id, h.inspection_id, h.enterprise_id, e.name, h.facility_id, f.name, h.responsible, h.level, "
    "h.category, h.description, h.measures, h.deadline, h.state, h.found_on, h.found_by, h.rectified_at, "
    "h.rectified_by, h.rectify_text, h.rechecked_at, h.rechecked_by, h.recheck_comment, h.closed_on, h.reopen_count, "
    "h.supervision_id, h.is_demo, h.created_at, h.updated_at FROM safety_hazards h "
    "LEFT JOIN enterprises e ON e.id = h.enterprise_id LEFT JOIN safety_facilities f ON f.id = h.facility_id ";
const char kHazSnap[] = "SELECT * FROM safety_hazards WHERE id = ?";

Date ParseOr(const std::string& s) { return Date::Parse(s).value_or(Date{2000, 1, 1}); }

Hazard ToHazard(const Row& r) {
  Hazard h;
  h.id = r.Int(0);
  h.park_id = r.Int(1);
  h.inspection_id = r.OptInt(2);
  h.enterprise_id = r.OptInt(3);
  h.enterprise_name = r.Text(4);
  h.facility_id = r.OptInt(5);
  h.facility_name = r.Text(6);
  h.responsible = r.Text(7);
  h.level = safety::ParseLevel(r.Text(8)).value_or(safety::HazardLevel::kGeneral);
  h.category = r.Text(9);
  h.description = r.Text(10);
  h.measures = r.Text(11);
  h.deadline = ParseOr(r.Text(12));
  h.state = safety::ParseState(r.Text(13)).value_or(safety::HazardState::kOpen);
  h.found_on = ParseOr(r.Text(14));
  h.found_by = r.Text(15);
  h.rectified_at = r.Text(16);
  h.rectified_by = r.Text(17);
  h.rectify_text = r.Text(18);
  h.rechecked_at = r.Text(19);
  h.rechecked_by = r.Text(20);
  h.recheck_comment = r.Text(21);
  if (auto d = r.OptText(22)) h.closed_on = Date::Parse(*d);
  h.reopen_count = static_cast<int>(r.Int(23));
  h.supervision_id = r.OptInt(24);
  h.is_demo = r.Bool(25);
  h.created_at = r.Text(26);
  h.updated_at = r.Text(27);
  return h;
}

Value TextOrNull(const std::string& s) { return s.empty() ? Value() : Value(s); }

StatusOr<int64_t> InsertHazard(Connection& c, const Hazard& h, std::optional<int64_t> inspection_id, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id,
      c.InsertId("INSERT INTO safety_hazards(park_id, inspection_id, enterprise_id, facility_id, responsible, level, "
                 "category, description, measures, deadline, state, found_on, found_by, is_demo, created_at, "
                 "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                 {h.park_id, Opt(inspection_id), Opt(h.enterprise_id), Opt(h.facility_id), h.responsible,
                  std::string(safety::LevelName(h.level)), h.category, h.description, h.measures,
                  h.deadline.ToString(), std::string(safety::StateName(h.state)), h.found_on.ToString(), h.found_by,
                  int64_t{h.is_demo}, h.created_at, h.updated_at}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(c, kHazSnap, {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(c, who, "create", "safety_hazard", std::to_string(id), h.park_id, "", after));
  return id;
}

std::string ToBase64(const std::string& bytes) {
  CryptoInit();
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

const char kFileCols[] = "SELECT id, park_id, hazard_id, stage, sha256, filename, content_type, size, created_by, "
                         "created_at FROM safety_hazard_files ";

HazardFile ToFile(const Row& r) {
  return {r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Int(7), r.Text(8), r.Text(9)};
}


StatusOr<std::vector<Inspection>> LoadInspections(Connection& c, const std::string& where,
                                                  const std::vector<Value>& p) {
  PARKHQ_ASSIGN_OR_RETURN(
      auto rows,
      c.Query("SELECT i.id, i.park_id, i.inspected_on, i.inspector, i.place, i.enterprise_id, e.name, i.facility_id, "
              "f.name, i.checklist, i.provider, i.notes, i.created_by, i.created_at, i.is_demo, "
              "(SELECT COUNT(*) FROM safety_hazards h WHERE h.inspection_id = i.id), i.status FROM safety_inspections i "
              "LEFT JOIN enterprises e ON e.id = i.enterprise_id LEFT JOIN safety_facilities f ON f.id = i.facility_id "
              "WHERE " + where + " ORDER BY i.inspected_on DESC, i.id DESC", p));
  std::vector<Inspection> out;
  for (const auto& r : rows) {
    Inspection i;
    i.id = r.Int(0);
    i.park_id = r.Int(1);
    i.inspected_on = ParseOr(r.Text(2));
    i.inspector = r.Text(3);
    i.place = r.Text(4);
    i.enterprise_id = r.OptInt(5);
    i.enterprise_name = r.Text(6);
    i.facility_id = r.OptInt(7);
    i.facility_name = r.Text(8);
    i.checklist = r.Text(9);
    i.provider = r.Text(10);
    i.notes = r.Text(11);
    i.created_by = r.Text(12);
    i.created_at = r.Text(13);
    i.is_demo = r.Bool(14);
    i.hazard_count = static_cast<int>(r.Int(15));
    i.status = r.Text(16);
    out.push_back(std::move(i));
  }
  return out;
}

}  // namespace

StatusOr<std::vector<Inspection>> SqlSafetyRepository::ListInspections(const std::vector<int64_t>& park_ids) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> p;
  const std::string where = SafetyInList(park_ids, p, "i.park_id");
  return LoadInspections(*c, where, p);
}

StatusOr<std::optional<Inspection>> SqlSafetyRepository::FindInspection(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto v, LoadInspections(*c, "i.id = ?", {id}));
  if (v.empty()) return std::optional<Inspection>();
  return std::optional<Inspection>(v.front());
}

Status SqlSafetyRepository::CompleteInspection(const Inspection& i, const std::vector<Hazard>& hazards,
                                               const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const char kSnap[] = "SELECT * FROM safety_inspections WHERE id = ?";
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kSnap, {i.id}));
  PARKHQ_ASSIGN_OR_RETURN(int64_t n, c->Exec("UPDATE safety_inspections SET inspected_on = ?, inspector = ?, place = ?, "
                                             "enterprise_id = ?, facility_id = ?, checklist = ?, provider = ?, notes = ?, "
                                             "status = 'done' WHERE id = ? AND status = 'planned'",
                                             {i.inspected_on.ToString(), i.inspector, i.place, Opt(i.enterprise_id),
                                              Opt(i.facility_id), i.checklist, i.provider, i.notes, i.id}));
  if (n != 1) return Status::Conflict("该检查已完成，不能再次登记");
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnap, {i.id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "complete", "safety_inspection", std::to_string(i.id), i.park_id, before,
                                    after));
  for (const auto& h : hazards) PARKHQ_RETURN_IF_ERROR(InsertHazard(*c, h, i.id, who).status());
  return tx.Commit();
}

StatusOr<int64_t> SqlSafetyRepository::CreateInspection(const Inspection& i, const std::vector<Hazard>& hazards,
                                                        const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, c->InsertId("INSERT INTO safety_inspections(park_id, inspected_on, inspector, "
                                                  "place, enterprise_id, facility_id, checklist, provider, notes, "
                                                  "created_by, created_at, is_demo, status) VALUES "
                                                  "(?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                                                  {i.park_id, i.inspected_on.ToString(), i.inspector, i.place,
                                                   Opt(i.enterprise_id), Opt(i.facility_id), i.checklist, i.provider,
                                                   i.notes, i.created_by, i.created_at, int64_t{i.is_demo}, i.status}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM safety_inspections WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "safety_inspection", std::to_string(id), i.park_id, "", after));
  for (const auto& h : hazards) PARKHQ_RETURN_IF_ERROR(InsertHazard(*c, h, id, who).status());
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<std::vector<Hazard>> SqlSafetyRepository::ListHazards(const std::vector<int64_t>& park_ids,
                                                               std::optional<int64_t> enterprise_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> p;
  std::string where = SafetyInList(park_ids, p, "h.park_id");
  if (enterprise_id) {
    where += " AND h.enterprise_id = ?";
    p.emplace_back(*enterprise_id);
  }
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kHazCols) + "WHERE " + where +
                                                  " ORDER BY h.found_on DESC, h.id DESC", p));
  std::vector<Hazard> out;
  for (const auto& r : rows) out.push_back(ToHazard(r));
  return out;
}

StatusOr<std::optional<Hazard>> SqlSafetyRepository::FindHazard(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne(std::string(kHazCols) + "WHERE h.id = ?", {id}));
  if (!r) return std::optional<Hazard>();
  return std::optional<Hazard>(ToHazard(*r));
}

StatusOr<int64_t> SqlSafetyRepository::CreateHazard(const Hazard& h, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, InsertHazard(*c, h, std::nullopt, who));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status SqlSafetyRepository::UpdateHazard(const Hazard& h, safety::HazardState expected, const std::string& action,
                                         const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kHazSnap, {h.id}));
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t n,
      c->Exec("UPDATE safety_hazards SET state = ?, deadline = ?, rectified_at = ?, rectified_by = ?, rectify_text = ?, "
              "rechecked_at = ?, rechecked_by = ?, recheck_comment = ?, closed_on = ?, reopen_count = ?, "
              "supervision_id = ?, updated_at = ? WHERE id = ? AND state = ?",
              {std::string(safety::StateName(h.state)), h.deadline.ToString(), TextOrNull(h.rectified_at),
               TextOrNull(h.rectified_by), h.rectify_text, TextOrNull(h.rechecked_at), TextOrNull(h.rechecked_by),
               h.recheck_comment, h.closed_on ? Value(h.closed_on->ToString()) : Value(), int64_t{h.reopen_count},
               Opt(h.supervision_id), h.updated_at, h.id, std::string(safety::StateName(expected))}));
  if (n != 1) return Status::Conflict("隐患状态已被他人更新，请刷新后重试");
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kHazSnap, {h.id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, action, "safety_hazard", std::to_string(h.id), h.park_id, before, after));
  return tx.Commit();
}

StatusOr<std::optional<int64_t>> SqlSafetyRepository::EnterprisePark(int64_t enterprise_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT park_id FROM enterprises WHERE id = ?", {enterprise_id}));
  if (!r) return std::optional<int64_t>();
  return std::optional<int64_t>(r->Int(0));
}

StatusOr<int64_t> SqlSafetyRepository::AddHazardFile(const HazardFile& f, const std::string& bytes, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto have, c->QueryOne("SELECT 1 FROM task_files WHERE sha256 = ?", {f.sha256}));
  if (!have)
    PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO task_files(sha256, size, data_b64, created_at) VALUES (?,?,?,?)",
                                   {f.sha256, f.size, ToBase64(bytes), f.created_at})
                               .status());
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, c->InsertId("INSERT INTO safety_hazard_files(park_id, hazard_id, stage, sha256, "
                                                  "filename, content_type, size, created_by, created_at) VALUES "
                                                  "(?,?,?,?,?,?,?,?,?) RETURNING id",
                                                  {f.park_id, f.hazard_id, f.stage, f.sha256, f.filename,
                                                   f.content_type, f.size, f.created_by, f.created_at}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM safety_hazard_files WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "safety_hazard_file", std::to_string(id), f.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<std::vector<HazardFile>> SqlSafetyRepository::ListHazardFiles(int64_t hazard_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kFileCols) + "WHERE hazard_id = ? ORDER BY id", {hazard_id}));
  std::vector<HazardFile> out;
  for (const auto& r : rows) out.push_back(ToFile(r));
  return out;
}

StatusOr<std::optional<std::pair<HazardFile, std::string>>> SqlSafetyRepository::LoadHazardFile(int64_t id) {
  using Out = std::optional<std::pair<HazardFile, std::string>>;
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne(std::string(kFileCols) + "WHERE id = ?", {id}));
  if (!r) return Out();
  HazardFile f = ToFile(*r);
  PARKHQ_ASSIGN_OR_RETURN(auto d, c->QueryOne("SELECT data_b64 FROM task_files WHERE sha256 = ?", {f.sha256}));
  if (!d) return Out();
  const std::string b64 = d->Text(0);
  std::string bytes(static_cast<size_t>(f.size), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), b64.data(), b64.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return Status::Internal("photo content is damaged");
  bytes.resize(len);
  return Out(std::pair{std::move(f), std::move(bytes)});
}

}  // namespace parkhq::storage
