// Read replicas: PostgreSQL streaming standbys that take the read-only requests off the primary,
// with read-your-writes for the session that wrote (docs/scaling.md).
//
// How a request uses them: the dispatcher opens a ReadScope for a GET/HEAD, keyed by the caller's
// session; inside it, Database::Acquire() returns a routed connection whose plain SELECTs outside a
// transaction go to a replica and everything else (writes, transactions, scripts) to the primary,
// so a GET handler that happens to write still works. After a write request the dispatcher calls
// NoteWrite(session): the primary's WAL insert position is remembered for that session, and its
// later reads use only a replica that has replayed past it — waiting up to `wait` for one to catch
// up, else reading from the primary. Without a scope (jobs, the CLI, writes) nothing changes.
//
// Thread safety: all members are safe to call from any thread.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storage/database.h"

namespace parkhq::storage {

// "16/B374D848" → a comparable number; nullopt when the text is not an LSN.
std::optional<uint64_t> ParseLsn(std::string_view text);
// Whether `sql` may run on a read-only standby: a SELECT that takes no row locks and calls no
// sequence or advisory-lock function. Anything else goes to the primary.
bool IsReplicaSafe(std::string_view sql);

class ReplicaSet {
 public:
  struct Options {
    std::chrono::milliseconds wait{250};          // longest a read waits for a replica to catch up
    std::chrono::milliseconds down_for{2000};     // a replica that failed is skipped this long
    std::chrono::milliseconds recheck{200};       // replay position cached this long
  };
  ReplicaSet(std::vector<std::unique_ptr<Database>> replicas, Options options);
  ~ReplicaSet();

  // Opens each postgresql:// URL as a pool of `pool_size` connections.
  static StatusOr<std::unique_ptr<ReplicaSet>> Open(const std::vector<std::string>& urls, int pool_size,
                                                    Options options);

  // A connection for a read of `session` (see the file comment). Fails only when the primary fails.
  StatusOr<ConnectionHandle> AcquireRead(Database& primary, const std::string& session);
  // Remembers the primary's current WAL position as the least a replica must have replayed before
  // it serves `session` again. Errors are logged and the session then reads from the primary.
  void NoteWrite(Database& primary, const std::string& session);

  size_t size() const { return replicas_.size(); }
  // Reads served by replicas and by the primary inside read scopes (for /metrics and tests).
  struct Stats {
    uint64_t replica_reads = 0;
    uint64_t primary_reads = 0;
  };
  Stats stats() const { return {replica_reads_.load(), primary_reads_.load()}; }

 private:
  struct Replica {
    std::unique_ptr<Database> db;
    std::atomic<uint64_t> replayed{0};        // last pg_last_wal_replay_lsn() seen
    std::atomic<int64_t> checked_ms{0};       // when it was read (steady clock, ms)
    std::atomic<int64_t> down_until_ms{0};
  };
  // The session's required position (0 = none).
  uint64_t Required(size_t key);
  // A connection of replica r that has replayed `need`, or nothing (a failure marks r down).
  std::optional<ConnectionHandle> TryReplica(Replica& r, uint64_t need, int64_t deadline_ms);

  const Options options_;
  std::vector<std::unique_ptr<Replica>> replicas_;
  std::atomic<size_t> next_{0};
  std::atomic<uint64_t> replica_reads_{0};
  std::atomic<uint64_t> primary_reads_{0};
  std::mutex mu_;
  // Hash of the session token → (WAL position, when noted). Guarded by mu_. A hash collision only
  // makes two sessions wait for each other's writes, never read older data.
  std::unordered_map<size_t, std::pair<uint64_t, int64_t>> required_;
};

// Marks the calling thread's database work as a read of `session` (see the file comment).
// Scopes do not nest; the innermost one wins until it ends.
class ReadScope {
 public:
  ReadScope(const Database& db, std::string session);
  ~ReadScope();
  ReadScope(const ReadScope&) = delete;
  ReadScope& operator=(const ReadScope&) = delete;
  const std::string& session() const { return session_; }
  // The scope active on this thread for `db`, or null.
  static const ReadScope* Current(const Database* db);

 private:
  const Database* db_;
  std::string session_;
  const ReadScope* outer_;
};

}  // namespace parkhq::storage
