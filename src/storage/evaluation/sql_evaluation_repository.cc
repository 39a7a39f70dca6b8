#include "storage/evaluation/sql_evaluation_repository.h"

#include "common/time.h"
#include "storage/audit_store.h"
#include "storage/evaluation/evaluation_json.h"

namespace parkhq::storage {

using namespace parkhq::evaluation;  // NOLINT

namespace {

const char kInputCols[] =
    "SELECT enterprise_id, enterprise_name, sub_park_id, industry, group_code, land_mu, tax, value_added, revenue, "
    "output, energy_tce, emissions_t, employees_avg, rnd, electricity_kwh, sources, excluded_reason, veto_reason, "
    "d_exempt_reason, bonuses, deductions, confirmed_at, confirmed_by FROM eval_inputs ";

const char kInsertInput[] =
    "INSERT INTO eval_inputs(park_id, year, enterprise_id, enterprise_name, sub_park_id, industry, group_code, "
    "land_mu, tax, value_added, revenue, output, energy_tce, emissions_t, employees_avg, rnd, electricity_kwh, "
    "sources, excluded_reason, veto_reason, d_exempt_reason, bonuses, deductions, confirmed_at, confirmed_by, "
    "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

std::string StringsJson(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.push_back(json::string(s));
  return json::serialize(a);
}

std::vector<std::string> StringsFrom(const std::string& text) {
  std::vector<std::string> out;
  if (text.empty() || text == "[]") return out;
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (!ec && v.is_array())
    for (const auto& x : v.as_array())
      if (x.is_string()) out.emplace_back(x.as_string());
  return out;
}

std::string SourcesJson(const std::map<std::string, std::string>& m) {
  json::object o;
  for (const auto& [k, v] : m) o[k] = v;
  return json::serialize(o);
}

std::map<std::string, std::string> SourcesFrom(const std::string& text) {
  std::map<std::string, std::string> out;
  if (text.empty() || text == "{}") return out;
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (!ec && v.is_object())
    for (const auto& [k, x] : v.as_object())
      if (x.is_string()) out[std::string(k)] = std::string(x.as_string());
  return out;
}

InputRecord ToInput(const Row& r) {
  InputRecord rec;
  EnterpriseInput& in = rec.input;
  in.enterprise_id = r.Int(0);
  rec.enterprise_name = r.OptText(1);
  rec.sub_park_id = r.OptInt(2);
  rec.industry = r.OptText(3);
  in.group = ParseGroup(r.Text(4)).value_or(Group::kAboveScale);
  in.land_mu = r.OptDouble(5);
  in.tax = r.OptDouble(6);
  in.value_added = r.OptDouble(7);
  in.revenue = r.OptDouble(8);
  rec.output = r.OptDouble(9);
  in.energy_tce = r.OptDouble(10);
  in.emissions_t = r.OptDouble(11);
  in.employees_avg = r.OptDouble(12);
  in.rnd = r.OptDouble(13);
  in.electricity_kwh = r.OptDouble(14);
  rec.sources = SourcesFrom(r.Text(15));
  in.excluded_reason = r.OptText(16);
  in.veto_reason = r.OptText(17);
  in.d_exempt_reason = r.OptText(18);
  in.bonuses = StringsFrom(r.Text(19));
  in.deductions = StringsFrom(r.Text(20));
  rec.confirmed_at = r.OptText(21);
  rec.confirmed_by = r.OptInt(22);
  return rec;
}

std::vector<Value> InputParams(int64_t park_id, int year, const InputRecord& rec, const std::string& now) {
  const EnterpriseInput& in = rec.input;
  return {park_id, int64_t{year}, in.enterprise_id, Opt(rec.enterprise_name), Opt(rec.sub_park_id),
          Opt(rec.industry), std::string(GroupCode(in.group)), Opt(in.land_mu), Opt(in.tax), Opt(in.value_added),
          Opt(in.revenue), Opt(rec.output), Opt(in.energy_tce), Opt(in.emissions_t), Opt(in.employees_avg),
          Opt(in.rnd), Opt(in.electricity_kwh), SourcesJson(rec.sources), Opt(in.excluded_reason),
          Opt(in.veto_reason), Opt(in.d_exempt_reason), StringsJson(in.bonuses), StringsJson(in.deductions),
          Opt(rec.confirmed_at), Opt(rec.confirmed_by), now};
}

const char kRunCols[] =
    "SELECT id, park_id, year, run_at, enterprises, status, published_at, publicity_start, publicity_end, "
    "scheme_body FROM eval_runs ";

StatusOr<RunInfo> ToRun(const Row& r) {
  RunInfo i;
  i.id = r.Int(0);
  i.park_id = r.Int(1);
  i.year = static_cast<int>(r.Int(2));
  i.run_at = r.Text(3);
  i.enterprises = r.Int(4);
  i.status = r.Text(5);
  i.published_at = r.OptText(6);
  i.publicity_start = r.OptText(7);
  i.publicity_end = r.OptText(8);
  PARKHQ_ASSIGN_OR_RETURN(i.scheme, SchemeFromText(r.Text(9)));
  return i;
}

void FillDense(const std::string& text, std::array<double, kEvaluationIndicatorCount>& dst, uint16_t& mask) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return;
  for (const auto& [k, x] : v.as_object()) {
    auto code = ParseIndicatorCode(std::string_view(k.data(), k.size()));
    if (!code || Index(*code) >= kEvaluationIndicatorCount || !x.is_number()) continue;
    dst[Index(*code)] = x.to_number<double>();
    mask |= static_cast<uint16_t>(1u << Index(*code));
  }
}

std::string Flags(const ResultRecord& rr) {
  std::string f;
  auto add = [&](bool on, const char* s) {
    if (!on) return;
    if (!f.empty()) f += ",";
    f += s;
  };
  add(rr.r.quota_adjusted, "quota");
  add(rr.r.vetoed, "veto");
  add(rr.r.d_exempted, "d_exempt");
  add(rr.appeal_changed, "appeal");
  return f;
}

const char kAppealCols[] =
    "SELECT a.id, a.park_id, a.year, a.run_id, a.enterprise_id, a.reason, a.status, a.class_before, a.class_after, "
    "a.decision_note, a.created_at, a.decided_at, "
    "(SELECT i.enterprise_name FROM eval_inputs i WHERE i.park_id = a.park_id AND i.year = a.year AND "
    "i.enterprise_id = a.enterprise_id) FROM eval_appeals a ";

Appeal ToAppeal(const Row& r) {
  Appeal a;
  a.id = r.Int(0);
  a.park_id = r.Int(1);
  a.year = static_cast<int>(r.Int(2));
  a.run_id = r.Int(3);
  a.enterprise_id = r.Int(4);
  a.reason = r.Text(5);
  a.status = r.Text(6);
  a.class_before = r.Text(7);
  a.class_after = r.OptText(8);
  a.decision_note = r.OptText(9);
  a.created_at = r.Text(10);
  a.decided_at = r.OptText(11);
  a.enterprise_name = r.OptText(12);
  return a;
}

}  // namespace

StatusOr<bool> SqlEvaluationRepository::ParkExists(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT id FROM parks WHERE id = ?", {park_id}));
  return r.has_value();
}

StatusOr<std::optional<Scheme>> SqlEvaluationRepository::GetScheme(int64_t park_id, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT body FROM eval_schemes WHERE park_id = ? AND year = ?",
                                              {park_id, int64_t{year}}));
  if (!r) return std::optional<Scheme>();
  PARKHQ_ASSIGN_OR_RETURN(auto s, SchemeFromText(r->Text(0)));
  return std::optional<Scheme>(std::move(s));
}

Status SqlEvaluationRepository::SaveScheme(int64_t park_id, int year, const Scheme& s, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const char kSnap[] = "SELECT park_id, year, body FROM eval_schemes WHERE park_id = ? AND year = ?";
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kSnap, {park_id, int64_t{year}}));
  PARKHQ_RETURN_IF_ERROR(
      c->Exec("DELETE FROM eval_schemes WHERE park_id = ? AND year = ?", {park_id, int64_t{year}}).status());
  PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO eval_schemes(park_id, year, body, updated_at, updated_by) "
                                 "VALUES (?,?,?,?,?)",
                                 {park_id, int64_t{year}, SchemeToText(s), NowIso(), who.user_id})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnap, {park_id, int64_t{year}}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, before.empty() ? "create" : "update", "eval_scheme",
                                    std::to_string(park_id) + "/" + std::to_string(year), park_id, before, after));
  return tx.Commit();
}

StatusOr<std::vector<InputRecord>> SqlEvaluationRepository::LoadInputs(int64_t park_id, int year,
                                                                       std::optional<int64_t> enterprise_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<InputRecord> out;
  PARKHQ_RETURN_IF_ERROR(c->ForEach(std::string(kInputCols) +
                                        "WHERE park_id = ? AND year = ? AND (CAST(? AS BIGINT) IS NULL OR "
                                        "enterprise_id = ?) ORDER BY enterprise_id",
                                    {park_id, int64_t{year}, Opt(enterprise_id), Opt(enterprise_id)},
                                    [&](const Row& r) {
                                      out.push_back(ToInput(r));
                                      return true;
                                    }));
  return out;
}

StatusOr<std::vector<EnterpriseInput>> SqlEvaluationRepository::LoadScoringInputs(int64_t park_id, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<EnterpriseInput> out;
  PARKHQ_RETURN_IF_ERROR(c->ForEach(
      "SELECT enterprise_id, group_code, land_mu, tax, value_added, revenue, energy_tce, emissions_t, employees_avg, "
      "rnd, electricity_kwh, excluded_reason, veto_reason, d_exempt_reason, bonuses, deductions FROM eval_inputs "
      "WHERE park_id = ? AND year = ? ORDER BY enterprise_id",
      {park_id, int64_t{year}}, [&](const Row& r) {
        EnterpriseInput in;
        in.enterprise_id = r.Int(0);
        const std::string g = r.Text(1);
        in.group = g == "below_scale" ? Group::kBelowScale : Group::kAboveScale;
        in.land_mu = r.OptDouble(2);
        in.tax = r.OptDouble(3);
        in.value_added = r.OptDouble(4);
        in.revenue = r.OptDouble(5);
        in.energy_tce = r.OptDouble(6);
        in.emissions_t = r.OptDouble(7);
        in.employees_avg = r.OptDouble(8);
        in.rnd = r.OptDouble(9);
        in.electricity_kwh = r.OptDouble(10);
        in.excluded_reason = r.OptText(11);
        in.veto_reason = r.OptText(12);
        in.d_exempt_reason = r.OptText(13);
        in.bonuses = StringsFrom(r.Text(14));
        in.deductions = StringsFrom(r.Text(15));
        out.push_back(std::move(in));
        return true;
      }));
  return out;
}

Status SqlEvaluationRepository::UpsertInputs(int64_t park_id, int year, const std::vector<InputRecord>& rows,
                                             const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string snap = std::string(kInputCols) + "WHERE park_id = ? AND year = ? AND enterprise_id = ?";
  const std::string now = NowIso();
  for (const auto& rec : rows) {
    const int64_t eid = rec.input.enterprise_id;
    PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, snap, {park_id, int64_t{year}, eid}));
    PARKHQ_RETURN_IF_ERROR(c->Exec("DELETE FROM eval_inputs WHERE park_id = ? AND year = ? AND enterprise_id = ?",
                                   {park_id, int64_t{year}, eid})
                               .status());
    PARKHQ_RETURN_IF_ERROR(c->Exec(kInsertInput, InputParams(park_id, year, rec, now)).status());
    PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, snap, {park_id, int64_t{year}, eid}));
    PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, before.empty() ? "create" : "update", "eval_input",
                                      std::to_string(year) + "/" + std::to_string(eid), park_id, before, after));
  }
  return tx.Commit();
}

Status SqlEvaluationRepository::InsertInputsBulk(Connection& c, int64_t park_id, int year,
                                                 const std::vector<InputRecord>& rows) {
  const std::string now = NowIso();
  PARKHQ_ASSIGN_OR_RETURN(Statement * st, c.Prepare(kInsertInput));
  for (const auto& rec : rows) {
    PARKHQ_RETURN_IF_ERROR(st->Bind(InputParams(park_id, year, rec, now)));
    PARKHQ_RETURN_IF_ERROR(st->Step().status());
  }
  return Status::Ok();
}

Status SqlEvaluationRepository::ConfirmInput(int64_t park_id, int year, int64_t enterprise_id, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const char kSnap[] =
      "SELECT enterprise_id, confirmed_at, confirmed_by FROM eval_inputs WHERE park_id = ? AND year = ? AND "
      "enterprise_id = ?";
  const std::vector<Value> key = {park_id, int64_t{year}, enterprise_id};
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kSnap, key));
  PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE eval_inputs SET confirmed_at = ?, confirmed_by = ? WHERE park_id = ? AND "
                                 "year = ? AND enterprise_id = ?",
                                 {NowIso(), who.user_id, park_id, int64_t{year}, enterprise_id})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnap, key));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "confirm", "eval_input",
                                    std::to_string(year) + "/" + std::to_string(enterprise_id), park_id, before,
                                    after, "一企一单确认"));
  return tx.Commit();
}

StatusOr<int64_t> SqlEvaluationRepository::SaveRun(int64_t park_id, int year, const Scheme& scheme,
                                                   const std::vector<ResultRecord>& results, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t run_id,
      c->InsertId("INSERT INTO eval_runs(park_id, year, scheme_body, run_at, run_by, enterprises, status) "
                  "VALUES (?,?,?,?,?,?,'draft') RETURNING id",
                  {park_id, int64_t{year}, SchemeToText(scheme), NowIso(), who.user_id,
                   static_cast<int64_t>(results.size())}));
  PARKHQ_ASSIGN_OR_RETURN(
      Statement * st,
      c->Prepare("INSERT INTO eval_results(park_id, run_id, enterprise_id, group_code, score, class, class_by_rank, "
                 "rank, ranked_in_group, indicators, indicator_scores, imputed, bonus, deduction, flags) "
                 "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  for (const auto& rr : results) {
    const auto& r = rr.r;
    PARKHQ_RETURN_IF_ERROR(st->Bind(
        {park_id, run_id, r.enterprise_id, std::string(GroupCode(r.group)),
         r.cls == EvalClass::kT ? Value() : Value(r.score), std::string(ClassCode(r.cls)),
         std::string(ClassCode(r.class_by_rank)), r.rank ? Value(int64_t{*r.rank}) : Value(),
         int64_t{r.ranked_in_group}, json::serialize(IndicatorValuesJson(r)),
         json::serialize(IndicatorScoresJson(r)), json::serialize(ImputedJson(r)), r.bonus, r.deduction,
         Flags(rr)}));
    PARKHQ_RETURN_IF_ERROR(st->Step().status());
  }
  json::object after{{"run_id", run_id}, {"year", year}, {"enterprises", results.size()}};
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "run", "eval_run", std::to_string(run_id), park_id, "",
                                    json::serialize(after)));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return run_id;
}

StatusOr<std::optional<RunInfo>> SqlEvaluationRepository::LatestRun(int64_t park_id, int year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne(std::string(kRunCols) +
                                                  "WHERE park_id = ? AND year = ? ORDER BY id DESC LIMIT 1",
                                              {park_id, int64_t{year}}));
  if (!r) return std::optional<RunInfo>();
  PARKHQ_ASSIGN_OR_RETURN(auto run, ToRun(*r));
  return std::optional<RunInfo>(std::move(run));
}

StatusOr<std::vector<ResultRecord>> SqlEvaluationRepository::LoadResults(int64_t park_id, int64_t run_id,
                                                                         std::optional<int64_t> enterprise_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::vector<ResultRecord> out;
  PARKHQ_RETURN_IF_ERROR(c->ForEach(
      "SELECT r.enterprise_id, r.group_code, r.score, r.class, r.class_by_rank, r.rank, r.ranked_in_group, "
      "r.indicators, r.indicator_scores, r.imputed, r.bonus, r.deduction, r.flags, "
      "(SELECT i.enterprise_name FROM eval_inputs i JOIN eval_runs u ON u.id = r.run_id WHERE i.park_id = r.park_id "
      "AND i.year = u.year AND i.enterprise_id = r.enterprise_id) "
      "FROM eval_results r WHERE r.park_id = ? AND r.run_id = ? AND (CAST(? AS BIGINT) IS NULL OR "
      "r.enterprise_id = ?) ORDER BY r.enterprise_id",
      {park_id, run_id, Opt(enterprise_id), Opt(enterprise_id)}, [&](const Row& row) {
        ResultRecord rr;
        EnterpriseResult& r = rr.r;
        r.enterprise_id = row.Int(0);
        r.group = ParseGroup(row.Text(1)).value_or(Group::kAboveScale);
        r.score = row.Double(2);
        r.cls = ParseClass(row.Text(3)).value_or(EvalClass::kT);
        r.class_by_rank = ParseClass(row.Text(4)).value_or(EvalClass::kT);
        if (!row.IsNull(5)) r.rank = static_cast<int32_t>(row.Int(5));
        r.ranked_in_group = static_cast<int32_t>(row.Int(6));
        FillDense(row.Text(7), r.values, r.has_value);
        FillDense(row.Text(8), r.scores, r.has_score);
        for (const auto& code : StringsFrom(row.Text(9)))
          if (auto k = ParseIndicatorCode(code)) r.imputed_mask |= static_cast<uint16_t>(1u << Index(*k));
        r.bonus = row.Double(10);
        r.deduction = row.Double(11);
        const std::string flags = row.Text(12);
        r.quota_adjusted = flags.find("quota") != std::string::npos;
        r.vetoed = flags.find("veto") != std::string::npos;
        r.d_exempted = flags.find("d_exempt") != std::string::npos;
        rr.appeal_changed = flags.find("appeal") != std::string::npos;
        rr.enterprise_name = row.OptText(13);
        out.push_back(std::move(rr));
        return true;
      }));
  return out;
}

Status SqlEvaluationRepository::Publish(int64_t park_id, int64_t run_id, const std::string& start,
                                        const std::string& end, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const char kSnap[] =
      "SELECT id, status, published_at, publicity_start, publicity_end FROM eval_runs WHERE park_id = ? AND id = ?";
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kSnap, {park_id, run_id}));
  PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE eval_runs SET status = 'published', published_at = ?, publicity_start = ?, "
                                 "publicity_end = ? WHERE park_id = ? AND id = ?",
                                 {NowIso(), start, end, park_id, run_id})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnap, {park_id, run_id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "publish", "eval_run", std::to_string(run_id), park_id, before, after));
  return tx.Commit();
}

StatusOr<std::map<int64_t, std::vector<std::pair<int, EvalClass>>>> SqlEvaluationRepository::ClassHistory(
    int64_t park_id, int up_to_year) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::map<int64_t, std::vector<std::pair<int, EvalClass>>> out;
  PARKHQ_RETURN_IF_ERROR(c->ForEach(
      "SELECT u.year, r.enterprise_id, r.class FROM eval_results r JOIN eval_runs u ON u.id = r.run_id "
      "WHERE r.park_id = ? AND u.park_id = ? AND u.year <= ? AND u.id = (SELECT MAX(v.id) FROM eval_runs v "
      "WHERE v.park_id = u.park_id AND v.year = u.year) ORDER BY r.enterprise_id, u.year",
      {park_id, park_id, int64_t{up_to_year}}, [&](const Row& r) {
        out[r.Int(1)].emplace_back(static_cast<int>(r.Int(0)), ParseClass(r.Text(2)).value_or(EvalClass::kT));
        return true;
      }));
  return out;
}

StatusOr<int64_t> SqlEvaluationRepository::CreateAppeal(const Appeal& a, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id, c->InsertId("INSERT INTO eval_appeals(park_id, year, run_id, enterprise_id, reason, status, "
                              "class_before, created_by, created_at) VALUES (?,?,?,?,?,'pending',?,?,?) RETURNING id",
                              {a.park_id, int64_t{a.year}, a.run_id, a.enterprise_id, a.reason, a.class_before,
                               who.user_id, NowIso()}));
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, "SELECT * FROM eval_appeals WHERE id = ?", {id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "eval_appeal", std::to_string(id), a.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<std::vector<Appeal>> SqlEvaluationRepository::ListAppeals(int64_t park_id, int year,
                                                                   std::optional<int64_t> enterprise_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kAppealCols) +
                                                  "WHERE a.park_id = ? AND a.year = ? AND (CAST(? AS BIGINT) IS "
                                                  "NULL OR a.enterprise_id = ?) ORDER BY a.id DESC",
                                              {park_id, int64_t{year}, Opt(enterprise_id), Opt(enterprise_id)}));
  std::vector<Appeal> out;
  for (const auto& r : rows) out.push_back(ToAppeal(r));
  return out;
}

StatusOr<std::optional<Appeal>> SqlEvaluationRepository::FindAppeal(int64_t park_id, int64_t appeal_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(
      auto r, c->QueryOne(std::string(kAppealCols) + "WHERE a.park_id = ? AND a.id = ?", {park_id, appeal_id}));
  if (!r) return std::optional<Appeal>();
  return std::optional<Appeal>(ToAppeal(*r));
}

Status SqlEvaluationRepository::DecideAppeal(const Appeal& a, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const char kSnap[] = "SELECT * FROM eval_appeals WHERE id = ?";
  PARKHQ_ASSIGN_OR_RETURN(auto before, Snapshot(*c, kSnap, {a.id}));
  PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE eval_appeals SET status = ?, class_after = ?, decision_note = ?, "
                                 "decided_by = ?, decided_at = ? WHERE id = ? AND park_id = ?",
                                 {a.status, Opt(a.class_after), Opt(a.decision_note), who.user_id, NowIso(), a.id,
                                  a.park_id})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(auto after, Snapshot(*c, kSnap, {a.id}));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "decide", "eval_appeal", std::to_string(a.id), a.park_id, before,
                                    after, a.decision_note.value_or("")));
  if (a.status == "upheld" && a.class_after) {
    const char kRes[] =
        "SELECT run_id, enterprise_id, class, flags FROM eval_results WHERE park_id = ? AND run_id = ? AND "
        "enterprise_id = ?";
    const std::vector<Value> key = {a.park_id, a.run_id, a.enterprise_id};
    PARKHQ_ASSIGN_OR_RETURN(auto rb, Snapshot(*c, kRes, key));
    PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE eval_results SET class = ?, flags = CASE WHEN flags = '' THEN 'appeal' "
                                   "ELSE flags || ',appeal' END WHERE park_id = ? AND run_id = ? AND enterprise_id = ?",
                                   {*a.class_after, a.park_id, a.run_id, a.enterprise_id})
                               .status());
    PARKHQ_ASSIGN_OR_RETURN(auto ra, Snapshot(*c, kRes, key));
    PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "update", "eval_result",
                                      std::to_string(a.run_id) + "/" + std::to_string(a.enterprise_id), a.park_id,
                                      rb, ra, "异议成立，调整等级"));
  }
  return tx.Commit();
}

}  // namespace parkhq::storage
