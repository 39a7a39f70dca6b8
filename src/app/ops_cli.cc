#include "app/ops_cli.h"

#include <spawn.h>
#include <spdlog/formatter.h>
#include <spdlog/spdlog.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "app/config_file.h"
#include "storage/migrations.h"
#include "storage/sqlite/sqlite_connection.h"

extern char** environ;

namespace parkhq::app {

namespace fs = std::filesystem;

namespace {

int Fail(const Status& s) {
  std::fprintf(stderr, "parkhq: %s\n", s.ToString().c_str());
  return 1;
}

bool IsPostgres(const std::string& db) { return db.rfind("postgres", 0) == 0; }

std::string UtcStamp(const char* fmt) {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, fmt, &tm);
  return buf;
}

// Runs a program (found on PATH) with these arguments; returns its exit code (-1: not started).
int Run(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Records a backup or restore for the status page; a database without the table is left alone.
void Record(const Config& c, const char* kind, const std::string& file) {
  auto db = storage::Database::Open(c.db, 1);
  if (!db.ok()) return;
  auto conn = (*db)->Acquire();
  if (!conn.ok()) return;
  std::error_code ec;
  auto size = fs::file_size(file, ec);
  auto r = (*conn)->Exec("INSERT INTO ops_backups(at, kind, file, size_bytes, engine) VALUES (?, ?, ?, ?, ?)",
                         {UtcStamp("%Y-%m-%dT%H:%M:%SZ"), std::string(kind), fs::absolute(file, ec).string(),
                          static_cast<int64_t>(ec ? 0 : size), std::string(storage::EngineName((*db)->engine()))});
  if (!r.ok()) spdlog::warn("backup not recorded: {}", r.status().ToString());
}

// Deletes the oldest timestamped backups beyond keep.
void Prune(const std::string& dir, int keep) {
  if (keep <= 0) return;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("parkhq-", 0) == 0 && (name.ends_with(".db") || name.ends_with(".dump"))) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (size_t i = 0; i + keep < files.size(); ++i) {
    fs::remove(files[i], ec);
    std::printf("removed old backup %s\n", files[i].c_str());
  }
}

}  // namespace

int ConfigCommand(const std::vector<std::string>& positional, const std::map<std::string, std::string>& flags) {
  if (positional.size() < 2 || positional[1] != "check")
    return Fail(Status::InvalidArgument("usage: parkhq config check [--config FILE] [flags]"));
  auto loaded = LoadConfig(flags, [](const char* name) { return std::getenv(name); });
  if (!loaded.ok()) return Fail(loaded.status());
  std::printf("configuration file: %s\n", loaded->file.empty() ? "(none)" : loaded->file.c_str());
  for (const auto& k : ConfigKeys())
    std::printf("  %-30s = %-40s (%s)\n", k.key, loaded->values[k.key].c_str(), loaded->sources[k.key].c_str());
  int warnings = 0;
  std::error_code ec;
  if (!fs::is_directory(loaded->config.web_root, ec)) {
    std::printf("warning: server.web_root %s is not a directory (the API still works)\n",
                loaded->config.web_root.c_str());
    ++warnings;
  }
  if (!IsPostgres(loaded->config.db)) {
    auto parent = fs::path(loaded->config.db).parent_path();
    if (!parent.empty() && !fs::is_directory(parent, ec)) {
      std::printf("warning: the directory of database.url (%s) does not exist\n", parent.c_str());
      ++warnings;
    }
  }
  std::printf("configuration OK%s\n", warnings ? " (with warnings)" : "");
  return 0;
}

int BackupCommand(const std::vector<std::string>& positional, const Config& c) {
  const bool pg = IsPostgres(c.db);
  std::string out;
  bool rotating = false;
  if (positional.size() >= 2) {
    out = positional[1];
  } else {
    const std::string dir = BackupDir(c);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Fail(Status::Internal("cannot create backup directory " + dir + ": " + ec.message()));
    // parkhq-YYYYMMDD-HHMMSS-mmm: names sort by time (retention deletes the first ones).
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::system_clock::now().time_since_epoch()).count() % 1000;
    char suffix[8];
    std::snprintf(suffix, sizeof suffix, "-%03d", static_cast<int>(ms));
    out = (fs::path(dir) / ("parkhq-" + UtcStamp("%Y%m%d-%H%M%S") + suffix + (pg ? ".dump" : ".db"))).string();
    rotating = true;
  }
  const auto start = std::chrono::steady_clock::now();
  if (pg) {
    int rc = Run({"pg_dump", "--format=custom", "--no-owner", "--file=" + out, "--dbname=" + c.db});
    if (rc != 0) return Fail(Status::Internal(rc < 0 ? "pg_dump not found (install postgresql-client)" : "pg_dump failed"));
  } else {
    std::error_code ec;
    if (!fs::exists(c.db, ec)) return Fail(Status::NotFound("no database file " + c.db));
    auto conn = storage::SqliteConnection::Open(c.db);
    if (!conn.ok()) return Fail(conn.status());
    Status s = static_cast<storage::SqliteConnection*>(conn->get())->BackupTo(out);
    if (!s.ok()) return Fail(s);
  }
  Record(c, "backup", out);
  if (rotating) Prune(fs::path(out).parent_path().string(), c.backup_keep);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("backup written to %s (%.1fs)\n", out.c_str(), secs);
  return 0;
}

int RestoreCommand(const std::vector<std::string>& positional, const std::map<std::string, std::string>& flags,
                   const Config& c) {
  // "--yes FILE" reads FILE as the flag's value; accept it there too.
  auto yes = flags.find("yes");
  const std::string file = positional.size() >= 2 ? positional[1] : (yes != flags.end() ? yes->second : "");
  if (file.empty()) return Fail(Status::InvalidArgument("restore needs a FILE (from parkhq backup)"));
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return Fail(Status::NotFound("no backup file " + file));
  if (!flags.count("yes"))
    return Fail(Status::InvalidArgument("restore replaces every table of " + c.db +
                                        "; stop the service and add --yes to go ahead"));
  if (IsPostgres(c.db)) {
    // A clean slate: drop this schema's tables (pg_restore then creates exactly the backup's).
    auto db = storage::Database::Open(c.db, 1);
    if (!db.ok()) return Fail(db.status());
    {
      auto conn = (*db)->Acquire();
      if (!conn.ok()) return Fail(conn.status());
      if (Run({"pg_restore", "--list", file}) != 0)
        return Fail(Status::InvalidArgument(file + " is not a pg_dump custom-format file"));
      auto tables = (*conn)->Query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()");
      if (!tables.ok()) return Fail(tables.status());
      storage::Transaction tx(**conn);
      if (!tx.status().ok()) return Fail(tx.status());
      for (const auto& t : *tables) {
        std::string name = t.Text(0);
        std::string quoted = "\"";
        for (char ch : name) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        auto r = (*conn)->Exec("DROP TABLE IF EXISTS " + quoted + "\" CASCADE");
        if (!r.ok()) return Fail(r.status());
      }
      Status s = tx.Commit();
      if (!s.ok()) return Fail(s);
    }
    int rc = Run({"pg_restore", "--no-owner", "--single-transaction", "--exit-on-error", "--dbname=" + c.db, file});
    if (rc != 0) return Fail(Status::Internal(rc < 0 ? "pg_restore not found (install postgresql-client)" : "pg_restore failed"));
  } else {
    {  // the file must be a ParkHQ database
      auto src = storage::SqliteConnection::Open(file);
      if (!src.ok()) return Fail(src.status());
      auto v = (*src)->QueryOne("SELECT COUNT(*) FROM schema_migrations");
      if (!v.ok()) return Fail(Status::InvalidArgument(file + " is not a ParkHQ SQLite backup"));
    }
    auto conn = storage::SqliteConnection::Open(c.db);
    if (!conn.ok()) return Fail(conn.status());
    Status s = static_cast<storage::SqliteConnection*>(conn->get())->RestoreFrom(file);
    if (!s.ok()) return Fail(s);
  }
  // A backup from an older version gets the newer migrations.
  auto db = storage::Database::Open(c.db, 1);
  if (!db.ok()) return Fail(db.status());
  auto applied = storage::Migrate(**db);
  if (!applied.ok()) return Fail(applied.status());
  db->reset();
  Record(c, "restore", file);
  std::printf("restored %s from %s (%zu migration(s) applied after)\n", c.db.c_str(), file.c_str(), applied->size());
  return 0;
}

namespace {

class JsonLineFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    using namespace std::chrono;
    const auto t = msg.time;
    const auto ms = duration_cast<milliseconds>(t.time_since_epoch()).count() % 1000;
    std::time_t tt = system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char ts[96];
    std::snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    std::string line = std::string("{\"time\":\"") + ts + "\",\"level\":\"" +
                       std::string(spdlog::level::to_string_view(msg.level).data(),
                                   spdlog::level::to_string_view(msg.level).size()) +
                       "\",\"thread\":" + std::to_string(msg.thread_id) + ",\"msg\":\"";
    for (char ch : std::string_view(msg.payload.data(), msg.payload.size())) {
      const auto u = static_cast<unsigned char>(ch);
      if (ch == '"') line += "\\\"";
      else if (ch == '\\') line += "\\\\";
      else if (ch == '\n') line += "\\n";
      else if (ch == '\r') line += "\\r";
      else if (ch == '\t') line += "\\t";
      else if (u < 0x20) {
        char esc[8];
        std::snprintf(esc, sizeof esc, "\\u%04x", u);
        line += esc;
      } else line += ch;
    }
    line += "\"}\n";
    dest.append(line.data(), line.data() + line.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override { return std::make_unique<JsonLineFormatter>(); }
};

}  // namespace

void SetupLogging(const Config& c) {
  spdlog::set_level(spdlog::level::from_str(c.log_level));
  if (c.log_format == "json") spdlog::set_formatter(std::make_unique<JsonLineFormatter>());
}

}  // namespace parkhq::app
