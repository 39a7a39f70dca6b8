#include "app/task_demo.h"

#include <map>
#include <optional>

#include "common/time.h"

namespace parkhq::app {
namespace {

using storage::Connection;
using storage::Value;

struct ItemSeed {
  int task_no;
  const char* content;
  double target;        // 0 = a milestone
  const char* unit;
  double weight;
  const char* lead;     // "、"-separated unit names
  const char* resp;
  const char* frequency;
  const char* link;     // indicator code or ""
  bool rolling;         // this year's item (deadline 31 December of the current year)
};

// The breakdown the plan's attachment calls for; targets from the plan's text (section 1 and tasks).
const ItemSeed kItems[] = {
    {1, "编制园区产业发展定位报告并通过市政府审定（演示）", 0, "", 3, "工业园区", "工信局、发改局", "once", "", false},
    {3, "园区工业总产值达到15.7亿元（演示）", 157000, "万元", 8, "工业园区、工信局", "招商服务中心", "monthly", "output", false},
    {4, "培育认定高新技术企业2户（演示）", 2, "户", 4, "工业园区", "科技局", "quarterly", "", false},
    {12, "新增规上企业5户（演示）", 5, "户", 8, "工业园区、工信局", "发改局、招商服务中心", "monthly", "new_above_scale", false},
    {13, "规下转规上后备企业入库10户（演示）", 10, "户", 4, "工业园区", "工信局", "quarterly", "", false},
    {16, "完成“标准地”出让2宗（演示）", 2, "宗", 4, "工业园区", "自然资源局", "quarterly", "", false},
    {17, "处置五类低效用地300亩（演示）", 300, "亩", 5, "工业园区", "自然资源局", "quarterly", "", false},
    {18, "建立园区人才需求信息库（演示）", 0, "", 3, "工业园区", "人社局", "once", "", false},
    {19, "化工园区认定48项任务清单完成（演示）", 48, "项", 6, "工业园区", "工信局、生态环境局华亭分局", "monthly", "", false},
    {21, "项目审批平均时限压缩至30个工作日（演示）", 0, "", 4, "工业园区", "政务服务中心", "once", "", false},
    {23, "招引新入园企业5户（演示）", 5, "户", 8, "工业园区", "招商服务中心", "monthly", "new_enterprises", false},
    {24, "固定资产投资完成3.14亿元（演示）", 31400, "万元", 10, "工业园区", "发改局、工信局", "monthly", "fai", false},
    {24, "重点项目开工率达到90%（演示）", 90, "%", 4, "工业园区", "发改局", "quarterly", "", false},
    {25, "园区污水处理厂建成投运（演示）", 0, "", 4, "工业园区", "生态环境局华亭分局", "once", "", false},
    {23, "本年度招商签约项目6个（演示，年度滚动）", 6, "个", 5, "工业园区", "招商服务中心", "quarterly", "", true},
    {13, "本年度走访入规培育企业40户（演示，年度滚动）", 40, "户", 4, "工业园区", "工信局", "monthly", "", true},
};

struct ReportSeed {
  int item;  // index into kItems
  const char* unit;
  const char* period;  // "" = the current period of a rolling item
  const char* text;
  std::optional<double> value;
  std::optional<double> progress_pct;
  const char* state;
};

const ReportSeed kReports[] = {
    {0, "工信局", "once", "定位报告已经市政府常务会议审定（演示）", std::nullopt, 100, "accepted"},
    {2, "科技局", "2023-Q3", "1户企业通过高新技术企业认定（演示）", 1, std::nullopt, "accepted"},
    {2, "科技局", "2023-Q4", "2户企业通过认定（演示）", 2, std::nullopt, "accepted"},
    {4, "工信局", "2023-Q4", "后备库入库8户（演示）", 8, std::nullopt, "accepted"},
    {5, "自然资源局", "2023-Q4", "完成标准地出让1宗，另1宗挂牌中（演示）", 1, std::nullopt, "submitted"},
    {6, "自然资源局", "2023-Q4", "已处置低效用地180亩（演示）", 180, std::nullopt, "accepted"},
    {7, "人社局", "once", "人才需求信息库已上线（演示）", std::nullopt, 100, "accepted"},
    {8, "工信局", "2023-11", "48项任务完成40项（演示）", 40, std::nullopt, "accepted"},
    {9, "政务服务中心", "once", "平均审批时限压缩至28个工作日（演示）", std::nullopt, 100, "accepted"},
    {12, "发改局", "2023-Q4", "开工率85%（演示）", 85, std::nullopt, "accepted"},
    {13, "生态环境局华亭分局", "once", "主体工程完工，设备调试中（演示）", std::nullopt, 70, "submitted"},
    {14, "招商服务中心", "", "已签约1个，另有3个在洽谈（演示）", 1, std::nullopt, "returned"},
    {15, "工信局", "", "本月走访培育企业12户（演示）", 12, std::nullopt, "submitted"},
};

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  const std::string sep = "、";
  size_t pos = 0;
  while (pos < s.size()) {
    size_t at = s.find(sep, pos);
    if (at == std::string::npos) at = s.size();
    if (at > pos) out.push_back(s.substr(pos, at - pos));
    pos = at + sep.size();
  }
  return out;
}

std::string Label(const std::string& freq, Date d) {
  if (freq == "monthly") return d.period().ToString();
  if (freq == "quarterly") return std::to_string(d.year) + "-Q" + std::to_string((d.month - 1) / 3 + 1);
  return "once";
}

}  // namespace

Status SeedTaskDemo(storage::Database& db) {
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  Connection& c = *conn;
  PARKHQ_ASSIGN_OR_RETURN(auto park_row, c.QueryOne("SELECT id FROM parks WHERE is_demo = 1 AND parent_id IS NULL "
                                                    "ORDER BY id"));
  if (!park_row) return Status::Ok();
  const int64_t park = park_row->Int(0);
  PARKHQ_ASSIGN_OR_RETURN(auto any, c.QueryOne("SELECT COUNT(*) FROM task_items WHERE park_id = ?", {park}));
  if (any->Int(0) > 0) return Status::Ok();
  storage::Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  const std::string now = NowIso();
  // The plan as data: the 2023 plan owns the seeded tasks (the migration does this for databases
  // whose tasks existed before it).
  PARKHQ_ASSIGN_OR_RETURN(auto plan, c.QueryOne("SELECT id FROM task_plans WHERE park_id = ? AND year = 2023", {park}));
  int64_t plan_id = 0;
  if (plan) {
    plan_id = plan->Int(0);
  } else {
    PARKHQ_ASSIGN_OR_RETURN(plan_id, c.InsertId("INSERT INTO task_plans(park_id, year, title, doc_no, is_current, "
                                                "created_at) VALUES (?, 2023, '关于进一步加快工业园区高质量发展实施方案', "
                                                "'华政办发〔2023〕52号', 1, '2023-09-06T00:00:00Z') RETURNING id",
                                                {park}));
  }
  PARKHQ_RETURN_IF_ERROR(c.Exec("UPDATE tasks SET plan_id = ? WHERE park_id = ? AND plan_id IS NULL", {plan_id, park}).status());

  std::map<std::string, int64_t> units;
  PARKHQ_ASSIGN_OR_RETURN(auto urows, c.Query("SELECT id, name FROM units"));
  for (const auto& r : urows) units[r.Text(1)] = r.Int(0);
  std::map<int, int64_t> tasks;
  PARKHQ_ASSIGN_OR_RETURN(auto trows, c.Query("SELECT id, no FROM tasks WHERE park_id = ?", {park}));
  for (const auto& r : trows) tasks[static_cast<int>(r.Int(1))] = r.Int(0);

  const Date today = Today();
  std::vector<int64_t> item_ids;
  int64_t sort = 0;
  for (const auto& s : kItems) {
    if (!tasks.count(s.task_no)) return Status::Internal("task demo: no task " + std::to_string(s.task_no));
    const std::string start = s.rolling ? std::to_string(today.year) + "-01-01" : "2023-01-01";
    const std::string deadline = s.rolling ? std::to_string(today.year) + "-12-31" : "2023-12-31";
    PARKHQ_ASSIGN_OR_RETURN(int64_t id, c.InsertId("INSERT INTO task_items(park_id, task_id, content, target_value, "
                                                   "target_unit, milestone, weight, start_date, deadline, frequency, "
                                                   "evidence, link_kind, link_ref, link_park_id, sort, is_demo, "
                                                   "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?) "
                                                   "RETURNING id",
                                                   {park, tasks[s.task_no], std::string(s.content),
                                                    s.target > 0 ? Value(s.target) : Value(), std::string(s.unit),
                                                    std::string(s.target > 0 ? "" : "按期完成"), s.weight, start,
                                                    deadline, std::string(s.frequency),
                                                    std::string("工作台账、相关文件（演示）"),
                                                    std::string(*s.link ? "indicator" : ""), std::string(s.link),
                                                    *s.link ? Value(park) : Value(), sort++, now, now}));
    item_ids.push_back(id);
    int64_t us = 0;
    for (const auto& [role, names] : {std::pair{"lead", s.lead}, std::pair{"responsible", s.resp}})
      for (const auto& n : Split(names)) {
        if (!units.count(n)) return Status::Internal("task demo: no unit " + n);
        PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO task_item_units(park_id, item_id, unit_id, role, sort) VALUES (?,?,?,?,?)",
                                      {park, id, units[n], std::string(role), us++})
                                   .status());
      }
  }
  for (const auto& r : kReports) {
    const ItemSeed& s = kItems[r.item];
    const std::string period = *r.period ? r.period : Label(s.frequency, today);
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO task_reports(park_id, item_id, unit_id, period, text, value, progress_pct, "
                                  "state, review_comment, reviewed_by, created_by, created_at, is_demo) "
                                  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1)",
                                  {park, item_ids[r.item], units[r.unit], period, std::string(r.text),
                                   storage::Opt(r.value), storage::Opt(r.progress_pct), std::string(r.state),
                                   std::string(std::string(r.state) == "returned" ? "请补充签约合同（演示）" : ""),
                                   std::string(std::string(r.state) == "submitted" ? "" : "parkadmin"),
                                   std::string("demo"), now})
                               .status());
  }

  // 督办单 at each light, relative to today; one closed.
  PARKHQ_ASSIGN_OR_RETURN(int64_t ins, c.InsertId("INSERT INTO instructions(park_id, target_kind, target_id, text, "
                                                  "created_by, created_at) VALUES (?, 'project', '1', ?, 'leader', ?) "
                                                  "RETURNING id",
                                                  {park, std::string("请发改局、工信局倒排工期，确保年内开工（演示）"), now}));
  const Date held = today.AddDays(-30);
  PARKHQ_ASSIGN_OR_RETURN(int64_t meeting, c.InsertId(
      "INSERT INTO meetings(park_id, title, held_on, chair, units, agenda, minutes, created_by, created_at, is_demo) "
      "VALUES (?,?,?,?,?,?,?,'parkadmin',?,1) RETURNING id",
      {park, std::string(std::to_string(held.year) + "年" + std::to_string(held.month) + "月经济运行调度会（演示）"),
       held.ToString(), std::string("园区管委会主任（演示）"),
       std::string("工信局、发改局、招商服务中心、自然资源局、工业园区"),
       std::string("通报1-" + std::to_string(held.month) + "月园区经济运行情况（演示）\n研究新入园企业招引滞后问题（演示）\n"
                   "部署标准地出让合同履约核查（演示）"),
       std::string("会议听取了各单位工作汇报，对滞后事项逐项研究，明确了责任单位和完成时限（演示）。"), now}));
  struct SupSeed {
    const char* title;
    int days;  // deadline − today
    const char* kind;
    std::string source_id;
    const char* source_text;
    std::vector<std::pair<const char*, const char*>> units;  // name, state
    bool closed;
  };
  const std::vector<SupSeed> sups = {
      {"督办：加快聚丙烯高值化产业园项目开工（演示）", 15, "instruction", std::to_string(ins),
       "领导批示：请发改局、工信局倒排工期，确保年内开工（演示）", {{"发改局", "assigned"}, {"工信局", "received"}}, false},
      {"督办：新入园企业招引进度滞后（演示）", 2, "meeting", std::to_string(meeting), "调度会议定：新入园企业招引滞后（演示）",
       {{"招商服务中心", "received"}}, false},
      {"督办：补报化工园区认定任务台账（演示）", -5, "task_item", std::to_string(item_ids[8]),
       "化工园区认定48项任务清单完成（演示）", {{"工信局", "assigned"}}, false},
      {"督办：标准地出让合同履约核查（演示）", -20, "meeting", std::to_string(meeting), "经济运行调度会议定事项（演示）",
       {{"自然资源局", "confirmed"}}, true},
  };
  int n = 0;
  for (const auto& s : sups) {
    const std::string no = "督办〔" + std::to_string(today.year) + "〕" + std::to_string(++n) + "号";
    const std::string issued = today.AddDays(-30).ToString() + "T01:00:00Z";
    PARKHQ_ASSIGN_OR_RETURN(int64_t id, c.InsertId("INSERT INTO supervisions(park_id, no, title, content, deadline, "
                                                   "source_kind, source_id, source_text, state, issued_by, issued_at, "
                                                   "closed_at, is_demo) VALUES (?,?,?,?,?,?,?,?,?,'parkadmin',?,?,1) "
                                                   "RETURNING id",
                                                   {park, no, std::string(s.title), std::string("请按期办结并报送办结报告（演示）"),
                                                    today.AddDays(s.days).ToString(), std::string(s.kind), s.source_id,
                                                    std::string(s.source_text), std::string(s.closed ? "closed" : "open"),
                                                    issued, s.closed ? Value(now) : Value()}));
    PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO supervision_events(park_id, supervision_id, unit_id, kind, text, at, "
                                  "username) VALUES (?,?,NULL,'issue',?,?,'parkadmin')",
                                  {park, id, std::string(s.title), issued})
                               .status());
    for (const auto& [name, state] : s.units) {
      const std::string st = state;
      const bool received = st != "assigned";
      PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO supervision_units(park_id, supervision_id, unit_id, state, received_at, "
                                    "done_at, done_text, confirmed_at) VALUES (?,?,?,?,?,?,?,?)",
                                    {park, id, units[name], st, received ? Value(issued) : Value(),
                                     st == "confirmed" ? Value(now) : Value(),
                                     std::string(st == "confirmed" ? "已完成核查，履约正常（演示）" : ""),
                                     st == "confirmed" ? Value(now) : Value()})
                                 .status());
      if (received)
        PARKHQ_RETURN_IF_ERROR(c.Exec("INSERT INTO supervision_events(park_id, supervision_id, unit_id, kind, text, at, "
                                      "username) VALUES (?,?,?,'receive','',?,'demo')",
                                      {park, id, units[name], issued})
                                   .status());
    }
  }
  return tx.Commit();
}

}  // namespace parkhq::app
