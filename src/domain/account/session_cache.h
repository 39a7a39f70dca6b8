// A bounded in-process cache of validated sessions, so an authenticated request does not read its
// session and user from the database (docs/scale.md, "Sessions in memory").
//
// Contract:
// - An entry holds the session row and its user as last read from the database, the time it was
//   read (`checked_at`) and the session's activity: `last_seen` in memory (every request) and the
//   last value written to the database (`flushed`). Times are NowUnix() seconds.
// - Find answers only entries read less than `recheck_seconds` ago; older ones are read again, so a
//   change made outside this process (another server, the CLI) is seen within that time.
// - Erase / EraseUser take effect for every later Find in this process (logout, revocation,
//   password change, disable). A Put whose database read began before an Erase is dropped (the
//   generation check), so a concurrent reload cannot bring a revoked session back.
// - At most `capacity` entries: when full, entries due for a recheck go first, then arbitrary
//   ones (an evicted session is simply read again; its unflushed last_seen, at most
//   flush_seconds old, is lost).
// Thread-safe: one mutex around the map.
#pragma once
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "domain/account/account.h"

namespace parkhq {

class SessionCache {
 public:
  struct Entry {
    Session session;  // session.last_seen: the newest activity, in memory
    User user;
    int64_t checked_at = 0;  // when session and user were read from the database
    int64_t flushed = 0;     // the last_seen the database holds
  };

  SessionCache(size_t capacity, int64_t recheck_seconds) : capacity_(capacity), recheck_(recheck_seconds) {}

  // The entry when present and read less than recheck_seconds before `now`; nullopt otherwise.
  std::optional<Entry> Find(const std::string& token_hash, int64_t now) const;
  // Call before reading the database for a Put.
  uint64_t generation() const;
  // Stores a freshly read entry unless an Erase happened since `generation_at_read`. Keeps the newer
  // in-memory last_seen of an entry it replaces (activity not yet written).
  void Put(Entry e, uint64_t generation_at_read);
  // Records a use at `now`. True when the caller should write last_seen = now to the database (the
  // last write is flush_seconds old or more); the entry then counts as flushed.
  bool Touch(const std::string& token_hash, int64_t now, int64_t flush_seconds);
  // The in-memory last_seen of a session, 0 when it is not cached.
  int64_t LastSeen(const std::string& token_hash) const;
  void Erase(const std::string& token_hash);
  void EraseUser(int64_t user_id);
  size_t size() const;

 private:
  void MakeRoom(int64_t now);  // mu_ held
  const size_t capacity_;
  const int64_t recheck_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;  // by token hash
  uint64_t generation_ = 0;                         // bumped by every Erase / EraseUser
};

}  // namespace parkhq
