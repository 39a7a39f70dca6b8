#include "domain/account/session_cache.h"

#include <algorithm>

namespace parkhq {

std::optional<SessionCache::Entry> SessionCache::Find(const std::string& token_hash, int64_t now) const {
  std::lock_guard lock(mu_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end() || now - it->second.checked_at >= recheck_ || now < it->second.checked_at)
    return std::nullopt;
  return it->second;
}

uint64_t SessionCache::generation() const {
  std::lock_guard lock(mu_);
  return generation_;
}

void SessionCache::Put(Entry e, uint64_t generation_at_read) {
  if (capacity_ == 0) return;
  std::lock_guard lock(mu_);
  if (generation_ != generation_at_read) return;  // erased while it was being read
  auto it = entries_.find(e.session.token_hash);
  if (it != entries_.end()) {
    e.session.last_seen = std::max(e.session.last_seen, it->second.session.last_seen);
    e.flushed = std::max(e.flushed, it->second.flushed);
    it->second = std::move(e);
    return;
  }
  if (entries_.size() >= capacity_) MakeRoom(e.checked_at);
  std::string key = e.session.token_hash;
  entries_.emplace(std::move(key), std::move(e));
}

bool SessionCache::Touch(const std::string& token_hash, int64_t now, int64_t flush_seconds) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end()) return true;  // not cached (capacity 0): write through, as before
  Entry& e = it->second;
  e.session.last_seen = std::max(e.session.last_seen, now);
  if (now - e.flushed < flush_seconds) return false;
  e.flushed = now;
  return true;
}

int64_t SessionCache::LastSeen(const std::string& token_hash) const {
  std::lock_guard lock(mu_);
  auto it = entries_.find(token_hash);
  return it == entries_.end() ? 0 : it->second.session.last_seen;
}

void SessionCache::Erase(const std::string& token_hash) {
  std::lock_guard lock(mu_);
  ++generation_;
  entries_.erase(token_hash);
}

void SessionCache::EraseUser(int64_t user_id) {
  std::lock_guard lock(mu_);
  ++generation_;
  std::erase_if(entries_, [&](const auto& kv) { return kv.second.user.id == user_id; });
}

size_t SessionCache::size() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}

void SessionCache::MakeRoom(int64_t now) {
  std::erase_if(entries_, [&](const auto& kv) { return now - kv.second.checked_at >= recheck_; });
  // Still full: drop arbitrary entries (hash order) down to 7/8 of the capacity, so a burst of new
  // sessions does not pay for a scan each.
  const size_t target = capacity_ - capacity_ / 8 - 1;
  while (entries_.size() > target && !entries_.empty()) entries_.erase(entries_.begin());
}

}  // namespace parkhq
