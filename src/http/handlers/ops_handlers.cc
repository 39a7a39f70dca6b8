#include "http/handlers/ops_handlers.h"

#include <sys/statvfs.h>

#include <chrono>
#include <filesystem>

#include "domain/account/account_service.h"
#include "http/json/json_util.h"
#include "http/metrics.h"
#include "http/openapi.h"
#include "http/ops_settings.h"
#include "storage/database.h"

namespace parkhq::http::handlers {

namespace {

const auto kStarted = std::chrono::system_clock::now();

std::string IsoUtc(std::chrono::system_clock::time_point t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int64_t NowUnix() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

StatusOr<Response> OpenApiDocument(RequestContext& ctx, const Services& s) {
  // The table the dispatcher routes with comes from AllRoutes(); the document is built once.
  static const std::string doc = BuildOpenApi(AllRoutes(), s.version);
  Response r;
  r.body = doc;
  return r;
}

StatusOr<Response> SystemStatus(RequestContext& ctx, const Services& s) {
  if (!ctx.caller().IsSysadmin()) return Status::PermissionDenied("只有系统管理员可以查看系统状态");
  PARKHQ_ASSIGN_OR_RETURN(auto conn, s.db->Acquire());
  const bool pg = s.db->engine() == storage::Engine::kPostgres;

  json::object db = {{"engine", storage::EngineName(s.db->engine())}};
  if (pg) {
    PARKHQ_ASSIGN_OR_RETURN(auto row, conn->QueryOne("SELECT pg_database_size(current_database())"));
    db["size_bytes"] = row ? row->Int(0) : 0;
  } else {
    PARKHQ_ASSIGN_OR_RETURN(auto pages, conn->QueryOne("PRAGMA page_count"));
    PARKHQ_ASSIGN_OR_RETURN(auto size, conn->QueryOne("PRAGMA page_size"));
    db["size_bytes"] = (pages ? pages->Int(0) : 0) * (size ? size->Int(0) : 0);
  }
  PARKHQ_ASSIGN_OR_RETURN(auto version, conn->QueryOne("SELECT MAX(version) FROM schema_migrations"));
  db["schema_version"] = version ? version->Text(0) : "";
  auto pool = s.db->pool_stats();
  db["pool_open"] = pool.open;
  db["pool_idle"] = pool.idle;
  db["pool_max"] = pool.max;

  const std::string dir = s.ops && !s.ops->data_dir.empty() ? s.ops->data_dir : ".";
  json::object disk = {{"path", dir}};
  struct statvfs vfs {};
  if (statvfs(dir.c_str(), &vfs) == 0) {
    disk["free_bytes"] = static_cast<int64_t>(vfs.f_bavail) * static_cast<int64_t>(vfs.f_frsize);
    disk["total_bytes"] = static_cast<int64_t>(vfs.f_blocks) * static_cast<int64_t>(vfs.f_frsize);
  }

  json::value last_backup = nullptr;
  PARKHQ_ASSIGN_OR_RETURN(auto b, conn->QueryOne("SELECT at, file, size_bytes, engine FROM ops_backups "
                                                 "WHERE kind = 'backup' ORDER BY id DESC LIMIT 1"));
  if (b) last_backup = json::object{{"at", b->Text(0)}, {"file", b->Text(1)}, {"size_bytes", b->Int(2)},
                                    {"engine", b->Text(3)}};

  const int64_t idle = s.accounts->policy().idle_timeout_seconds;
  PARKHQ_ASSIGN_OR_RETURN(auto sessions, conn->QueryOne("SELECT COUNT(*) FROM sessions WHERE last_seen >= ?",
                                                        {NowUnix() - idle}));

  auto& metrics = Metrics::Global();
  json::array jobs;
  for (const auto& [name, j] : metrics.jobs())
    jobs.push_back({{"name", name}, {"ok", j.ok}, {"failed", j.failed}, {"last_ok", j.last_ok},
                    {"last_seconds", j.last_seconds}, {"last_run_unix", j.last_run_unix}});

  const auto now = std::chrono::system_clock::now();
  json::object out = {
      {"version", s.version},
      {"started_at", IsoUtc(kStarted)},
      {"uptime_seconds", std::chrono::duration_cast<std::chrono::seconds>(now - kStarted).count()},
      {"config_file", s.ops ? s.ops->config_file : ""},
      {"db", std::move(db)},
      {"disk", std::move(disk)},
      {"last_backup", std::move(last_backup)},
      {"backup_keep", s.ops ? s.ops->backup_keep : 14},
      {"sessions", json::object{{"active", sessions ? sessions->Int(0) : 0}, {"idle_timeout_seconds", idle}}},
      {"requests", json::object{{"total", metrics.requests_total()}, {"errors", metrics.errors_total()}}},
      {"jobs", std::move(jobs)},
  };
  return Json(out);
}

}  // namespace parkhq::http::handlers
