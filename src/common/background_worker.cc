#include "common/background_worker.h"

#include <utility>

namespace parkhq {

BackgroundWorker::BackgroundWorker(size_t max_pending) : max_pending_(max_pending), thread_([this] { Run(); }) {}

BackgroundWorker::~BackgroundWorker() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
    jobs_.clear();
  }
  cv_.notify_all();
  thread_.join();
}

bool BackgroundWorker::Post(std::function<void()> job) {
  {
    std::lock_guard lock(mu_);
    if (stop_ || jobs_.size() >= max_pending_) return false;
    jobs_.push_back(std::move(job));
  }
  cv_.notify_one();
  return true;
}

void BackgroundWorker::Drain() {
  std::unique_lock lock(mu_);
  idle_cv_.wait(lock, [this] { return stop_ || (jobs_.empty() && !busy_); });
}

void BackgroundWorker::Run() {
  std::unique_lock lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return stop_ || !jobs_.empty(); });
    if (stop_) break;
    std::function<void()> job = std::move(jobs_.front());
    jobs_.pop_front();
    busy_ = true;
    lock.unlock();
    try {
      job();
    } catch (...) {  // a job reports its own failures; none may end the thread
    }
    lock.lock();
    busy_ = false;
    if (jobs_.empty()) idle_cv_.notify_all();
  }
  busy_ = false;
  idle_cv_.notify_all();
}

}  // namespace parkhq
