// Bills by period from the leases, payments, arrears aging (欠费账龄) and income by year (造血).
#include <cmath>

#include "storage/audit_store.h"
#include "storage/sme/sme_rows.h"
#include "storage/sme/sme_store.h"

namespace parkhq::storage {

namespace rows = sme_rows;

namespace {

constexpr int kDueDay = 15;  // a period's bill is due on the 15th of the month (docs/sme.md)

std::vector<sme::Bill> Visible(const Scope& s, const std::vector<Row>& rs) {
  std::vector<sme::Bill> out;
  for (const auto& r : rs) {
    sme::Bill b = rows::ReadBill(r);
    if (sme::SeesTenantData(s, b.park_id, b.operator_unit_id, b.enterprise_id)) out.push_back(std::move(b));
  }
  return out;
}

}  // namespace

StatusOr<int64_t> SmeStore::GenerateBills(const Scope& s, int64_t park_id, Period p,
                                          const std::map<int64_t, double>& utilities_by_lease) const {
  if (!s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  if (!s.CanAdminPark(park_id)) {
    // A department user bills only when its unit runs a building of the park (the operating company).
    PARKHQ_ASSIGN_OR_RETURN(auto runs, c->QueryOne("SELECT COUNT(*) FROM sme_buildings WHERE park_id = ? AND "
                                                   "operator_unit_id = ?",
                                                   {park_id, Opt(s.unit_id)}));
    if (s.read_only || s.role != Role::kDepartment || !runs || runs->Int(0) == 0) return rows::NotManager();
  }
  const std::string first = Date{p.year, p.month, 1}.ToString(), last = Date::LastOfMonth(p).ToString();
  PARKHQ_ASSIGN_OR_RETURN(auto rs, c->Query(std::string(rows::kLeaseSql) +
                                                "WHERE l.park_id = ? AND l.start_on <= ? AND "
                                                "COALESCE(l.ended_on, l.end_on) >= ? AND NOT EXISTS (SELECT 1 FROM "
                                                "sme_bills x WHERE x.lease_id = l.id AND x.period = ?) ORDER BY l.id",
                                            {park_id, last, first, p.ToString()}));
  std::vector<sme::Lease> leases;
  for (const auto& r : rs) {
    sme::Lease l = rows::ReadLease(r, Today());
    if (sme::CanManage(s, l.park_id, l.operator_unit_id)) leases.push_back(std::move(l));
  }
  for (const auto& [lease_id, amount] : utilities_by_lease) {
    bool found = false;
    for (const auto& l : leases) found = found || l.id == lease_id;
    if (!found)
      return Status::Validation("账单信息有误", {{"utilities." + std::to_string(lease_id), "该租约本期无待生成的账单"}});
    if (!(amount >= 0 && amount <= 1000))
      return Status::Validation("账单信息有误", {{"utilities." + std::to_string(lease_id), "水电费应为 0 到 1000 万元"}});
  }
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  int64_t n = 0;
  const std::string now = NowIso(), due = Date{p.year, p.month, kDueDay}.ToString();
  for (const auto& l : leases) {
    const Date start = *Date::Parse(l.start_on), end = *Date::Parse(rows::EffectiveEnd(l));
    const double rent = sme::RentForPeriod({start, end, l.monthly_rent, static_cast<int>(l.free_months),
                                            l.relief_pct, static_cast<int>(l.relief_years)},
                                           p);
    const double fee = sme::RentForPeriod({start, end, l.property_fee, 0, 0, 0}, p);
    const auto u = utilities_by_lease.find(l.id);
    const double util = u == utilities_by_lease.end() ? 0 : sme::Round2(u->second);
    PARKHQ_ASSIGN_OR_RETURN(
        int64_t id, c->InsertId("INSERT INTO sme_bills(park_id, lease_id, enterprise_id, period, rent, property_fee, "
                                "utilities, amount, due_on, is_demo, created_at) VALUES (?,?,?,?,?,?,?,?,?,0,?) "
                                "RETURNING id",
                                {park_id, l.id, l.enterprise_id, p.ToString(), rent, fee, util,
                                 sme::Round2(rent + fee + util), due, now}));
    PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM sme_bills WHERE id = ?", {id}));
    PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, s, "create", "sme_bill", std::to_string(id), park_id, "", after));
    ++n;
  }
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return n;
}

StatusOr<std::vector<sme::Bill>> SmeStore::ListBills(const Scope& s, int64_t park_id, std::optional<Period> p) const {
  if (!s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  std::string sql = std::string(rows::kBillSql) + "WHERE bl.park_id = ?";
  std::vector<Value> params = {park_id};
  if (p) {
    sql += " AND bl.period = ?";
    params.emplace_back(p->ToString());
  }
  PARKHQ_ASSIGN_OR_RETURN(auto rs, c->Query(sql + " ORDER BY bl.period DESC, bl.id", params));
  return Visible(s, rs);
}

StatusOr<sme::Bill> SmeStore::AddPayment(const Scope& s, int64_t bill_id, double amount,
                                         const std::string& paid_on) const {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string(rows::kBillSql) + "WHERE bl.id = ?", {bill_id}));
  if (!row) return rows::NotFound();
  const sme::Bill b = rows::ReadBill(*row);
  if (!sme::SeesTenantData(s, b.park_id, b.operator_unit_id, b.enterprise_id)) return rows::NotFound();
  if (!sme::CanManage(s, b.park_id, b.operator_unit_id)) return rows::NotManager();
  std::vector<FieldError> errs;
  const double owed = sme::Round2(b.amount - b.paid);
  if (!std::isfinite(amount) || amount <= 0) errs.push_back({"amount", "收款金额应大于 0"});
  else if (sme::Round2(amount) > owed) errs.push_back({"amount", "收款金额超过欠款"});
  if (!Date::Parse(paid_on)) errs.push_back({"paid_on", "应为 YYYY-MM-DD 日期"});
  else if (paid_on > Today().ToString()) errs.push_back({"paid_on", "不能晚于今天"});
  if (!errs.empty()) return Status::Validation("收款信息有误", std::move(errs));
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, "SELECT * FROM sme_bills WHERE id = ?", {bill_id}));
  PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO sme_payments(park_id, bill_id, amount, paid_on, created_by, created_at) "
                                 "VALUES (?,?,?,?,?,?)",
                                 {b.park_id, bill_id, sme::Round2(amount), paid_on, s.username, NowIso()})
                             .status());
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("UPDATE sme_bills SET paid = ? WHERE id = ?", {sme::Round2(b.paid + amount), bill_id}).status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM sme_bills WHERE id = ?", {bill_id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, s, "payment", "sme_bill", std::to_string(bill_id), b.park_id, before, after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  PARKHQ_ASSIGN_OR_RETURN(auto out, c->QueryOne(std::string(rows::kBillSql) + "WHERE bl.id = ?", {bill_id}));
  return rows::ReadBill(*out);
}

StatusOr<SmeStore::ArrearsView> SmeStore::Arrears(const Scope& s, int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto bills, ListBills(s, park_id, std::nullopt));
  const Date today = Today();
  ArrearsView v;
  std::vector<sme::BillDue> due;
  for (const auto& b : bills) {
    const auto d = Date::Parse(b.due_on);
    if (!d) continue;
    due.push_back({*d, b.amount, b.paid});
    if (sme::Round2(b.amount - b.paid) > 0 && *d < today)
      v.bills.emplace_back(b, today.DaysSinceEpoch() - d->DaysSinceEpoch());
  }
  v.totals = sme::AgeArrears(due, today);
  return v;
}

StatusOr<std::vector<SmeStore::IncomeMonth>> SmeStore::Income(const Scope& s, int64_t park_id, int year) const {
  if (s.role == Role::kEnterprise) return Status::PermissionDenied("企业用户不能查看运营收入");
  PARKHQ_ASSIGN_OR_RETURN(auto bills, ListBills(s, park_id, std::nullopt));
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  const std::string y = std::to_string(year);
  PARKHQ_ASSIGN_OR_RETURN(auto pays, c->Query("SELECT bill_id, paid_on, amount FROM sme_payments WHERE park_id = ? "
                                              "AND paid_on >= ? AND paid_on <= ?",
                                              {park_id, y + "-01-01", y + "-12-31"}));
  std::vector<IncomeMonth> months(12);
  for (int m = 0; m < 12; ++m) months[m].period = Period{year, m + 1}.ToString();
  std::map<int64_t, bool> visible;
  for (const auto& b : bills) {
    visible[b.id] = true;
    if (b.period.rfind(y + "-", 0) == 0) months[std::stoi(b.period.substr(5, 2)) - 1].billed += b.amount;
  }
  for (const auto& r : pays)
    if (visible.count(r.Int(0))) months[std::stoi(r.Text(1).substr(5, 2)) - 1].collected += r.Double(2);
  for (auto& m : months) {
    m.billed = sme::Round2(m.billed);
    m.collected = sme::Round2(m.collected);
  }
  return months;
}

}  // namespace parkhq::storage
