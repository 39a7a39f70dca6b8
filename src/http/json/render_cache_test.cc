#include "http/json/render_cache.h"

#include <gtest/gtest.h>

namespace parkhq::http {
namespace {

TEST(RenderCacheTest, RendersEachObjectOnceAndNeverConfusesANewOne) {
  RenderCache cache;
  int renders = 0;
  auto render = [&](const int& v) {
    ++renders;
    return std::to_string(v);
  };
  auto a = std::make_shared<const int>(1);
  EXPECT_EQ(*cache.Get(a, render), "1");
  EXPECT_EQ(*cache.Get(a, render), "1");
  EXPECT_EQ(renders, 1);
  // An equal value in another object is another entry; a dropped object's entry is not reused even
  // if the allocator hands its address to a new object.
  auto b = std::make_shared<const int>(1);
  EXPECT_EQ(*cache.Get(b, render), "1");
  EXPECT_EQ(renders, 2);
  a.reset();
  auto c = std::make_shared<const int>(3);
  EXPECT_EQ(*cache.Get(c, render), "3");
  EXPECT_EQ(renders, 3);
}

TEST(RenderCacheTest, KeepsABoundedNumberOfBodies) {
  RenderCache cache;
  std::vector<std::shared_ptr<const int>> live;
  int renders = 0;
  auto render = [&](const int& v) {
    ++renders;
    return std::to_string(v);
  };
  for (int i = 0; i < 40; ++i) {
    live.push_back(std::make_shared<const int>(i));
    cache.Get(live.back(), render);
  }
  EXPECT_EQ(renders, 40);
  cache.Get(live.back(), render);  // recent: still there
  EXPECT_EQ(renders, 40);
  cache.Get(live.front(), render);  // evicted long ago: rendered again
  EXPECT_EQ(renders, 41);
}

}  // namespace
}  // namespace parkhq::http
