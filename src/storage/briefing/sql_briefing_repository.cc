#include "storage/briefing/sql_briefing_repository.h"

#include "storage/audit_store.h"
#include "storage/briefing/briefing_json.h"

namespace parkhq::storage {

using briefing::Briefing;
using briefing::BriefingSummary;

namespace {

const char kCols[] =
    "SELECT b.id, b.park_id, p.name, b.period, b.state, b.content_json, b.data_version, b.is_demo, b.created_at, "
    "b.created_by, COALESCE(b.approved_at, ''), COALESCE(b.approved_by, ''), COALESCE(b.issued_at, ''), "
    "COALESCE(b.issued_by, ''), b.updated_at, b.title FROM briefings b JOIN parks p ON p.id = b.park_id ";

// The audit snapshot: everything but the (large) content, plus the title.
std::string Snap(const Briefing& b) {
  boost::json::object o = {{"id", b.id},
                           {"park_id", b.park_id},
                           {"period", b.period.ToString()},
                           {"state", briefing::StateName(b.state)},
                           {"title", b.content.title},
                           {"data_version", b.data_version}};
  return boost::json::serialize(o);
}

StatusOr<Briefing> ToBriefing(const Row& r) {
  Briefing b;
  b.id = r.Int(0);
  b.park_id = r.Int(1);
  b.park_name = r.Text(2);
  b.period = Period::Parse(r.Text(3)).value_or(Period{});
  b.state = briefing::ParseState(r.Text(4)).value_or(briefing::State::kDraft);
  PARKHQ_ASSIGN_OR_RETURN(b.content, ContentFromJson(r.Text(5)));
  b.data_version = r.Text(6);
  b.is_demo = r.Bool(7);
  b.created_at = r.Text(8);
  b.created_by = r.Text(9);
  b.approved_at = r.Text(10);
  b.approved_by = r.Text(11);
  b.issued_at = r.Text(12);
  b.issued_by = r.Text(13);
  b.updated_at = r.Text(14);
  return b;
}

}  // namespace

StatusOr<int64_t> SqlBriefingRepository::Create(const Briefing& b, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id,
      c->InsertId("INSERT INTO briefings(park_id, period, state, title, content_json, data_version, is_demo, created_at, "
                  "created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                  {b.park_id, b.period.ToString(), std::string(briefing::StateName(b.state)), b.content.title,
                   boost::json::serialize(ContentToJson(b.content)), b.data_version, int64_t{b.is_demo ? 1 : 0},
                   b.created_at, b.created_by, b.updated_at}));
  Briefing after = b;
  after.id = id;
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "briefing", std::to_string(id), b.park_id, "", Snap(after)));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<std::optional<Briefing>> SqlBriefingRepository::Find(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string(kCols) + "WHERE b.id = ?", {id}));
  if (!row) return std::optional<Briefing>();
  PARKHQ_ASSIGN_OR_RETURN(auto b, ToBriefing(*row));
  return std::optional<Briefing>(std::move(b));
}

Status SqlBriefingRepository::Update(const Briefing& after, const std::string& action, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string(kCols) + "WHERE b.id = ?", {after.id}));
  if (!row) return Status::NotFound("通报不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(Briefing before, ToBriefing(*row));
  // Frozen: an issued briefing is never rewritten (checked again here, inside the transaction).
  if (before.state == briefing::State::kIssued) return Status::Conflict("通报已印发，不能修改");
  auto opt = [](const std::string& s) { return s.empty() ? Value() : Value(s); };
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t n,
      c->Exec("UPDATE briefings SET state = ?, title = ?, content_json = ?, data_version = ?, approved_at = ?, "
              "approved_by = ?, issued_at = ?, issued_by = ?, updated_at = ? WHERE id = ? AND state = ?",
              {std::string(briefing::StateName(after.state)), after.content.title,
               boost::json::serialize(ContentToJson(after.content)), after.data_version, opt(after.approved_at),
               opt(after.approved_by), opt(after.issued_at), opt(after.issued_by), after.updated_at, after.id,
               std::string(briefing::StateName(before.state))}));
  if (n != 1) return Status::Conflict("通报已被他人修改，请刷新后重试");
  PARKHQ_RETURN_IF_ERROR(
      WriteAudit(*c, who, action, "briefing", std::to_string(after.id), after.park_id, Snap(before), Snap(after)));
  return tx.Commit();
}

StatusOr<std::vector<BriefingSummary>> SqlBriefingRepository::List(const std::vector<int64_t>& park_ids,
                                                                   int64_t offset, int64_t limit, int64_t* total) {
  std::vector<BriefingSummary> out;
  *total = 0;
  if (park_ids.empty()) return out;
  std::string in = "(";
  std::vector<Value> params;
  for (size_t i = 0; i < park_ids.size(); ++i) {
    in += i ? ",?" : "?";
    params.push_back(park_ids[i]);
  }
  in += ")";
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto cnt, c->QueryOne("SELECT COUNT(*) FROM briefings WHERE park_id IN " + in, params));
  *total = cnt ? cnt->Int(0) : 0;
  params.push_back(limit);
  params.push_back(offset);
  PARKHQ_ASSIGN_OR_RETURN(
      auto rows,
      c->Query("SELECT b.id, b.park_id, p.name, b.period, b.state, b.title, b.data_version, b.created_at, b.updated_at, "
               "COALESCE(b.issued_at, '') FROM briefings b JOIN parks p ON p.id = b.park_id WHERE b.park_id IN " +
                   in + " ORDER BY b.period DESC, b.id DESC LIMIT ? OFFSET ?",
               params));
  for (const auto& r : rows) {
    BriefingSummary s;
    s.id = r.Int(0);
    s.park_id = r.Int(1);
    s.park_name = r.Text(2);
    s.period = Period::Parse(r.Text(3)).value_or(Period{});
    s.state = briefing::ParseState(r.Text(4)).value_or(briefing::State::kDraft);
    s.title = r.Text(5);
    s.data_version = r.Text(6);
    s.created_at = r.Text(7);
    s.updated_at = r.Text(8);
    s.issued_at = r.Text(9);
    out.push_back(std::move(s));
  }
  return out;
}

StatusOr<std::optional<Briefing>> SqlBriefingRepository::LatestIssuedBefore(int64_t park_id, Period p) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne(std::string(kCols) +
                                                    "WHERE b.park_id = ? AND b.state = 'issued' AND b.period < ? "
                                                    "ORDER BY b.period DESC, b.id DESC LIMIT 1",
                                                {park_id, p.ToString()}));
  if (!row) return std::optional<Briefing>();
  PARKHQ_ASSIGN_OR_RETURN(auto b, ToBriefing(*row));
  return std::optional<Briefing>(std::move(b));
}

StatusOr<int64_t> SqlBriefingRepository::CountFor(int64_t park_id, Period p) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne("SELECT COUNT(*) FROM briefings WHERE park_id = ? AND period = ?",
                                                {park_id, p.ToString()}));
  return row ? row->Int(0) : 0;
}

}  // namespace parkhq::storage
