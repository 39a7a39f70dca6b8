#include "storage/database.h"

#include <charconv>
#include <cstdio>

#include "storage/postgres/pg_connection.h"
#include "storage/replica_set.h"
#include "storage/sqlite/sqlite_connection.h"

namespace parkhq::storage {

const char* EngineName(Engine e) { return e == Engine::kSqlite ? "sqlite" : "postgresql"; }

namespace {
struct ToInt {
  int64_t operator()(std::monostate) const { return 0; }
  int64_t operator()(int64_t v) const { return v; }
  int64_t operator()(double v) const { return static_cast<int64_t>(v); }
  int64_t operator()(const std::string& s) const {
    int64_t v = 0;
    if (s == "t" || s == "true") return 1;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size()) {
      double d = 0;
      auto r2 = std::from_chars(s.data(), s.data() + s.size(), d);
      if (r2.ec == std::errc()) return static_cast<int64_t>(d);
    }
    return v;
  }
};
struct ToDouble {
  double operator()(std::monostate) const { return 0; }
  double operator()(int64_t v) const { return static_cast<double>(v); }
  double operator()(double v) const { return v; }
  double operator()(const std::string& s) const {
    double v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
  }
};
struct ToText {
  std::string operator()(std::monostate) const { return {}; }
  std::string operator()(int64_t v) const { return std::to_string(v); }
  std::string operator()(double v) const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
  }
  std::string operator()(const std::string& s) const { return s; }
};
}  // namespace

int64_t Row::Int(size_t i) const { return std::visit(ToInt{}, values_.at(i)); }
double Row::Double(size_t i) const { return std::visit(ToDouble{}, values_.at(i)); }
std::string Row::Text(size_t i) const { return std::visit(ToText{}, values_.at(i)); }
std::optional<int64_t> Row::OptInt(size_t i) const {
  return IsNull(i) ? std::nullopt : std::optional<int64_t>(Int(i));
}
std::optional<double> Row::OptDouble(size_t i) const {
  return IsNull(i) ? std::nullopt : std::optional<double>(Double(i));
}
std::optional<std::string> Row::OptText(size_t i) const {
  return IsNull(i) ? std::nullopt : std::optional<std::string>(Text(i));
}

StatusOr<std::vector<Row>> Connection::Query(std::string_view sql, const std::vector<Value>& params) {
  std::vector<Row> rows;
  PARKHQ_RETURN_IF_ERROR(ForEach(sql, params, [&](const Row& r) {
    rows.push_back(r);
    return true;
  }));
  return rows;
}

StatusOr<std::optional<Row>> Connection::QueryOne(std::string_view sql,
                                                  const std::vector<Value>& params) {
  std::optional<Row> out;
  PARKHQ_RETURN_IF_ERROR(ForEach(sql, params, [&](const Row& r) {
    out = r;
    return false;
  }));
  return out;
}

StatusOr<int64_t> Connection::Exec(std::string_view sql, const std::vector<Value>& params) {
  PARKHQ_ASSIGN_OR_RETURN(Statement * st, Prepare(sql));
  PARKHQ_RETURN_IF_ERROR(st->Bind(params));
  while (true) {
    PARKHQ_ASSIGN_OR_RETURN(bool more, st->Step());
    if (!more) break;
  }
  return st->AffectedRows();
}

StatusOr<int64_t> Connection::InsertId(std::string_view sql, const std::vector<Value>& params) {
  PARKHQ_ASSIGN_OR_RETURN(std::optional<Row> row, QueryOne(sql, params));
  if (!row || row->size() == 0) return Status::Internal("INSERT returned no id");
  return row->Int(0);
}

Status Connection::ForEach(std::string_view sql, const std::vector<Value>& params,
                           const std::function<bool(const Row&)>& fn) {
  PARKHQ_ASSIGN_OR_RETURN(Statement * st, Prepare(sql));
  PARKHQ_RETURN_IF_ERROR(st->Bind(params));
  bool want_more = true;
  while (true) {
    PARKHQ_ASSIGN_OR_RETURN(bool more, st->Step());
    if (!more) break;
    if (want_more) want_more = fn(st->CurrentRow());
    // Keep stepping to completion so the statement is reset cleanly for the next use.
    if (!want_more) {
      PARKHQ_RETURN_IF_ERROR(st->Bind({}));
      break;
    }
  }
  return Status::Ok();
}

ConnectionHandle::~ConnectionHandle() {
  if (conn_ && db_) db_->Release(std::move(conn_));
}

Database::Database(Engine engine, std::string description, Factory factory, int max_connections)
    : engine_(engine),
      description_(std::move(description)),
      factory_(std::move(factory)),
      max_connections_(max_connections < 1 ? 1 : max_connections) {}

Database::~Database() = default;

void Database::SetReplicas(std::unique_ptr<ReplicaSet> replicas) { replicas_ = std::move(replicas); }

StatusOr<ConnectionHandle> Database::Acquire() {
  if (replicas_) {
    if (const ReadScope* scope = ReadScope::Current(this)) return replicas_->AcquireRead(*this, scope->session());
  }
  return AcquirePrimary();
}

StatusOr<ConnectionHandle> Database::AcquirePrimary() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return !idle_.empty() || open_ < max_connections_; });
  if (!idle_.empty()) {
    auto c = std::move(idle_.back());
    idle_.pop_back();
    return ConnectionHandle(this, std::move(c));
  }
  ++open_;
  lock.unlock();
  auto c = factory_();
  if (!c.ok()) {
    std::lock_guard relock(mu_);
    --open_;
    cv_.notify_one();
    return c.status();
  }
  return ConnectionHandle(this, std::move(c).value());
}

Database::PoolStats Database::pool_stats() {
  std::lock_guard lock(mu_);
  return PoolStats{open_, static_cast<int>(idle_.size()), max_connections_};
}

void Database::Release(std::unique_ptr<Connection> c) {
  std::vector<std::unique_ptr<Connection>> dropped;  // closed outside the lock
  {
    std::lock_guard lock(mu_);
    if (!c->broken()) {
      idle_.push_back(std::move(c));
    } else {
      // The server went away (a restart, a failover): the idle connections are as dead as this one,
      // so they go too; the next Acquire opens fresh ones (or fails fast with 503 while it is down).
      dropped.push_back(std::move(c));
      for (auto& idle : idle_) dropped.push_back(std::move(idle));
      idle_.clear();
      open_ -= static_cast<int>(dropped.size());
    }
    cv_.notify_all();
  }
}

StatusOr<std::unique_ptr<Database>> Database::Open(const std::string& url, int pool_size) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    // Check the server answers before handing out the pool.
    auto first = PgConnection::Open(url);
    if (!first.ok()) return first.status();
    auto db = std::make_unique<Database>(
        Engine::kPostgres, "postgresql", [url]() { return PgConnection::Open(url); }, pool_size);
    db->Release(std::move(first).value());
    std::lock_guard lock(db->mu_);
    db->open_ = 1;
    return db;
  }
  const bool memory = url == ":memory:";
  auto first = SqliteConnection::Open(url);
  if (!first.ok()) return first.status();
  auto db = std::make_unique<Database>(
      Engine::kSqlite, "sqlite", [url]() { return SqliteConnection::Open(url); },
      memory ? 1 : pool_size);
  db->Release(std::move(first).value());
  std::lock_guard lock(db->mu_);
  db->open_ = 1;
  return db;
}

}  // namespace parkhq::storage
