// One background thread that runs posted jobs in order (for refreshing cached results off the
// request path). Post never blocks: past `max_pending` queued jobs it drops the job and returns
// false. The destructor runs no more queued jobs; it waits for the running one and joins.
// Thread-safe. Jobs must not throw (an escaping exception is caught and dropped).
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace parkhq {

class BackgroundWorker {
 public:
  explicit BackgroundWorker(size_t max_pending = 64);
  ~BackgroundWorker();
  BackgroundWorker(const BackgroundWorker&) = delete;
  BackgroundWorker& operator=(const BackgroundWorker&) = delete;

  bool Post(std::function<void()> job);
  // Waits until every job posted before this call has run (tests).
  void Drain();

 private:
  void Run();
  const size_t max_pending_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::condition_variable idle_cv_;
  std::deque<std::function<void()>> jobs_;  // guarded by mu_
  bool busy_ = false;                       // guarded by mu_
  bool stop_ = false;                       // guarded by mu_
  std::thread thread_;                      // last: started after the fields above exist
};

}  // namespace parkhq
