#include "domain/account/session_cache.h"

#include <gtest/gtest.h>

namespace parkhq {
namespace {

SessionCache::Entry MakeEntry(const std::string& hash, int64_t user_id, int64_t now) {
  SessionCache::Entry e;
  e.session.token_hash = hash;
  e.session.user_id = user_id;
  e.session.created_at = now;
  e.session.last_seen = now;
  e.user.id = user_id;
  e.checked_at = now;
  e.flushed = now;
  return e;
}

TEST(SessionCacheTest, AnswersOnlyWithinTheRecheckTime) {
  SessionCache c(10, 2);
  c.Put(MakeEntry("a", 1, 100), c.generation());
  EXPECT_TRUE(c.Find("a", 100).has_value());
  EXPECT_TRUE(c.Find("a", 101).has_value());
  EXPECT_FALSE(c.Find("a", 102).has_value());  // due for a new read
  EXPECT_FALSE(c.Find("b", 100).has_value());
}

TEST(SessionCacheTest, EraseAndEraseUserActAtOnce) {
  SessionCache c(10, 60);
  c.Put(MakeEntry("a", 1, 100), c.generation());
  c.Put(MakeEntry("b", 1, 100), c.generation());
  c.Put(MakeEntry("c", 2, 100), c.generation());
  c.Erase("a");
  EXPECT_FALSE(c.Find("a", 100).has_value());
  EXPECT_TRUE(c.Find("b", 100).has_value());
  c.EraseUser(1);
  EXPECT_FALSE(c.Find("b", 100).has_value());
  EXPECT_TRUE(c.Find("c", 100).has_value());
}

TEST(SessionCacheTest, AReloadThatRacedAnEraseIsDropped) {
  SessionCache c(10, 60);
  const uint64_t before = c.generation();  // a reader starts reading the database ...
  c.Erase("a");                            // ... the session is revoked meanwhile ...
  c.Put(MakeEntry("a", 1, 100), before);   // ... and the stale row must not come back
  EXPECT_FALSE(c.Find("a", 100).has_value());
  c.Put(MakeEntry("a", 1, 100), c.generation());
  EXPECT_TRUE(c.Find("a", 100).has_value());
}

TEST(SessionCacheTest, WritesLastSeenBackAtMostOncePerFlushTime) {
  SessionCache c(10, 1000);
  c.Put(MakeEntry("a", 1, 100), c.generation());
  EXPECT_FALSE(c.Touch("a", 130, 60));
  EXPECT_EQ(c.LastSeen("a"), 130);
  EXPECT_FALSE(c.Touch("a", 159, 60));
  EXPECT_TRUE(c.Touch("a", 160, 60));  // 60 s after the last write
  EXPECT_FALSE(c.Touch("a", 200, 60));
  EXPECT_TRUE(c.Touch("a", 220, 60));
  EXPECT_EQ(c.LastSeen("a"), 220);
  // A reload from the database (older last_seen) keeps the newer activity seen in memory.
  auto older = MakeEntry("a", 1, 100);
  older.checked_at = 230;
  c.Put(older, c.generation());
  EXPECT_EQ(c.LastSeen("a"), 220);
  EXPECT_FALSE(c.Touch("a", 230, 60));  // flushed at 220 is remembered too
}

TEST(SessionCacheTest, StaysWithinItsCapacity) {
  SessionCache c(8, 5);
  for (int i = 0; i < 100; ++i) {
    c.Put(MakeEntry("s" + std::to_string(i), i, 100), c.generation());
    EXPECT_LE(c.size(), 8u);
  }
  EXPECT_TRUE(c.Find("s99", 100).has_value());  // the newest one is kept
  SessionCache none(0, 5);
  none.Put(MakeEntry("a", 1, 100), none.generation());
  EXPECT_EQ(none.size(), 0u);
  EXPECT_TRUE(none.Touch("a", 100, 60));  // no cache: every use writes, as before
}

}  // namespace
}  // namespace parkhq
