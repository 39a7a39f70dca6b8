// JobRepository in portable SQL (tables job_runs, job_done; migration 0100), and the online
// backup used by the nightly job.
#pragma once
#include "domain/jobs/job_runner.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlJobRepository final : public jobs::JobRepository {
 public:
  explicit SqlJobRepository(Database& db) : db_(db) {}
  StatusOr<int64_t> StartRun(const std::string& job, const std::string& trigger, const std::string& by,
                             const std::string& at) override;
  Status FinishRun(int64_t id, const std::string& status, const std::string& log, const std::string& at) override;
  StatusOr<std::vector<jobs::JobRun>> Runs(const std::string& job, int limit) override;
  StatusOr<bool> IsDone(const std::string& job, const std::string& key) override;
  StatusOr<bool> MarkDone(const std::string& job, const std::string& key, const std::string& at) override;

 private:
  Database& db_;
};

// Writes a consistent copy of a SQLite database to `path` while it is in use (VACUUM INTO).
// Unimplemented for PostgreSQL (use pg_dump / the cluster's own backup).
Status OnlineBackup(Database& db, const std::string& path);

}  // namespace parkhq::storage
