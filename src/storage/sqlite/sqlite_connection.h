// SQLite adapter: WAL, foreign keys on, busy timeout, statement cache.
#pragma once
#include <memory>
#include <string>
#include <unordered_map>

#include "storage/database.h"

struct sqlite3;

namespace parkhq::storage {

class SqliteConnection final : public Connection {
 public:
  // Opens (creating if needed) the database file at path.
  static StatusOr<std::unique_ptr<Connection>> Open(const std::string& path);
  ~SqliteConnection() override;

  Engine engine() const override { return Engine::kSqlite; }
  StatusOr<Statement*> Prepare(std::string_view sql) override;
  Status ExecScript(std::string_view sql) override;
  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;
  // Online, consistent copy of the whole database into a new file (sqlite3 backup API).
  Status BackupTo(const std::string& path);
  // Replaces this whole database with the one in the file at path (sqlite3 backup API, the other
  // way round). The file must be a SQLite database; the caller checks it is a ParkHQ one.
  Status RestoreFrom(const std::string& path);

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

}  // namespace parkhq::storage
