#include "storage/jobs/sql_job_repository.h"

namespace parkhq::storage {

StatusOr<int64_t> SqlJobRepository::StartRun(const std::string& job, const std::string& trigger, const std::string& by,
                                             const std::string& at) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  return c->InsertId("INSERT INTO job_runs(job_name, trigger_kind, started_at, status, triggered_by) "
                     "VALUES (?, ?, ?, 'running', ?) RETURNING id",
                     {job, trigger, at, by});
}

Status SqlJobRepository::FinishRun(int64_t id, const std::string& status, const std::string& log, const std::string& at) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  // Logs are capped: a job's log is for people, not an archive.
  const std::string capped = log.size() > 20000 ? log.substr(0, 20000) + "\n…" : log;
  return c->Exec("UPDATE job_runs SET status = ?, log = ?, finished_at = ? WHERE id = ?", {status, capped, at, id})
      .status();
}

StatusOr<std::vector<jobs::JobRun>> SqlJobRepository::Runs(const std::string& job, int limit) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id, job_name, trigger_kind, started_at, COALESCE(finished_at, ''), "
                                              "status, log, triggered_by FROM job_runs WHERE job_name = ? "
                                              "ORDER BY id DESC LIMIT ?",
                                              {job, int64_t{limit}}));
  std::vector<jobs::JobRun> out;
  for (const auto& r : rows)
    out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7)});
  return out;
}

StatusOr<bool> SqlJobRepository::IsDone(const std::string& job, const std::string& key) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne("SELECT 1 FROM job_done WHERE job_name = ? AND run_key = ?", {job, key}));
  return row.has_value();
}

StatusOr<bool> SqlJobRepository::MarkDone(const std::string& job, const std::string& key, const std::string& at) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(int64_t n, c->Exec("INSERT INTO job_done(job_name, run_key, done_at) VALUES (?, ?, ?) "
                                             "ON CONFLICT (job_name, run_key) DO NOTHING",
                                             {job, key, at}));
  return n == 1;
}

Status OnlineBackup(Database& db, const std::string& path) {
  if (db.engine() != Engine::kSqlite) return Status::Unavailable("PostgreSQL 请使用 pg_dump 或集群自身的备份");
  PARKHQ_ASSIGN_OR_RETURN(auto c, db.Acquire());
  return c->Exec("VACUUM INTO ?", {path}).status();
}

}  // namespace parkhq::storage
