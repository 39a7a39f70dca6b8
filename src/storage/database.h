// The one storage seam: connections, prepared statements, rows, transactions.
//
// Repositories are written once in portable SQL with `?` placeholders; the PostgreSQL adapter
// rewrites them to $1..$n. Portable SQL rules for this project:
//   - ids: `id {{ID}}` in migrations (INTEGER PRIMARY KEY AUTOINCREMENT / BIGINT identity);
//   - booleans are INTEGER 0/1; timestamps and dates are TEXT in ISO form; amounts DOUBLE PRECISION;
//   - a parameter whose type the context does not fix is cast: CAST(? AS BIGINT) IS NULL;
//   - new ids are read with INSERT ... RETURNING id.
// Thread safety: a Database is shared by all threads; a Connection is used by one thread at a time
// (hand it back by dropping the ConnectionHandle).
#pragma once
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/status_or.h"

namespace parkhq::storage {

enum class Engine { kSqlite, kPostgres };
const char* EngineName(Engine e);  // "sqlite" | "postgresql"

struct Null {};
// A bound parameter or a column value.
using Value = std::variant<std::monostate, int64_t, double, std::string>;
inline Value Opt(const std::optional<int64_t>& v) { return v ? Value(*v) : Value(); }
inline Value Opt(const std::optional<double>& v) { return v ? Value(*v) : Value(); }
inline Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }

class Row {
 public:
  Row() = default;
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  size_t size() const { return values_.size(); }
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(values_.at(i)); }
  int64_t Int(size_t i) const;            // 0 when NULL
  double Double(size_t i) const;          // 0 when NULL
  std::string Text(size_t i) const;       // "" when NULL
  bool Bool(size_t i) const { return Int(i) != 0; }
  std::optional<int64_t> OptInt(size_t i) const;
  std::optional<double> OptDouble(size_t i) const;
  std::optional<std::string> OptText(size_t i) const;
  const Value& at(size_t i) const { return values_.at(i); }

 private:
  std::vector<Value> values_;
};

// A prepared statement owned by its Connection (cached per SQL text).
class Statement {
 public:
  virtual ~Statement() = default;
  // Binds all parameters (replacing earlier ones) and resets the statement.
  virtual Status Bind(const std::vector<Value>& params) = 0;
  // Advances to the next row. Returns true when a row is available, false when done.
  virtual StatusOr<bool> Step() = 0;
  // The current row (valid after Step() returned true).
  virtual Row CurrentRow() const = 0;
  // Rows changed by the last INSERT/UPDATE/DELETE.
  virtual int64_t AffectedRows() const = 0;
  // Names of the result columns (valid after Step() returned true).
  virtual std::vector<std::string> ColumnNames() const = 0;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Engine engine() const = 0;
  // Prepares (or returns the cached) statement. The pointer stays valid while the connection lives.
  virtual StatusOr<Statement*> Prepare(std::string_view sql) = 0;
  // Runs several statements without parameters (migrations only).
  virtual Status ExecScript(std::string_view sql) = 0;
  // Begins a write transaction (SQLite: BEGIN IMMEDIATE).
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
  // True once the link to the server is lost (PostgreSQL restarted or went away). The pool drops a
  // broken connection instead of handing it out again, and opens a fresh one on the next Acquire.
  virtual bool broken() const { return false; }

  // Conveniences built on Prepare/Bind/Step.
  StatusOr<std::vector<Row>> Query(std::string_view sql, const std::vector<Value>& params = {});
  // The first row, or nullopt when there is none.
  StatusOr<std::optional<Row>> QueryOne(std::string_view sql, const std::vector<Value>& params = {});
  // Returns the number of affected rows.
  StatusOr<int64_t> Exec(std::string_view sql, const std::vector<Value>& params = {});
  // Runs an INSERT ... RETURNING id and returns the id.
  StatusOr<int64_t> InsertId(std::string_view sql, const std::vector<Value>& params = {});
  // Calls fn for each row without materializing them; stops early when fn returns false.
  Status ForEach(std::string_view sql, const std::vector<Value>& params,
                 const std::function<bool(const Row&)>& fn);
};

class Database;
class ReplicaSet;

// A connection borrowed from the pool; returned when destroyed (a handle without a pool, as the
// replica router hands out, just deletes its connection).
class ConnectionHandle {
 public:
  ConnectionHandle(Database* db, std::unique_ptr<Connection> c) : db_(db), conn_(std::move(c)) {}
  ConnectionHandle(ConnectionHandle&&) = default;
  ConnectionHandle& operator=(ConnectionHandle&&) = delete;
  ~ConnectionHandle();
  Connection& operator*() { return *conn_; }
  Connection* operator->() { return conn_.get(); }
  Connection& get() { return *conn_; }

 private:
  Database* db_;
  std::unique_ptr<Connection> conn_;
};

// A pool of connections to one database. Thread-safe.
class Database {
 public:
  using Factory = std::function<StatusOr<std::unique_ptr<Connection>>()>;
  Database(Engine engine, std::string description, Factory factory, int max_connections);
  ~Database();

  // Opens "postgresql://..." / "postgres://..." with libpq, anything else as a SQLite file path
  // (":memory:" gives a single shared in-memory connection).
  static StatusOr<std::unique_ptr<Database>> Open(const std::string& url_or_path, int pool_size = 8);

  Engine engine() const { return engine_; }
  const std::string& description() const { return description_; }
  // Blocks until a connection is free. Fails only when a new connection cannot be opened.
  StatusOr<ConnectionHandle> Acquire();
  // Pool use for /metrics: connections opened, idle in the pool, and the most it opens.
  struct PoolStats {
    int open = 0;
    int idle = 0;
    int max = 0;
  };
  PoolStats pool_stats();

  // Read replicas (PostgreSQL streaming standbys, storage/replica_set.h). While a ReadScope on this
  // database is active on the calling thread, Acquire() hands out a connection whose plain SELECTs
  // outside a transaction run on a replica that has replayed the scope's session's last write, and
  // everything else on this (the primary) database. Call before serving.
  void SetReplicas(std::unique_ptr<ReplicaSet> replicas);
  ReplicaSet* replicas() const { return replicas_.get(); }
  // A connection of this database itself, never a replica (the router's own way in).
  StatusOr<ConnectionHandle> AcquirePrimary();

 private:
  friend class ConnectionHandle;
  void Release(std::unique_ptr<Connection> c);

  const Engine engine_;
  const std::string description_;
  const Factory factory_;
  const int max_connections_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> idle_;  // guarded by mu_
  int open_ = 0;                                    // guarded by mu_
  std::unique_ptr<ReplicaSet> replicas_;            // set once before serving
};

// Scoped transaction: rolls back unless Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Connection& c) : c_(c), status_(c.Begin()) {}
  ~Transaction() {
    if (status_.ok() && !done_) (void)c_.Rollback();
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  const Status& status() const { return status_; }
  // A failed COMMIT (a full disk, a lost server) is rolled back so the connection goes back to
  // the pool clean.
  Status Commit() {
    done_ = true;
    Status s = c_.Commit();
    if (!s.ok()) (void)c_.Rollback();
    return s;
  }

 private:
  Connection& c_;
  Status status_;
  bool done_ = false;
};

}  // namespace parkhq::storage
