#include "common/deadline.h"

#include <cmath>

#include "common/limits.h"

namespace parkhq {
namespace {
using Clock = std::chrono::steady_clock;
thread_local Clock::time_point tl_deadline{};
thread_local bool tl_active = false;
thread_local bool tl_expired = false;
thread_local unsigned tl_calls = 0;
}  // namespace

ScopedDeadline::ScopedDeadline(double seconds) : previous_(tl_deadline), had_previous_(tl_active) {
  tl_expired = false;
  tl_calls = 0;
  if (seconds > 0 && std::isfinite(seconds)) {
    tl_deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    tl_active = true;
  } else {
    tl_active = false;
  }
}

ScopedDeadline::~ScopedDeadline() {
  tl_deadline = previous_;
  tl_active = had_previous_;
  tl_expired = false;
}

bool DeadlinePassed() {
  if (!tl_active) return false;
  if (tl_expired) return true;
  if ((++tl_calls & 1023u) != 0) return false;
  tl_expired = Clock::now() >= tl_deadline;
  return tl_expired;
}

Status DeadlineStatus() {
  return Status(StatusCode::kPayloadTooLarge, "请求的处理量超过上限，已中止，请减小文件或数据量后重试");
}

}  // namespace parkhq
