#include "http/handlers/talent_json.h"

#include <algorithm>

#include "domain/enterprise/industry.h"
#include "domain/enterprise/pools_calc.h"
#include "io/xlsx_writer.h"

namespace parkhq::http::talent_json {

namespace t = parkhq::talent;

namespace {

json::value Opt(const std::optional<std::string>& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value Txt(const std::string& v) { return v.empty() ? json::value(nullptr) : json::value(v); }

// Reads text member `k` onto `out` when present (required on create).
void Text(FieldReader& f, const char* k, std::string& out, bool required, size_t max) {
  if (!required && !f.Has(k)) return;
  if (auto v = f.String(k, required, max)) out = *v;
}

void Int(FieldReader& f, const char* k, int64_t& out, bool required) {
  if (!required && !f.Has(k)) return;
  if (auto v = f.Int(k, required)) out = *v;
}

// Present and null clears; present with a value sets; absent keeps.
void OptNumber(FieldReader& f, const char* k, std::optional<double>& out, double max) {
  const json::value* raw = f.Raw(k);
  if (!raw) return;
  if (raw->is_null()) {
    out.reset();
    return;
  }
  if (auto v = f.NonNegative(k, false, max)) out = *v;
}

}  // namespace

json::object PostJson(const t::Post& p) {
  return {{"id", p.id},
          {"park_id", p.park_id},
          {"enterprise_id", p.enterprise_id},
          {"enterprise_name", p.enterprise_name},
          {"leading_group", p.leading_group},
          {"high_tech", p.high_tech},
          {"post", p.post},
          {"headcount", p.headcount},
          {"major", p.major},
          {"education", p.education},
          {"education_zh", t::EducationNameZh(p.education)},
          {"experience_years", p.experience_years},
          {"salary_min", OptJson(p.salary_min)},
          {"salary_max", OptJson(p.salary_max)},
          {"urgency", p.urgency},
          {"program", p.program},
          {"program_zh", t::ProgramNameZh(p.program)},
          {"until", Opt(p.until)},
          {"status", p.status},
          {"note", p.note},
          {"is_demo", p.is_demo},
          {"created_by", p.created_by},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

json::object CandidateJson(const t::Candidate& c) {
  return {{"id", c.id},
          {"park_id", c.park_id},
          {"name", c.name},
          {"education", c.education},
          {"education_zh", t::EducationNameZh(c.education)},
          {"major", c.major},
          {"skills", c.skills},
          {"experience_years", c.experience_years},
          {"expected_salary", OptJson(c.expected_salary)},
          {"status", c.status},
          {"note", c.note},
          {"is_demo", c.is_demo},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at}};
}

json::object MatchJson(const t::MatchRow& m) {
  json::array reasons;
  for (const auto& r : m.match.reasons) reasons.push_back(json::value(r));
  return {{"post_id", m.post.id},
          {"post", m.post.post},
          {"enterprise_id", m.post.enterprise_id},
          {"enterprise_name", m.post.enterprise_name},
          {"major", m.post.major},
          {"candidate_id", m.candidate.id},
          {"candidate_name", m.candidate.name},
          {"candidate_major", m.candidate.major},
          {"candidate_education", m.candidate.education},
          {"score", m.match.score},
          {"reasons", std::move(reasons)}};
}

json::object DemandJson(const t::DemandView& v) {
  auto buckets = [](const std::vector<t::DemandBucket>& bs, int kind) {
    json::array a;
    for (const auto& b : bs) {
      std::string label = b.key;
      if (kind == 1) label = t::EducationNameZh(b.key);
      if (kind == 2) {
        auto g = enterprise::ParseLeadingGroup(b.key);
        label = g ? enterprise::LeadingGroupNameZh(*g) : b.key;
      }
      if (label.empty()) label = "未注明";
      a.push_back(json::object{{"key", b.key}, {"label", label}, {"posts", b.posts}, {"headcount", b.headcount}});
    }
    return a;
  };
  json::array programs;
  for (const auto& p : v.programs)
    programs.push_back(json::object{{"program", p.program},
                                    {"program_zh", t::ProgramNameZh(p.program)},
                                    {"places", p.places},
                                    {"high_tech_places", p.high_tech_places},
                                    {"high_tech_pct", OptJson(p.high_tech_pct)}});
  return {{"year", v.year},
          {"as_of", v.as_of},
          {"open_posts", v.open.posts},
          {"open_headcount", v.open.headcount},
          {"by_major", buckets(v.open.by_major, 0)},
          {"by_education", buckets(v.open.by_education, 1)},
          {"by_industry", buckets(v.open.by_industry, 2)},
          {"programs", std::move(programs)}};
}

json::object RewardTypeJson(const t::RewardType& x) {
  return {{"id", x.id},
          {"park_id", x.park_id},
          {"code", x.code},
          {"name", x.name},
          {"amount", OptJson(x.amount)},
          {"rule", x.rule},
          {"unit_id", OptJson(x.unit_id)},
          {"unit_name", Txt(x.unit_name)},
          {"flag", x.flag},
          {"flag_zh", x.flag.empty() ? json::value(nullptr) : json::value(enterprise::FlagNameZh(x.flag))},
          {"active", x.active},
          {"is_demo", x.is_demo},
          {"updated_at", x.updated_at}};
}

json::object ApplicationJson(const t::RewardApplication& a) {
  json::array flags;
  for (const auto& f : a.flags)
    flags.push_back(json::object{{"code", f}, {"name", enterprise::FlagNameZh(f)}});
  return {{"id", a.id},
          {"park_id", a.park_id},
          {"enterprise_id", a.enterprise_id},
          {"enterprise_name", a.enterprise_name},
          {"type_id", a.type_id},
          {"type_name", a.type_name},
          {"reviewer_unit_id", OptJson(a.type_unit_id)},
          {"year", a.year},
          {"amount_requested", a.amount_requested},
          {"amount_approved", OptJson(a.amount_approved)},
          {"state", a.state},
          {"note", a.note},
          {"review_reason", a.review_reason},
          {"reviewed_at", Txt(a.reviewed_at)},
          {"reviewed_by", Txt(a.reviewed_by)},
          {"flags", std::move(flags)},
          {"has_type_flag", !a.type_flag.empty() && std::find(a.flags.begin(), a.flags.end(), a.type_flag) !=
                                                        a.flags.end()},
          {"eval_class", Opt(a.eval_class)},
          {"eval_year", OptJson(a.eval_year)},
          {"files", a.files},
          {"is_demo", a.is_demo},
          {"created_by", a.created_by},
          {"created_at", a.created_at},
          {"updated_at", a.updated_at}};
}

json::object FileJson(const t::RewardFile& f) {
  return {{"id", f.id},
          {"application_id", f.application_id},
          {"filename", f.filename},
          {"content_type", f.content_type},
          {"size", f.size},
          {"sha256", f.sha256},
          {"created_by", f.created_by},
          {"created_at", f.created_at},
          {"url", "/api/v1/reward-files/" + std::to_string(f.id)}};
}

Status ReadPost(const json::object& body, t::Post& p, bool create) {
  FieldReader f(body);
  if (create && f.Has("enterprise_id")) Int(f, "enterprise_id", p.enterprise_id, false);
  Text(f, "post", p.post, create, 200);
  Int(f, "headcount", p.headcount, create);
  Text(f, "major", p.major, false, 100);
  Text(f, "education", p.education, create, 20);
  Int(f, "experience_years", p.experience_years, false);
  OptNumber(f, "salary_min", p.salary_min, 1e6);
  OptNumber(f, "salary_max", p.salary_max, 1e6);
  Text(f, "urgency", p.urgency, false, 20);
  Text(f, "program", p.program, false, 20);
  if (const json::value* raw = f.Raw("until"); raw && raw->is_null()) {
    p.until.reset();
  } else if (f.Has("until")) {
    if (auto d = f.DateString("until", false)) p.until = *d;
  }
  Text(f, "status", p.status, false, 20);
  Text(f, "note", p.note, false, 2000);
  return f.Finish();
}

Status ReadCandidate(const json::object& body, t::Candidate& c, bool create) {
  FieldReader f(body);
  Text(f, "name", c.name, create, 100);
  Text(f, "education", c.education, create, 20);
  Text(f, "major", c.major, false, 100);
  Text(f, "skills", c.skills, false, 500);
  Int(f, "experience_years", c.experience_years, false);
  OptNumber(f, "expected_salary", c.expected_salary, 1e6);
  Text(f, "status", c.status, false, 20);
  Text(f, "note", c.note, false, 2000);
  return f.Finish();
}

Status ReadRewardType(const json::object& body, t::RewardType& x, bool create) {
  FieldReader f(body);
  if (create) Text(f, "code", x.code, true, 40);
  Text(f, "name", x.name, create, 100);
  OptNumber(f, "amount", x.amount, 100000);
  Text(f, "rule", x.rule, false, 2000);
  if (const json::value* raw = f.Raw("unit_id"); raw && raw->is_null()) {
    x.unit_id.reset();
  } else if (f.Has("unit_id")) {
    if (auto v = f.Int("unit_id", false)) x.unit_id = *v;
  }
  Text(f, "flag", x.flag, false, 40);
  if (f.Has("active"))
    if (auto v = f.Bool("active", false)) x.active = *v;
  return f.Finish();
}

Status ReadApplication(const json::object& body, t::RewardApplication& a) {
  FieldReader f(body);
  if (f.Has("enterprise_id")) Int(f, "enterprise_id", a.enterprise_id, false);
  Int(f, "type_id", a.type_id, true);
  Int(f, "year", a.year, true);
  if (auto v = f.NonNegative("amount_requested", true, 100000)) a.amount_requested = *v;
  Text(f, "note", a.note, false, 2000);
  return f.Finish();
}

}  // namespace parkhq::http::talent_json
