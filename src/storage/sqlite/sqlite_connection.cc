#include "storage/sqlite/sqlite_connection.h"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include "storage/engine_errors.h"

namespace parkhq::storage {
namespace {

Status Error(sqlite3* db, const std::string& what) {
  int code = sqlite3_extended_errcode(db);
  std::string msg = what + ": " + sqlite3_errmsg(db);
  // The engine's own text (table and column names) goes to the log, never to the client.
  if ((code & 0xff) == SQLITE_CONSTRAINT) {
    spdlog::warn("sqlite constraint: {}", msg);
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
      return Status::Conflict(kDuplicateMessage);
    return Status::Validation(kConstraintMessage);
  }
  if ((code & 0xff) == SQLITE_BUSY) {
    spdlog::warn("sqlite busy: {}", msg);
    return Status::Unavailable(kBusyMessage);
  }
  // A full disk (or a file size limit, or a failing write): the transaction is rolled back by
  // SQLite and the file stays consistent; the client gets 503, the log the engine's text.
  if ((code & 0xff) == SQLITE_FULL || (code & 0xff) == SQLITE_IOERR) {
    spdlog::error("sqlite storage error {}: {}", code, msg);
    return Status::Unavailable(kStorageFullMessage);
  }
  return Status::Internal(msg);
}

class SqliteStatement final : public Statement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* st) : db_(db), st_(st) {}
  ~SqliteStatement() override { sqlite3_finalize(st_); }

  Status Bind(const std::vector<Value>& params) override {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
    done_ = false;
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i) + 1;
      int rc = std::visit(
          [&](const auto& v) -> int {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) return sqlite3_bind_null(st_, idx);
            else if constexpr (std::is_same_v<T, int64_t>) return sqlite3_bind_int64(st_, idx, v);
            else if constexpr (std::is_same_v<T, double>) return sqlite3_bind_double(st_, idx, v);
            else return sqlite3_bind_text(st_, idx, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
          },
          params[i]);
      if (rc != SQLITE_OK) return Error(db_, "bind");
    }
    return Status::Ok();
  }

  StatusOr<bool> Step() override {
    if (done_) return false;
    int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    done_ = true;
    if (rc == SQLITE_DONE) {
      changes_ = sqlite3_changes64(db_);
      sqlite3_reset(st_);
      return false;
    }
    Status s = Error(db_, "step");
    sqlite3_reset(st_);
    return s;
  }

  Row CurrentRow() const override {
    int n = sqlite3_column_count(st_);
    std::vector<Value> vals;
    vals.reserve(n);
    for (int i = 0; i < n; ++i) {
      switch (sqlite3_column_type(st_, i)) {
        case SQLITE_NULL: vals.emplace_back(); break;
        case SQLITE_INTEGER: vals.emplace_back(static_cast<int64_t>(sqlite3_column_int64(st_, i))); break;
        case SQLITE_FLOAT: vals.emplace_back(sqlite3_column_double(st_, i)); break;
        default: {
          const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, i));
          vals.emplace_back(std::string(p ? p : "", sqlite3_column_bytes(st_, i)));
        }
      }
    }
    return Row(std::move(vals));
  }

  int64_t AffectedRows() const override { return changes_; }

  std::vector<std::string> ColumnNames() const override {
    std::vector<std::string> out;
    for (int i = 0; i < sqlite3_column_count(st_); ++i) out.emplace_back(sqlite3_column_name(st_, i));
    return out;
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_;
  bool done_ = false;
  int64_t changes_ = 0;
};

}  // namespace

StatusOr<std::unique_ptr<Connection>> SqliteConnection::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::Unavailable("cannot open SQLite database " + path + ": " + msg);
  }
  sqlite3_busy_timeout(db, 10000);
  std::unique_ptr<SqliteConnection> c(new SqliteConnection(db));
  PARKHQ_RETURN_IF_ERROR(c->ExecScript(
      "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"));
  return std::unique_ptr<Connection>(std::move(c));
}

SqliteConnection::~SqliteConnection() {
  cache_.clear();
  sqlite3_close_v2(db_);
}

StatusOr<Statement*> SqliteConnection::Prepare(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it != cache_.end()) return it->second.get();
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &st, nullptr) != SQLITE_OK)
    return Error(db_, "prepare");
  auto owned = std::make_unique<SqliteStatement>(db_, st);
  Statement* raw = owned.get();
  cache_.emplace(std::string(sql), std::move(owned));
  return raw;
}

Status SqliteConnection::ExecScript(std::string_view sql) {
  char* err = nullptr;
  std::string s(sql);
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    sqlite3_free(err);
    return Error(db_, "exec");  // e.g. a COMMIT on a full disk is 503, not 500
  }
  return Status::Ok();
}

Status SqliteConnection::Begin() { return ExecScript("BEGIN IMMEDIATE"); }
Status SqliteConnection::Commit() { return ExecScript("COMMIT"); }
Status SqliteConnection::Rollback() { return ExecScript("ROLLBACK"); }

// Copies every page of `from` into `to` with SQLite's online backup, waiting while either is busy;
// errors are read from `err` (the destination's handle for a backup, ours for a restore).
static Status CopyDatabase(sqlite3* from, sqlite3* to, sqlite3* err, const char* what) {
  sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
  if (!b) return Error(err, what);
  int rc;
  do {
    rc = sqlite3_backup_step(b, 256);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(b);
  return rc == SQLITE_DONE ? Status::Ok() : Error(err, what);
}

Status SqliteConnection::BackupTo(const std::string& path) {
  sqlite3* dest = nullptr;
  if (sqlite3_open(path.c_str(), &dest) != SQLITE_OK) {
    sqlite3_close(dest);
    return Status::Internal("cannot create backup file " + path);
  }
  Status s = CopyDatabase(db_, dest, dest, "backup");
  sqlite3_close(dest);
  return s;
}

Status SqliteConnection::RestoreFrom(const std::string& path) {
  sqlite3* src = nullptr;
  if (sqlite3_open_v2(path.c_str(), &src, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(src);
    return Status::NotFound("cannot open backup file " + path);
  }
  cache_.clear();  // statements would hold the old schema
  Status s = CopyDatabase(src, db_, db_, "restore");
  sqlite3_close(src);
  return s;
}

}  // namespace parkhq::storage
