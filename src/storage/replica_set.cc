#include "storage/replica_set.h"

#include "storage/postgres/pg_connection.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>
#include <optional>
#include <thread>
#include <unordered_map>

namespace parkhq::storage {
namespace {

thread_local const ReadScope* tls_scope = nullptr;

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class RoutedConnection;

// A replica statement that, when the replica's link is lost before the first row, runs again on
// the primary (a plain SELECT outside a transaction is safe to repeat), so a standby going away
// costs no failed request.
class FallbackStatement final : public Statement {
 public:
  FallbackStatement(RoutedConnection* owner, Statement* replica, std::string sql)
      : owner_(owner), current_(replica), sql_(std::move(sql)) {}
  Status Bind(const std::vector<Value>& params) override {
    params_ = params;
    rows_ = 0;
    return current_->Bind(params);
  }
  StatusOr<bool> Step() override;
  Row CurrentRow() const override { return current_->CurrentRow(); }
  int64_t AffectedRows() const override { return current_->AffectedRows(); }
  std::vector<std::string> ColumnNames() const override { return current_->ColumnNames(); }

 private:
  RoutedConnection* owner_;
  Statement* current_;
  bool on_primary_ = false;
  std::string sql_;
  std::vector<Value> params_;
  int64_t rows_ = 0;
};

// A connection of a read scope: plain SELECTs outside a transaction on the replica connection, the
// rest on a primary connection borrowed on first need. Both go back to their pools with it.
class RoutedConnection final : public Connection {
 public:
  RoutedConnection(ConnectionHandle replica, Database& primary, std::function<void()> on_replica_lost)
      : replica_(std::move(replica)), primary_(primary), on_replica_lost_(std::move(on_replica_lost)) {}

  Engine engine() const override { return Engine::kPostgres; }
  StatusOr<Statement*> Prepare(std::string_view sql) override {
    if (in_tx_ || replica_lost_ || !IsReplicaSafe(sql)) return PrimaryPrepare(sql);
    std::string key(sql);
    if (auto it = wrapped_.find(key); it != wrapped_.end()) return it->second.get();
    auto st = replica_->Prepare(sql);
    if (!st.ok()) {
      if (!ReplicaLost()) return st.status();
      return PrimaryPrepare(sql);
    }
    auto owned = std::make_unique<FallbackStatement>(this, *st, key);
    Statement* raw = owned.get();
    wrapped_.emplace(std::move(key), std::move(owned));
    return raw;
  }
  Status ExecScript(std::string_view sql) override {
    PARKHQ_ASSIGN_OR_RETURN(Connection * p, Primary());
    return p->ExecScript(sql);
  }
  Status Begin() override {
    PARKHQ_ASSIGN_OR_RETURN(Connection * p, Primary());
    Status s = p->Begin();
    if (s.ok()) in_tx_ = true;
    return s;
  }
  Status Commit() override {
    in_tx_ = false;
    PARKHQ_ASSIGN_OR_RETURN(Connection * p, Primary());
    return p->Commit();
  }
  Status Rollback() override {
    in_tx_ = false;
    PARKHQ_ASSIGN_OR_RETURN(Connection * p, Primary());
    return p->Rollback();
  }
  bool broken() const override { return false; }  // the inner handles judge their own connections

  // True (once) when the replica's link is gone: the replica is then skipped for a while.
  bool ReplicaLost() {
    if (!replica_->broken()) return false;
    if (!replica_lost_) on_replica_lost_();
    replica_lost_ = true;
    return true;
  }
  StatusOr<Statement*> PrimaryPrepare(std::string_view sql) {
    PARKHQ_ASSIGN_OR_RETURN(Connection * p, Primary());
    return p->Prepare(sql);
  }

 private:
  StatusOr<Connection*> Primary() {
    if (!primary_conn_) {
      PARKHQ_ASSIGN_OR_RETURN(auto h, primary_.AcquirePrimary());
      primary_conn_.emplace(std::move(h));
    }
    return &primary_conn_->get();
  }
  ConnectionHandle replica_;
  Database& primary_;
  std::function<void()> on_replica_lost_;
  std::optional<ConnectionHandle> primary_conn_;
  std::unordered_map<std::string, std::unique_ptr<FallbackStatement>> wrapped_;
  bool in_tx_ = false;
  bool replica_lost_ = false;
};

StatusOr<bool> FallbackStatement::Step() {
  auto r = current_->Step();
  if (r.ok()) {
    if (*r) ++rows_;
    return r;
  }
  if (on_primary_ || rows_ > 0 || !owner_->ReplicaLost()) return r;
  PARKHQ_ASSIGN_OR_RETURN(Statement * p, owner_->PrimaryPrepare(sql_));
  current_ = p;
  on_primary_ = true;
  PARKHQ_RETURN_IF_ERROR(current_->Bind(params_));
  auto again = current_->Step();
  if (again.ok() && *again) ++rows_;
  return again;
}

StatusOr<uint64_t> QueryLsn(Connection& c, std::string_view sql) {
  PARKHQ_ASSIGN_OR_RETURN(auto row, c.QueryOne(sql));
  if (!row || row->IsNull(0)) return Status::Unavailable("no WAL position (not a streaming standby?)");
  auto lsn = ParseLsn(row->Text(0));
  if (!lsn) return Status::Internal("unreadable WAL position " + row->Text(0));
  return *lsn;
}

}  // namespace

std::optional<uint64_t> ParseLsn(std::string_view text) {
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 >= text.size()) return std::nullopt;
  uint64_t hi = 0, lo = 0;
  auto a = std::from_chars(text.data(), text.data() + slash, hi, 16);
  auto b = std::from_chars(text.data() + slash + 1, text.data() + text.size(), lo, 16);
  if (a.ec != std::errc() || a.ptr != text.data() + slash || b.ec != std::errc() ||
      b.ptr != text.data() + text.size() || hi > 0xffffffffu || lo > 0xffffffffu)
    return std::nullopt;
  return (hi << 32) | lo;
}

bool IsReplicaSafe(std::string_view sql) {
  size_t i = 0;
  while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i]))) ++i;
  const std::string s = Lower(sql.substr(i));
  if (s.rfind("select", 0) != 0) return false;
  for (const char* w : {" for update", " for share", " for no key update", " for key share", "nextval(", "setval(",
                        "pg_advisory", "into "})
    if (s.find(w) != std::string::npos) return false;
  return true;
}

ReplicaSet::ReplicaSet(std::vector<std::unique_ptr<Database>> replicas, Options options) : options_(options) {
  for (auto& db : replicas) {
    auto r = std::make_unique<Replica>();
    r->db = std::move(db);
    replicas_.push_back(std::move(r));
  }
}

ReplicaSet::~ReplicaSet() = default;

StatusOr<std::unique_ptr<ReplicaSet>> ReplicaSet::Open(const std::vector<std::string>& urls, int pool_size,
                                                       Options options) {
  std::vector<std::unique_ptr<Database>> dbs;
  for (const auto& url : urls) {
    if (url.rfind("postgresql://", 0) != 0 && url.rfind("postgres://", 0) != 0)
      return Status::InvalidArgument("a read replica must be a postgresql:// URL");
    // A replica that is down at start is not fatal: it is skipped until it answers.
    dbs.push_back(std::make_unique<Database>(
        Engine::kPostgres, "postgresql replica " + std::to_string(dbs.size() + 1),
        [url]() { return PgConnection::Open(url); }, pool_size));
  }
  return std::make_unique<ReplicaSet>(std::move(dbs), options);
}

uint64_t ReplicaSet::Required(size_t key) {
  std::lock_guard lock(mu_);
  auto it = required_.find(key);
  if (it == required_.end()) return 0;
  // An unknown position (the primary did not say) sends the session to the primary for a minute.
  if (it->second.first == UINT64_MAX && NowMs() - it->second.second > 60000) return 0;
  return it->second.first;
}

std::optional<ConnectionHandle> ReplicaSet::TryReplica(Replica& r, uint64_t need, int64_t deadline_ms) {
  if (r.down_until_ms.load() > NowMs()) return std::nullopt;
  auto mark_down = [&](const Status& s) {
    spdlog::warn("read replica {} skipped for {} ms: {}", r.db->description(), options_.down_for.count(),
                 s.ToString());
    r.down_until_ms.store(NowMs() + options_.down_for.count());
  };
  auto h = r.db->AcquirePrimary();
  if (!h.ok()) {
    mark_down(h.status());
    return std::nullopt;
  }
  // A replica is asked where it is when that is older than `recheck` or short of what is needed,
  // then polled until it has caught up or the wait is over.
  while (true) {
    const int64_t now = NowMs();
    if (r.replayed.load() >= need && now - r.checked_ms.load() < options_.recheck.count()) break;
    auto lsn = QueryLsn(h->get(), "SELECT pg_last_wal_replay_lsn()::text");
    if (!lsn.ok()) {
      mark_down(lsn.status());
      return std::nullopt;
    }
    r.replayed.store(*lsn);
    r.checked_ms.store(NowMs());
    if (*lsn >= need) break;
    if (NowMs() >= deadline_ms) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return std::move(h).value();
}

StatusOr<ConnectionHandle> ReplicaSet::AcquireRead(Database& primary, const std::string& session) {
  const uint64_t need = session.empty() ? 0 : Required(std::hash<std::string>{}(session));
  const int64_t deadline = NowMs() + options_.wait.count();
  const size_t n = replicas_.size();
  const size_t start = next_.fetch_add(1);
  for (size_t i = 0; i < n; ++i) {
    Replica& r = *replicas_[(start + i) % n];
    if (auto h = TryReplica(r, need, i + 1 == n ? deadline : NowMs())) {
      ++replica_reads_;
      auto lost = [this, &r] {
        spdlog::warn("read replica {} lost; reads go to the primary for {} ms", r.db->description(),
                     options_.down_for.count());
        r.down_until_ms.store(NowMs() + options_.down_for.count());
      };
      return ConnectionHandle(nullptr, std::make_unique<RoutedConnection>(std::move(*h), primary, lost));
    }
  }
  ++primary_reads_;
  return primary.AcquirePrimary();
}

void ReplicaSet::NoteWrite(Database& primary, const std::string& session) {
  if (session.empty()) return;
  auto h = primary.AcquirePrimary();
  StatusOr<uint64_t> lsn = h.ok() ? QueryLsn(h->get(), "SELECT pg_current_wal_insert_lsn()::text") : h.status();
  const size_t key = std::hash<std::string>{}(session);
  // Without a position the session reads from the primary until the entry ages out.
  const uint64_t value = lsn.ok() ? *lsn : UINT64_MAX;
  if (!lsn.ok()) spdlog::warn("read replicas: WAL position after a write unknown: {}", lsn.status().ToString());
  const int64_t now = NowMs();
  std::lock_guard lock(mu_);
  auto& slot = required_[key];
  slot.first = std::max(slot.first, value);
  slot.second = now;
  // Forget sessions that wrote long ago: every healthy replica is far past their writes by then.
  if (required_.size() > 10000) {
    for (auto it = required_.begin(); it != required_.end();)
      it = now - it->second.second > 60000 ? required_.erase(it) : std::next(it);
  }
}

ReadScope::ReadScope(const Database& db, std::string session)
    : db_(&db), session_(std::move(session)), outer_(tls_scope) {
  tls_scope = this;
}

ReadScope::~ReadScope() { tls_scope = outer_; }

const ReadScope* ReadScope::Current(const Database* db) {
  return tls_scope && tls_scope->db_ == db ? tls_scope : nullptr;
}

}  // namespace parkhq::storage
