// Posts, candidates and the shared look-ups of the talent module (rewards: sql_reward_repository.cc).
#include "storage/talent/sql_talent_repository.h"

#include "storage/audit_store.h"

namespace parkhq::storage {

using talent::Candidate;
using talent::Post;

namespace {

// The enterprise's high-tech flag counts when it was valid on the day the post was made.
const char kPostCols[] =
    "SELECT p.id, p.park_id, p.enterprise_id, e.name, e.leading_group, "
    "CASE WHEN EXISTS (SELECT 1 FROM enterprise_flags f WHERE f.enterprise_id = p.enterprise_id AND "
    "f.flag = 'high_tech' AND (f.since IS NULL OR f.since <= SUBSTR(p.created_at, 1, 10)) AND "
    "(f.until IS NULL OR f.until >= SUBSTR(p.created_at, 1, 10))) "
    "THEN 1 ELSE 0 END, p.post, p.headcount, p.major, p.education, p.experience_years, p.salary_min, "
    "p.salary_max, p.urgency, p.program, p.until_date, p.status, p.note, p.is_demo, p.created_by, "
    "p.created_at, p.updated_at FROM talent_posts p JOIN enterprises e ON e.id = p.enterprise_id ";

Post ToPost(const Row& r) {
  Post p;
  p.id = r.Int(0);
  p.park_id = r.Int(1);
  p.enterprise_id = r.Int(2);
  p.enterprise_name = r.Text(3);
  p.leading_group = r.Text(4);
  p.high_tech = r.Bool(5);
  p.post = r.Text(6);
  p.headcount = r.Int(7);
  p.major = r.Text(8);
  p.education = r.Text(9);
  p.experience_years = r.Int(10);
  p.salary_min = r.OptDouble(11);
  p.salary_max = r.OptDouble(12);
  p.urgency = r.Text(13);
  p.program = r.Text(14);
  p.until = r.OptText(15);
  p.status = r.Text(16);
  p.note = r.Text(17);
  p.is_demo = r.Bool(18);
  p.created_by = r.Text(19);
  p.created_at = r.Text(20);
  p.updated_at = r.Text(21);
  return p;
}

const char kCandidateCols[] =
    "SELECT id, park_id, name, education, major, skills, experience_years, expected_salary, status, note, "
    "is_demo, created_by, created_at, updated_at FROM talent_candidates ";

Candidate ToCandidate(const Row& r) {
  Candidate c;
  c.id = r.Int(0);
  c.park_id = r.Int(1);
  c.name = r.Text(2);
  c.education = r.Text(3);
  c.major = r.Text(4);
  c.skills = r.Text(5);
  c.experience_years = r.Int(6);
  c.expected_salary = r.OptDouble(7);
  c.status = r.Text(8);
  c.note = r.Text(9);
  c.is_demo = r.Bool(10);
  c.created_by = r.Text(11);
  c.created_at = r.Text(12);
  c.updated_at = r.Text(13);
  return c;
}

StatusOr<std::string> Snap(Connection& c, const char* table, int64_t id) {
  return Snapshot(c, std::string("SELECT * FROM ") + table + " WHERE id = ?", {id});
}

}  // namespace

StatusOr<std::optional<talent::EnterpriseRef>> SqlTalentRepository::FindEnterprise(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne("SELECT id, park_id, name FROM enterprises WHERE id = ?", {id}));
  if (!r) return std::optional<talent::EnterpriseRef>();
  return std::optional<talent::EnterpriseRef>(talent::EnterpriseRef{r->Int(0), r->Int(1), r->Text(2)});
}

StatusOr<bool> SqlTalentRepository::UnitServesPark(int64_t unit_id, int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(
      auto r, c->QueryOne("SELECT 1 FROM unit_parks WHERE unit_id = ? AND park_id = ?", {unit_id, park_id}));
  return r.has_value();
}

StatusOr<std::vector<Post>> SqlTalentRepository::ListPosts(int64_t park_id, std::optional<int64_t> enterprise_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  std::string sql = std::string(kPostCols) + "WHERE p.park_id = ? ";
  std::vector<Value> params = {park_id};
  if (enterprise_id) {
    sql += "AND p.enterprise_id = ? ";
    params.emplace_back(*enterprise_id);
  }
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(sql + "ORDER BY p.id DESC", params));
  std::vector<Post> out;
  for (const Row& r : rows) out.push_back(ToPost(r));
  return out;
}

StatusOr<std::optional<Post>> SqlTalentRepository::FindPost(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne(std::string(kPostCols) + "WHERE p.id = ?", {id}));
  if (!r) return std::optional<Post>();
  return std::optional<Post>(ToPost(*r));
}

StatusOr<int64_t> SqlTalentRepository::CreatePost(const Post& p, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id,
      c->InsertId("INSERT INTO talent_posts(park_id, enterprise_id, post, headcount, major, education, "
                  "experience_years, salary_min, salary_max, urgency, program, until_date, status, note, is_demo, "
                  "created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                  {p.park_id, p.enterprise_id, p.post, p.headcount, p.major, p.education, p.experience_years,
                   Opt(p.salary_min), Opt(p.salary_max), p.urgency, p.program, Opt(p.until), p.status, p.note,
                   int64_t{p.is_demo ? 1 : 0}, p.created_by, p.created_at, p.updated_at}));
  PARKHQ_ASSIGN_OR_RETURN(std::string after, Snap(*c, "talent_posts", id));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "talent_post", std::to_string(id), p.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status SqlTalentRepository::UpdatePost(const Post& p, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(std::string before, Snap(*c, "talent_posts", p.id));
  PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE talent_posts SET post = ?, headcount = ?, major = ?, education = ?, "
                                 "experience_years = ?, salary_min = ?, salary_max = ?, urgency = ?, program = ?, "
                                 "until_date = ?, status = ?, note = ?, updated_at = ? WHERE id = ?",
                                 {p.post, p.headcount, p.major, p.education, p.experience_years, Opt(p.salary_min),
                                  Opt(p.salary_max), p.urgency, p.program, Opt(p.until), p.status, p.note,
                                  p.updated_at, p.id})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(std::string after, Snap(*c, "talent_posts", p.id));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "update", "talent_post", std::to_string(p.id), p.park_id, before, after));
  return tx.Commit();
}

StatusOr<std::vector<Candidate>> SqlTalentRepository::ListCandidates(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query(std::string(kCandidateCols) + "WHERE park_id = ? ORDER BY id DESC",
                                              {park_id}));
  std::vector<Candidate> out;
  for (const Row& r : rows) out.push_back(ToCandidate(r));
  return out;
}

StatusOr<std::optional<Candidate>> SqlTalentRepository::FindCandidate(int64_t id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto r, c->QueryOne(std::string(kCandidateCols) + "WHERE id = ?", {id}));
  if (!r) return std::optional<Candidate>();
  return std::optional<Candidate>(ToCandidate(*r));
}

StatusOr<int64_t> SqlTalentRepository::CreateCandidate(const Candidate& x, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(
      int64_t id, c->InsertId("INSERT INTO talent_candidates(park_id, name, education, major, skills, experience_years, "
                              "expected_salary, status, note, is_demo, created_by, created_at, updated_at) "
                              "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                              {x.park_id, x.name, x.education, x.major, x.skills, x.experience_years,
                               Opt(x.expected_salary), x.status, x.note, int64_t{x.is_demo ? 1 : 0}, x.created_by,
                               x.created_at, x.updated_at}));
  PARKHQ_ASSIGN_OR_RETURN(std::string after, Snap(*c, "talent_candidates", id));
  PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, who, "create", "talent_candidate", std::to_string(id), x.park_id, "", after));
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status SqlTalentRepository::UpdateCandidate(const Candidate& x, const Scope& who) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_ASSIGN_OR_RETURN(std::string before, Snap(*c, "talent_candidates", x.id));
  PARKHQ_RETURN_IF_ERROR(c->Exec("UPDATE talent_candidates SET name = ?, education = ?, major = ?, skills = ?, "
                                 "experience_years = ?, expected_salary = ?, status = ?, note = ?, updated_at = ? "
                                 "WHERE id = ?",
                                 {x.name, x.education, x.major, x.skills, x.experience_years, Opt(x.expected_salary),
                                  x.status, x.note, x.updated_at, x.id})
                             .status());
  PARKHQ_ASSIGN_OR_RETURN(std::string after, Snap(*c, "talent_candidates", x.id));
  PARKHQ_RETURN_IF_ERROR(
      WriteAudit(*c, who, "update", "talent_candidate", std::to_string(x.id), x.park_id, before, after));
  return tx.Commit();
}

}  // namespace parkhq::storage
