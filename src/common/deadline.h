// A cooperative work deadline per thread: the server sets one around each request it runs on a
// worker (ScopedDeadline); parsers and heavy computations call DeadlinePassed() in their loops and
// give up with DeadlineStatus() when it is true. Without a ScopedDeadline nothing ever expires.
#pragma once
#include <chrono>

#include "common/status.h"

namespace parkhq {

class ScopedDeadline {
 public:
  // A deadline `seconds` from now on this thread (<= 0: none). Restores the previous one on exit.
  explicit ScopedDeadline(double seconds);
  ~ScopedDeadline();
  ScopedDeadline(const ScopedDeadline&) = delete;
  ScopedDeadline& operator=(const ScopedDeadline&) = delete;

 private:
  std::chrono::steady_clock::time_point previous_;
  bool had_previous_;
};

// True once this thread's deadline has passed. Cheap: reads the clock only every 1024 calls.
bool DeadlinePassed();

// The 413 a request gets when its work ran past the deadline.
Status DeadlineStatus();

}  // namespace parkhq
