#include "storage/safety/sql_safety_repository.h"

#include "common/time.h"
#include "storage/audit_store.h"

namespace parkhq::storage {

using safety::Facility;
using safety::FacilityRecord;

std::string SafetyInList(const std::vector<int64_t>& ids, std::vector<Value>& params, const char* col) {
  if (ids.empty()) return "1=0";
  std::string s = std::string(col) + " IN (";
  for (size_t i = 0; i < ids.size(); ++i) {
    s += i ? ",?" : "?";
    params.emplace_back(ids[i]);
  }
  return s + ")";
}

namespace {

const char kFacCols[] =
    "SELECT id, park_id, name, kind, operator, unit, capacity, discharge_limit, permit_no, permit_expiry, warn_pct, "
    "permit_warn_days, is_demo, created_at, updated_at FROM safety_facilities ";

Facility ToFacility(const Row& r) {
  Facility f;
  f.id = r.Int(0);
  f.park_id = r.Int(1);
  f.name = r.Text(2);
  f.kind = r.Text(3);
  f.op = r.Text(4);
  f.unit = r.Text(5);
  f.capacity = r.OptDouble(6);
  f.discharge_limit = r.OptDouble(7);
  f.permit_no = r.Text(8);
  if (auto d = r.OptText(9)) f.permit_expiry = Date::Parse(*d);
  f.warn_pct = r.Double(10);
  f.permit_warn_days = static_cast<int>(r.Int(11));
  f.is_demo = r.Bool(12);
  f.created_at = r.Text(13);
  f.updated_at = r.Text(14);
  return f;
}

Value DateOrNull(const std::optional<Date>& d) { return d ? Value(d->ToString()) : Value(); }

}  // namespace

StatusOr<std::vector<Facility>> SqlSafetyRepository::ListFacilities(const std::vector<int64_t>& park_ids) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<Value> p;
  const std::string where = SafetyInList(park_ids, p, "park_id");
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kFacCols) + "WHERE " + where + " ORDER BY park_id, id", p));
  std::vector<Facility> out;
  for (const auto& r : rows) out.push_back(ToFacility(r));
  return out;
}

StatusOr<std::optional<Facility>> SqlSafetyRepository::FindFacility(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne(std::string(kFacCols) + "WHERE id = ?", {id}));
  if (!r) return std::optional<Facility>();
  return std::optional<Facility>(ToFacility(*r));
}

StatusOr<int64_t> SqlSafetyRepository::SaveFacility(const Facility& f, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const char kSnap[] = "SELECT * FROM safety_facilities WHERE id = ?";
  std::vector<Value> v = {f.name, f.kind, f.op, f.unit, Opt(f.capacity), Opt(f.discharge_limit), f.permit_no,
                          DateOrNull(f.permit_expiry), f.warn_pct, int64_t{f.permit_warn_days}, f.updated_at};
  int64_t id = f.id;
  std::string before;
  if (id == 0) {
    v.insert(v.begin(), f.park_id);
    v.push_back(int64_t{f.is_demo});
    v.push_back(f.created_at);
    PARKHQ_ASSIGN_OR_RETURN(id, c->InsertId("INSERT INTO safety_facilities(park_id, name, kind, operator, unit, capacity, "
                                            "discharge_limit, permit_no, permit_expiry, warn_pct, permit_warn_days, "
                                            "updated_at, is_demo, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                                            "RETURNING id", v));
  } else {
    PARKHQ_ASSIGN_OR_RETURN(before, Snapshot(*c, kSnap, {id}));
    v.push_back(id);
    PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE safety_facilities SET name = ?, kind = ?, operator = ?, unit = ?, capacity = ?, "
                                   "discharge_limit = ?, permit_no = ?, permit_expiry = ?, warn_pct = ?, "
                                   "permit_warn_days = ?, updated_at = ? WHERE id = ?", v)
                               .status());
  }
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnap, {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, f.id == 0 ? "create" : "update", "safety_facility", std::to_string(id),
                                    f.park_id, before, after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<std::vector<FacilityRecord>> SqlSafetyRepository::ListRecords(int64_t facility_id, int limit) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id, park_id, facility_id, recorded_on, load_value, discharge, note, "
                                              "created_by, created_at, is_demo FROM safety_facility_records WHERE "
                                              "facility_id = ? ORDER BY recorded_on DESC, id DESC LIMIT ?",
                                              {facility_id, int64_t{limit}}));
  std::vector<FacilityRecord> out;
  for (const auto& r : rows) {
    FacilityRecord x;
    x.id = r.Int(0);
    x.park_id = r.Int(1);
    x.facility_id = r.Int(2);
    x.recorded_on = Date::Parse(r.Text(3)).value_or(Date{2000, 1, 1});
    x.load = r.Double(4);
    x.discharge = r.OptDouble(5);
    x.note = r.Text(6);
    x.created_by = r.Text(7);
    x.created_at = r.Text(8);
    x.is_demo = r.Bool(9);
    out.push_back(std::move(x));
  }
  return out;
}

StatusOr<int64_t> SqlSafetyRepository::AddRecord(const FacilityRecord& r, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, c->InsertId("INSERT INTO safety_facility_records(park_id, facility_id, recorded_on, "
                                                  "load_value, discharge, note, created_by, created_at, is_demo) VALUES "
                                                  "(?,?,?,?,?,?,?,?,?) RETURNING id",
                                                  {r.park_id, r.facility_id, r.recorded_on.ToString(), r.load,
                                                   Opt(r.discharge), r.note, r.created_by, r.created_at,
                                                   int64_t{r.is_demo}}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM safety_facility_records WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "safety_facility_record", std::to_string(id), r.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

}  // namespace parkhq::storage
