// The scheduled jobs of issue 12. Each is idempotent: the work it does is keyed in job_done (a
// park's month for drafts, a date for backups, a year for the roll-over), and reminders carry a
// dedup key per firm and day, so a rerun never repeats work. Dates come from parkhq::Today().
#include <algorithm>
#include <filesystem>

#include "app/briefing_wiring.h"
#include "domain/enterprise/enterprise_service.h"
#include "domain/monitoring/monitoring_service.h"

namespace parkhq::app {

namespace {

constexpr int kRemindDaysBefore = 3;

Scope System() {
  Scope s;
  s.username = "system";
  s.role = Role::kSysadmin;
  s.all_parks = true;
  return s;
}

StatusOr<std::vector<Park>> TopParks(OrgRepository& org) {
  PARKHQ_ASSIGN_OR_RETURN(auto all, org.ListParks());
  std::vector<Park> out;
  for (auto& p : all)
    if (!p.parent_id) out.push_back(std::move(p));
  return out;
}

}  // namespace

void AddJobs(BriefingWiring& w, storage::Database& db, OrgRepository& org, const monitoring::MonitoringService& monitoring,
             const enterprise::EnterpriseService* enterprises, std::string backup_dir, int keep) {
  // Reminders before the reporting deadline of last month's report.
  w.jobs.Register({"report_reminders", "报送截止前提醒",
              "每天检查；企业月报截止日前 3 天内，向未报企业的用户发送提醒（每家每天最多一次）",
              [&w, &org, enterprises](jobs::JobContext& ctx) -> Status {
                if (!enterprises) return Status::Ok();
                const Period period = ctx.today().period().AddMonths(-1);
                PARKHQ_ASSIGN_OR_RETURN(auto parks, TopParks(org));
                for (const auto& p : parks) {
                  auto st = enterprises->ReportingStatusOf(System(), p.id, period);
                  if (!st.ok()) continue;
                  const int64_t days = st->deadline.DaysSinceEpoch() - ctx.today().DaysSinceEpoch();
                  if (days < 0 || days > kRemindDaysBefore || st->missing_names.empty()) continue;
                  PARKHQ_ASSIGN_OR_RETURN(auto r, w.notifications.RemindLate(System(), p.id, period, ctx.today(),
                                                                           "截止前自动提醒"));
                  ctx.Log(p.name + " " + period.ToString() + "：未报 " + std::to_string(r.enterprises) + " 家，新提醒 " +
                          std::to_string(r.notified) + " 人");
                }
                return Status::Ok();
              }});
  // The monthly briefing draft, once the reporting deadline of last month has passed.
  w.jobs.Register({"monthly_briefing", "月度通报草稿", "每天检查；上月报送截止日之后，为每个园区生成一次上月经济运行通报草稿",
              [&w, &org, enterprises](jobs::JobContext& ctx) -> Status {
                const Period period = ctx.today().period().AddMonths(-1);
                PARKHQ_ASSIGN_OR_RETURN(auto parks, TopParks(org));
                for (const auto& p : parks) {
                  const std::string key = "park:" + std::to_string(p.id) + ":" + period.ToString();
                  PARKHQ_ASSIGN_OR_RETURN(bool done, ctx.IsDone(key));
                  if (done) continue;
                  Date deadline = Date::LastOfMonth(period.AddMonths(1)).AddDays(0);
                  if (enterprises)
                    if (auto st = enterprises->ReportingStatusOf(System(), p.id, period); st.ok()) deadline = st->deadline;
                  if (ctx.today() <= deadline) continue;
                  PARKHQ_ASSIGN_OR_RETURN(int64_t existing, w.repo.CountFor(p.id, period));
                  if (existing == 0) {
                    PARKHQ_ASSIGN_OR_RETURN(auto b, w.service.Generate(System(), p.id, period, ctx.today()));
                    notify::Notification n;
                    n.park_id = p.id;
                    n.kind = "todo";
                    n.category = "briefing";
                    n.title = "请审核" + b.content.title + "（草稿）";
                    n.link = "/briefings/" + std::to_string(b.id);
                    n.dedup_key = "briefing:draft:" + std::to_string(b.id);
                    (void)w.notifications.NotifyParkAdmins(p.id, n);
                    ctx.Log(p.name + "：已生成 " + period.ToString() + " 通报草稿 #" + std::to_string(b.id));
                  } else {
                    ctx.Log(p.name + "：" + period.ToString() + " 已有通报，跳过");
                  }
                  PARKHQ_RETURN_IF_ERROR(ctx.MarkDone(key).status());
                }
                return Status::Ok();
              }});
  // The nightly online backup with retention.
  w.jobs.Register({"nightly_backup", "在线备份", "每天一次；SQLite 在线备份（VACUUM INTO）到备份目录，保留最近 " +
                                                std::to_string(keep) + " 份",
              [&db, backup_dir, keep](jobs::JobContext& ctx) -> Status {
                namespace fs = std::filesystem;
                if (db.engine() != storage::Engine::kSqlite) {
                  ctx.Log("PostgreSQL：请使用 pg_dump 或集群自身的备份，此任务不执行");
                  return Status::Ok();
                }
                std::error_code ec;
                fs::create_directories(backup_dir, ec);
                const fs::path file = fs::path(backup_dir) / ("parkhq-" + ctx.today().ToString() + ".db");
                if (fs::exists(file)) {
                  ctx.Log("今天的备份已存在：" + file.string());
                } else {
                  PARKHQ_RETURN_IF_ERROR(storage::OnlineBackup(db, file.string()));
                  ctx.Log("已备份到 " + file.string());
                }
                std::vector<fs::path> files;
                for (const auto& e : fs::directory_iterator(backup_dir, ec)) {
                  const std::string name = e.path().filename().string();
                  if (name.rfind("parkhq-", 0) == 0 && e.path().extension() == ".db") files.push_back(e.path());
                }
                std::sort(files.begin(), files.end());
                for (size_t i = 0; i + keep < files.size(); ++i) {
                  fs::remove(files[i], ec);
                  ctx.Log("按保留策略删除 " + files[i].filename().string());
                }
                return Status::Ok();
              }});
  // The yearly roll-over of targets: this year's targets from last year's growth targets.
  w.jobs.Register({"yearly_rollover", "年度目标滚动",
              "每天检查；新的一年尚无目标时，按上年的增长目标、以上年全年实绩为基数生成本年度目标（每园区一次）",
              [&org, &monitoring](jobs::JobContext& ctx) -> Status {
                const int year = ctx.today().year;
                PARKHQ_ASSIGN_OR_RETURN(auto parks, TopParks(org));
                for (const auto& p : parks) {
                  const std::string key = "year:" + std::to_string(year) + ":park:" + std::to_string(p.id);
                  PARKHQ_ASSIGN_OR_RETURN(bool done, ctx.IsDone(key));
                  if (done) continue;
                  PARKHQ_ASSIGN_OR_RETURN(auto now, monitoring.GetTargets(System(), p.id, year));
                  PARKHQ_ASSIGN_OR_RETURN(auto last, monitoring.GetTargets(System(), p.id, year - 1));
                  if (now.items.empty() && !last.items.empty()) {
                    PARKHQ_ASSIGN_OR_RETURN(auto dec, monitoring.ParkMonitoring(System(), p.id, Period{year - 1, 12},
                                                                              monitoring::Basis::kAll));
                    monitoring::YearTargets next;
                    for (const auto& row : last.items) {
                      monitoring::AnnualTarget t;
                      t.growth_pct = row.target.growth_pct;
                      if (t.growth_pct) {
                        for (const auto& r : dec.rows)
                          if (r.indicator.code == row.indicator.code) t.base = r.figures.ytd;
                        if (!t.base) t.target = row.effective;
                      } else {
                        t.target = row.effective;
                      }
                      next[row.indicator.code] = t;
                    }
                    PARKHQ_RETURN_IF_ERROR(monitoring.PutTargets(System(), p.id, year, next).status());
                    ctx.Log(p.name + "：已生成 " + std::to_string(year) + " 年度目标 " + std::to_string(next.size()) + " 项");
                  }
                  PARKHQ_RETURN_IF_ERROR(ctx.MarkDone(key).status());
                }
                return Status::Ok();
              }});
}

}  // namespace parkhq::app
