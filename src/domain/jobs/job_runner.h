// Scheduled jobs run inside the server (issue 12; no cron): a thread wakes every minute and runs
// each job that is due today and has not run today. Every job is idempotent — the work it does is
// keyed (job, key) in storage and never done twice — so "run now" and reruns are safe.
//
// Access: listing and running jobs need the sysadmin or a park admin (403 otherwise); read-only
// callers may list but not run.
// Thread safety: Register() before Start(); the rest is thread-safe (a job runs under its own mutex, so
// a manual run and a scheduled run of the same job never overlap).
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/status_or.h"
#include "common/time.h"
#include "domain/access/scope.h"

namespace parkhq::jobs {

struct JobRun {
  int64_t id = 0;
  std::string job;
  std::string trigger;  // schedule | manual
  std::string started_at, finished_at;
  std::string status;   // running | ok | failed
  std::string log;
  std::string by;
};

class JobRepository {
 public:
  virtual ~JobRepository() = default;
  virtual StatusOr<int64_t> StartRun(const std::string& job, const std::string& trigger, const std::string& by,
                                     const std::string& at) = 0;
  virtual Status FinishRun(int64_t id, const std::string& status, const std::string& log, const std::string& at) = 0;
  virtual StatusOr<std::vector<JobRun>> Runs(const std::string& job, int limit) = 0;
  virtual StatusOr<bool> IsDone(const std::string& job, const std::string& key) = 0;
  // Records the key; false when it was already recorded.
  virtual StatusOr<bool> MarkDone(const std::string& job, const std::string& key, const std::string& at) = 0;
};

// What a job's body gets: today, a log to append to, and the done-keys of its job.
class JobContext {
 public:
  JobContext(JobRepository& repo, std::string job, Date today) : repo_(repo), job_(std::move(job)), today_(today) {}
  Date today() const { return today_; }
  void Log(const std::string& line) { log_ += line + "\n"; }
  const std::string& log() const { return log_; }
  StatusOr<bool> IsDone(const std::string& key) { return repo_.IsDone(job_, key); }
  StatusOr<bool> MarkDone(const std::string& key) { return repo_.MarkDone(job_, key, NowIso()); }

 private:
  JobRepository& repo_;
  std::string job_;
  Date today_;
  std::string log_;
};

struct Job {
  std::string name;      // report_reminders | monthly_briefing | nightly_backup | yearly_rollover
  std::string title;     // 报送截止前提醒 …
  std::string schedule;  // human text: 每天检查；截止日前 3 天内提醒
  std::function<Status(JobContext&)> run;
};

struct JobInfo {
  std::string name, title, schedule;
  std::vector<JobRun> runs;  // newest first
};

class JobRunner {
 public:
  JobRunner(JobRepository& repo, std::function<Date()> today = Today) : repo_(repo), today_(std::move(today)) {}
  ~JobRunner() { Stop(); }

  void Register(Job job);
  // Called after every run with the job's name, success and duration in seconds (metrics, the
  // status page). Set before Start; optional.
  void SetObserver(std::function<void(const std::string& name, bool ok, double seconds)> observer) {
    observer_ = std::move(observer);
  }
  StatusOr<std::vector<JobInfo>> List(const Scope& s, int runs_per_job = 10) const;
  // Runs the job now (manual). NotFound for an unknown name.
  StatusOr<JobRun> RunNow(const Scope& s, const std::string& name) const;
  // Runs every job whose daily key ("day:<date>") is not yet recorded (the scheduler's tick).
  void Tick() const;
  // Starts the scheduler thread (first tick after `first_delay_seconds`, then every interval).
  void Start(int interval_seconds = 60, int first_delay_seconds = 5);
  void Stop();

 private:
  StatusOr<JobRun> Run(const Job& job, const std::string& trigger, const std::string& by) const;

  JobRepository& repo_;
  std::function<Date()> today_;
  std::function<void(const std::string&, bool, double)> observer_;
  std::vector<Job> jobs_;
  std::map<std::string, std::unique_ptr<std::mutex>> locks_;  // per job; built by Register
  std::mutex stop_mu_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;  // guarded by stop_mu_
  std::thread thread_;
};

}  // namespace parkhq::jobs
