#include "domain/jobs/job_runner.h"

#include <chrono>

namespace parkhq::jobs {

namespace {
bool MayManage(const Scope& s) { return s.role == Role::kSysadmin || s.role == Role::kParkAdmin; }
}  // namespace

void JobRunner::Register(Job job) {
  locks_[job.name] = std::make_unique<std::mutex>();
  jobs_.push_back(std::move(job));
}

StatusOr<std::vector<JobInfo>> JobRunner::List(const Scope& s, int runs_per_job) const {
  if (!MayManage(s)) return Status::PermissionDenied("只有系统管理员和园区管理员可以查看定时任务");
  std::vector<JobInfo> out;
  for (const auto& j : jobs_) {
    JobInfo info{j.name, j.title, j.schedule, {}};
    PARKHQ_ASSIGN_OR_RETURN(info.runs, repo_.Runs(j.name, runs_per_job));
    out.push_back(std::move(info));
  }
  return out;
}

StatusOr<JobRun> JobRunner::Run(const Job& job, const std::string& trigger, const std::string& by) const {
  std::lock_guard<std::mutex> lock(*locks_.at(job.name));
  JobRun run;
  run.job = job.name;
  run.trigger = trigger;
  run.by = by;
  run.started_at = NowIso();
  PARKHQ_ASSIGN_OR_RETURN(run.id, repo_.StartRun(job.name, trigger, by, run.started_at));
  JobContext ctx(repo_, job.name, today_());
  const auto started = std::chrono::steady_clock::now();
  Status st;
  try {
    st = job.run(ctx);
  } catch (const std::exception& e) {
    st = Status::Internal(e.what());
  }
  if (!st.ok()) ctx.Log("失败：" + st.message());
  run.status = st.ok() ? "ok" : "failed";
  run.log = ctx.log();
  run.finished_at = NowIso();
  if (observer_)
    observer_(job.name, st.ok(), std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  PARKHQ_RETURN_IF_ERROR(repo_.FinishRun(run.id, run.status, run.log, run.finished_at));
  return run;
}

StatusOr<JobRun> JobRunner::RunNow(const Scope& s, const std::string& name) const {
  if (!MayManage(s) || s.read_only) return Status::PermissionDenied("只有系统管理员和园区管理员可以运行定时任务");
  for (const auto& j : jobs_)
    if (j.name == name) return Run(j, "manual", s.username);
  return Status::NotFound("定时任务不存在");
}

void JobRunner::Tick() const {
  const std::string key = "day:" + today_().ToString();
  for (const auto& j : jobs_) {
    auto done = repo_.IsDone(j.name, key);
    if (!done.ok() || *done) continue;
    auto run = Run(j, "schedule", "system");
    (void)run;  // a failed run is logged; it is retried tomorrow or by "run now"
    (void)repo_.MarkDone(j.name, key, NowIso());
  }
}

void JobRunner::Start(int interval_seconds, int first_delay_seconds) {
  if (thread_.joinable() || jobs_.empty()) return;
  thread_ = std::thread([this, interval_seconds, first_delay_seconds] {
    int wait = first_delay_seconds;
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(stop_mu_);
        if (stop_cv_.wait_for(lock, std::chrono::seconds(wait), [this] { return stopping_; })) return;
      }
      Tick();
      wait = interval_seconds;
    }
  });
}

void JobRunner::Stop() {
  {
    std::lock_guard<std::mutex> lock(stop_mu_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace parkhq::jobs
