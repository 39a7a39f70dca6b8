#include "domain/jobs/job_runner.h"

#include <gtest/gtest.h>

#include <set>

namespace parkhq::jobs {
namespace {

class MemoryJobs final : public JobRepository {
 public:
  StatusOr<int64_t> StartRun(const std::string& job, const std::string& trigger, const std::string& by,
                             const std::string& at) override {
    runs.push_back({static_cast<int64_t>(runs.size() + 1), job, trigger, at, "", "running", "", by});
    return runs.back().id;
  }
  Status FinishRun(int64_t id, const std::string& status, const std::string& log, const std::string& at) override {
    runs[id - 1].status = status;
    runs[id - 1].log = log;
    runs[id - 1].finished_at = at;
    return Status::Ok();
  }
  StatusOr<std::vector<JobRun>> Runs(const std::string& job, int limit) override {
    std::vector<JobRun> out;
    for (auto it = runs.rbegin(); it != runs.rend() && static_cast<int>(out.size()) < limit; ++it)
      if (it->job == job) out.push_back(*it);
    return out;
  }
  StatusOr<bool> IsDone(const std::string& job, const std::string& key) override { return done.count(job + "|" + key) > 0; }
  StatusOr<bool> MarkDone(const std::string& job, const std::string& key, const std::string&) override {
    return done.insert(job + "|" + key).second;
  }
  std::vector<JobRun> runs;
  std::set<std::string> done;
};

Scope As(Role r) {
  Scope s;
  s.username = "u";
  s.role = r;
  s.all_parks = true;
  return s;
}

TEST(JobRunner, ReRunsDoNotRepeatKeyedWorkAndTicksRunOncePerDay) {
  MemoryJobs repo;
  Date today{2023, 7, 11};
  JobRunner runner(repo, [&] { return today; });
  int drafts = 0;
  runner.Register({"monthly_briefing", "月度通报草稿", "每天", [&](JobContext& ctx) -> Status {
                     const std::string key = "park:1:" + ctx.today().period().AddMonths(-1).ToString();
                     PARKHQ_ASSIGN_OR_RETURN(bool fresh, ctx.MarkDone(key));
                     if (fresh) ++drafts;
                     ctx.Log(fresh ? "generated" : "skipped");
                     return Status::Ok();
                   }});
  auto r1 = runner.RunNow(As(Role::kSysadmin), "monthly_briefing");
  auto r2 = runner.RunNow(As(Role::kParkAdmin), "monthly_briefing");
  ASSERT_TRUE(r1.ok() && r2.ok());
  EXPECT_EQ(drafts, 1);
  EXPECT_EQ(r2->log, "skipped\n");
  EXPECT_EQ(r2->trigger, "manual");
  runner.Tick();
  runner.Tick();
  EXPECT_EQ(repo.runs.size(), 3u) << "one scheduled run per day";
  today = {2023, 8, 11};
  runner.Tick();
  EXPECT_EQ(repo.runs.size(), 4u);
  EXPECT_EQ(drafts, 2) << "a new month's draft";
  auto list = runner.List(As(Role::kParkAdmin));
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->at(0).runs.size(), 4u);
  EXPECT_EQ(list->at(0).runs.front().trigger, "schedule");
}

TEST(JobRunner, RefusesOtherRolesAndUnknownJobsAndLogsFailures) {
  MemoryJobs repo;
  JobRunner runner(repo, [] { return Date{2023, 7, 1}; });
  runner.Register({"broken", "坏任务", "每天", [](JobContext&) -> Status { return Status::Internal("disk full"); }});
  EXPECT_EQ(runner.RunNow(As(Role::kDepartment), "broken").status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(runner.List(As(Role::kLeader)).status().code(), StatusCode::kPermissionDenied);
  Scope ro = As(Role::kParkAdmin);
  ro.read_only = true;
  EXPECT_EQ(runner.RunNow(ro, "broken").status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(runner.RunNow(As(Role::kSysadmin), "nope").status().code(), StatusCode::kNotFound);
  auto r = runner.RunNow(As(Role::kSysadmin), "broken");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, "failed");
  EXPECT_NE(r->log.find("disk full"), std::string::npos);
}

}  // namespace
}  // namespace parkhq::jobs
