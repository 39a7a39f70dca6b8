// PostgreSQL adapter over libpq: `?` placeholders rewritten to $n, named prepared statements
// cached per connection, results read as text and converted by Row.
#pragma once
#include <memory>
#include <string>
#include <unordered_map>

#include "storage/database.h"

struct pg_conn;

namespace parkhq::storage {

// Rewrites `?` placeholders (outside quotes) to $1..$n. Exposed for tests.
std::string RewritePlaceholders(std::string_view sql);

class PgConnection final : public Connection {
 public:
  static StatusOr<std::unique_ptr<Connection>> Open(const std::string& url);
  ~PgConnection() override;

  Engine engine() const override { return Engine::kPostgres; }
  StatusOr<Statement*> Prepare(std::string_view sql) override;
  Status ExecScript(std::string_view sql) override;
  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;
  bool broken() const override { return broken_; }

 private:
  explicit PgConnection(pg_conn* c) : conn_(c) {}
  pg_conn* conn_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
  int next_id_ = 0;
  bool broken_ = false;  // the link is gone: the pool drops this connection
};

}  // namespace parkhq::storage
