// Financing needs (融资需求): posted by enterprises, matched and granted by 金融办, summed by bank and chain.
#include <cmath>
#include <set>

#include "storage/audit_store.h"
#include "storage/sme/sme_rows.h"
#include "storage/sme/sme_store.h"

namespace parkhq::storage {

namespace rows = sme_rows;

namespace {

constexpr char kFinanceOffice[] = "金融办";

const char kNeedSql[] =
    "SELECT n.id, n.park_id, n.enterprise_id, n.term_months, e.name, COALESCE((SELECT MIN(ic.name) FROM "
    "chain_link_enterprises ce JOIN chain_links cl ON cl.id = ce.link_id JOIN industry_chains ic ON ic.id = "
    "cl.chain_id WHERE ce.enterprise_id = n.enterprise_id), ''), n.amount, n.purpose, n.collateral, n.channel, "
    "n.status, n.bank, n.note, n.created_by, n.created_at, n.matched_on, n.loan_on, n.loan_amount, n.is_demo "
    "FROM sme_financing_needs n JOIN enterprises e ON e.id = n.enterprise_id ";

sme::FinancingNeed ReadNeed(const Row& r) {
  sme::FinancingNeed n;
  n.id = r.Int(0);
  n.park_id = r.Int(1);
  n.enterprise_id = r.Int(2);
  n.term_months = r.Int(3);
  n.enterprise_name = r.Text(4);
  n.chain = r.Text(5);
  n.amount = r.Double(6);
  n.purpose = r.Text(7);
  n.collateral = r.Text(8);
  n.channel = r.Text(9);
  n.status = r.Text(10);
  n.bank = r.Text(11);
  n.note = r.Text(12);
  n.created_by = r.Text(13);
  n.created_at = r.Text(14);
  n.matched_on = r.OptText(15);
  n.loan_on = r.OptText(16);
  n.loan_amount = r.OptDouble(17);
  n.is_demo = r.Bool(18);
  return n;
}

StatusOr<bool> IsFinanceOffice(Connection& c, const Scope& s) {
  if (s.role != Role::kDepartment || !s.unit_id) return false;
  PARKHQ_ASSIGN_OR_RETURN(auto u, c.QueryOne("SELECT name FROM units WHERE id = ?", {*s.unit_id}));
  return u && u->Text(0) == kFinanceOffice;
}

// The bank a caller is the contact person of: a department user whose unit is of kind "bank" (the
// unit's name is the bank's name on the needs).
StatusOr<std::optional<std::string>> BankOf(Connection& c, const Scope& s) {
  if (s.role != Role::kDepartment || !s.unit_id) return std::optional<std::string>();
  PARKHQ_ASSIGN_OR_RETURN(auto u, c.QueryOne("SELECT name FROM units WHERE id = ? AND kind = 'bank'", {*s.unit_id}));
  if (!u) return std::optional<std::string>();
  return std::optional<std::string>(u->Text(0));
}

// Sees every need of the park (not just its own enterprise's).
StatusOr<bool> SeesAllNeeds(Connection& c, const Scope& s, int64_t park_id) {
  if (!s.CanReadPark(park_id)) return false;
  if (s.role == Role::kSysadmin || s.role == Role::kParkAdmin || s.role == Role::kLeader) return true;
  return IsFinanceOffice(c, s);
}

StatusOr<bool> Sees(Connection& c, const Scope& s, const sme::FinancingNeed& n) {
  if (s.role == Role::kEnterprise) return s.enterprise_id && *s.enterprise_id == n.enterprise_id;
  PARKHQ_ASSIGN_OR_RETURN(auto bank, BankOf(c, s));
  // A bank's contact sees the open needs of the parks it serves and the needs matched with its bank.
  if (bank) return s.CanReadPark(n.park_id) && (n.status == "open" || n.bank == *bank);
  return SeesAllNeeds(c, s, n.park_id);
}

}  // namespace

StatusOr<sme::FinancingNeed> SmeStore::CreateNeed(const Scope& s, const NewNeed& in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  std::optional<int64_t> ent = in.enterprise_id;
  if (s.role == Role::kEnterprise) {
    if (ent && (!s.enterprise_id || *ent != *s.enterprise_id))
      return Status::Validation("融资需求有误", {{"enterprise_id", "企业用户只能为本企业发布融资需求"}});
    ent = s.enterprise_id;
  }
  if (!ent) return Status::Validation("融资需求有误", {{"enterprise_id", "请选择企业"}});
  PARKHQ_ASSIGN_OR_RETURN(auto e, c->QueryOne("SELECT park_id FROM enterprises WHERE id = ?", {*ent}));
  if (!e || !s.CanReadPark(e->Int(0))) return Status::Validation("融资需求有误", {{"enterprise_id", "企业不存在或无权访问"}});
  const int64_t park_id = e->Int(0);
  if (s.role != Role::kEnterprise) {
    PARKHQ_ASSIGN_OR_RETURN(bool office, IsFinanceOffice(*c, s));
    if (s.read_only || !(s.CanAdminPark(park_id) || office))
      return Status::PermissionDenied("仅企业本身、金融办和园区管理员可以登记融资需求");
  }
  std::vector<FieldError> errs;
  static const std::set<std::string> kCollateral = {"factory_mortgage", "equipment", "guarantee", "credit", "other"};
  static const std::set<std::string> kChannel = {"xinyidai", "chain_credit", "bank", "other"};
  if (!(in.amount > 0 && in.amount <= 1000000)) errs.push_back({"amount", "金额应大于 0 且不超过 1000000 万元"});
  if (in.term_months < 1 || in.term_months > 360) errs.push_back({"term_months", "期限应为 1 到 360 个月"});
  if (in.purpose.empty()) errs.push_back({"purpose", "请填写资金用途"});
  if (!kCollateral.count(in.collateral))
    errs.push_back({"collateral", "应为 factory_mortgage、equipment、guarantee、credit 或 other"});
  if (!kChannel.count(in.channel)) errs.push_back({"channel", "应为 xinyidai、chain_credit、bank 或 other"});
  if (!errs.empty()) return Status::Validation("融资需求有误", std::move(errs));
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id, c->InsertId("INSERT INTO sme_financing_needs(park_id, enterprise_id, amount, term_months, purpose, "
                              "collateral, channel, status, note, created_by, created_at) VALUES "
                              "(?,?,?,?,?,?,?,'open',?,?,?) RETURNING id",
                              {park_id, *ent, sme::Round2(in.amount), in.term_months, in.purpose, in.collateral,
                               in.channel, in.note, s.username, NowIso()}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM sme_financing_needs WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, s, "create", "sme_financing_need", std::to_string(id), park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string(kNeedSql) + "WHERE n.id = ?", {id}));
  return ReadNeed(*row);
}

StatusOr<std::vector<sme::FinancingNeed>> SmeStore::ListNeeds(const Scope& s, int64_t park_id) const {
  if (!s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rs, c->Query(std::string(kNeedSql) + "WHERE n.park_id = ? ORDER BY n.id DESC", {park_id}));
  std::vector<sme::FinancingNeed> out;
  for (const auto& r : rs) {
    sme::FinancingNeed n = ReadNeed(r);
    PARKHQ_ASSIGN_OR_RETURN(bool sees, Sees(*c, s, n));
    if (sees) out.push_back(std::move(n));
  }
  return out;
}

StatusOr<sme::FinancingNeed> SmeStore::MoveNeed(const Scope& s, int64_t id, const std::string& status,
                                                const std::string& bank, std::optional<double> loan_amount,
                                                const std::string& on, const std::string& note) const {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_->Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string(kNeedSql) + "WHERE n.id = ?", {id}));
  if (!row) return rows::NotFound();
  const sme::FinancingNeed n = ReadNeed(*row);
  PARKHQ_ASSIGN_OR_RETURN(bool sees, Sees(*c, s, n));
  if (!sees) return rows::NotFound();
  PARKHQ_ASSIGN_OR_RETURN(bool office, IsFinanceOffice(*c, s));
  PARKHQ_ASSIGN_OR_RETURN(auto own_bank, BankOf(*c, s));
  // A bank's contact records its own bank's match and loan (never another bank's, never a decline).
  const bool as_bank = own_bank && (status == "matched" || status == "granted") &&
                       (n.bank.empty() || n.bank == *own_bank) && (bank.empty() || bank == *own_bank);
  if (s.read_only || !(s.CanAdminPark(n.park_id) || office || as_bank))
    return Status::PermissionDenied("仅金融办、园区管理员和对接银行可以登记对接和放款");
  std::vector<FieldError> errs;
  if (status != "matched" && status != "granted" && status != "declined")
    errs.push_back({"status", "应为 matched、granted 或 declined"});
  if (status != "declined" && !Date::Parse(on)) errs.push_back({"on", "应为 YYYY-MM-DD 日期"});
  if (status == "matched" && bank.empty() && !as_bank) errs.push_back({"bank", "请填写对接银行"});
  if (status == "granted" && (!loan_amount || !std::isfinite(*loan_amount) || *loan_amount <= 0 || *loan_amount > 1000000))
    errs.push_back({"loan_amount", "放款金额应大于 0 且不超过 1000000 万元"});
  if (status == "granted" && n.bank.empty() && bank.empty() && !as_bank) errs.push_back({"bank", "请填写放款银行"});
  if (!errs.empty()) return Status::Validation("对接信息有误", std::move(errs));
  if (n.status == "granted" || n.status == "declined") return Status::Conflict("该融资需求已办结");
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, "SELECT * FROM sme_financing_needs WHERE id = ?", {id}));
  const std::string new_bank = as_bank ? *own_bank : bank.empty() ? n.bank : bank;
  if (status == "matched") {
    PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE sme_financing_needs SET status = 'matched', bank = ?, matched_on = ? "
                                   "WHERE id = ?",
                                   {new_bank, on, id})
                               .status());
  } else if (status == "granted") {
    PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE sme_financing_needs SET status = 'granted', bank = ?, loan_amount = ?, "
                                   "loan_on = ?, matched_on = COALESCE(matched_on, ?) WHERE id = ?",
                                   {new_bank, sme::Round2(*loan_amount), on, on, id})
                               .status());
  } else {
    PARKHQ_RETURN_IF_ERROR(
        c->Exec("UPDATE sme_financing_needs SET status = 'declined', note = ? WHERE id = ?", {note, id}).status());
  }
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM sme_financing_needs WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, s, status, "sme_financing_need", std::to_string(id), n.park_id, before, after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  PARKHQ_ASSIGN_OR_RETURN(auto out, c->QueryOne(std::string(kNeedSql) + "WHERE n.id = ?", {id}));
  return ReadNeed(*out);
}

StatusOr<sme::FinancingTotals> SmeStore::NeedTotals(const Scope& s, int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto needs, ListNeeds(s, park_id));
  std::vector<sme::NeedFigures> figs;
  for (const auto& n : needs) figs.push_back({n.bank, n.chain, n.status, n.amount, n.loan_amount.value_or(0)});
  return sme::SumFinancing(figs);
}

}  // namespace parkhq::storage
