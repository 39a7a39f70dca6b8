// Plans, breakdown items, progress reports, statuses and the work queue.
#include "domain/task/task_service.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace parkhq::task {

const char* ReportStateCode(ReportState s) {
  switch (s) {
    case ReportState::kSubmitted: return "submitted";
    case ReportState::kAccepted: return "accepted";
    case ReportState::kReturned: return "returned";
  }
  return "submitted";
}

namespace {

bool Has(const std::vector<int64_t>& v, int64_t x) { return std::find(v.begin(), v.end(), x) != v.end(); }
bool HasUnit(const Scope& s, const std::vector<int64_t>& v) { return s.unit_id && Has(v, *s.unit_id); }

}  // namespace

StatusOr<std::vector<int64_t>> TaskService::ReadableParks(const Scope& s, std::optional<int64_t> park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto parks, org_.ListParks());
  std::vector<int64_t> out;
  for (const auto& p : parks)
    if (s.CanReadPark(p.id) && (!park_id || p.id == *park_id)) out.push_back(p.id);
  if (park_id && out.empty()) return Status::NotFound("园区不存在");
  return out;
}

StatusOr<int64_t> TaskService::ResolvePark(const Scope& s, std::optional<int64_t> park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto parks, org_.ListParks());
  for (const auto& p : parks) {
    if (!s.CanReadPark(p.id)) continue;
    if (park_id ? p.id == *park_id : !p.parent_id) return p.id;
  }
  return Status::NotFound("园区不存在");
}

StatusOr<std::map<int64_t, std::string>> TaskService::UnitNames() const {
  PARKHQ_ASSIGN_OR_RETURN(auto units, org_.ListUnits());
  std::map<int64_t, std::string> m;
  for (const auto& u : units) m[u.id] = u.name;
  return m;
}

StatusOr<std::vector<int64_t>> TaskService::ResolveUnits(const std::vector<std::string>& names, const std::string& field,
                                                         std::vector<FieldError>& errors) const {
  std::vector<int64_t> ids;
  for (const auto& n : names) {
    PARKHQ_ASSIGN_OR_RETURN(auto u, org_.FindUnitByName(n));
    if (!u) {
      errors.push_back({field, "未知的单位：" + n});
      continue;
    }
    if (!Has(ids, u->id)) ids.push_back(u->id);
  }
  return ids;
}

StatusOr<std::vector<Plan>> TaskService::ListPlans(const Scope& s) const {
  PARKHQ_ASSIGN_OR_RETURN(auto parks, ReadableParks(s, std::nullopt));
  PARKHQ_ASSIGN_OR_RETURN(auto plans, repo_.ListPlans(parks));
  std::map<int64_t, std::vector<Plan>> by_park;
  for (const auto& p : plans) by_park[p.park_id].push_back(p);
  const int year = Today().year;
  for (auto& p : plans) p.is_current = CurrentPlanId(by_park[p.park_id], year) == p.id;
  return plans;
}

StatusOr<ItemView> TaskService::View(const Item& i, const std::vector<Report>& reports,
                                     const std::map<int64_t, std::string>& names, Date today) const {
  ItemView v;
  v.item = i;
  for (int64_t u : i.lead_unit_ids) v.lead_units.push_back(names.count(u) ? names.at(u) : "");
  for (int64_t u : i.responsible_unit_ids) v.responsible_units.push_back(names.count(u) ? names.at(u) : "");
  std::vector<std::string> periods;
  for (const auto& r : reports) {
    if (r.item_id != i.id) continue;
    v.reports.push_back(r);
    if (r.state == ReportState::kReturned) {
      ++v.returned_reports;
      continue;
    }
    periods.push_back(r.period);
  }
  std::sort(v.reports.begin(), v.reports.end(), [](const Report& a, const Report& b) { return a.id > b.id; });
  if (i.link_kind == "project") {
    PARKHQ_ASSIGN_OR_RETURN(auto fig, repo_.ProjectFigure(std::atoll(i.link_ref.c_str()), i.deadline.year));
    if (fig && i.target_value && *i.target_value > 0) {
      v.current_value = *fig;
      v.progress = *fig / *i.target_value;
      v.progress_source = "project";
    }
  } else if (i.link_kind == "pool") {
    // Active members of the task park's pool ÷ target value.
    PARKHQ_ASSIGN_OR_RETURN(int64_t n, repo_.PoolMemberCount(i.park_id, i.link_ref));
    if (i.target_value && *i.target_value > 0) {
      v.current_value = static_cast<double>(n);
      v.progress = static_cast<double>(n) / *i.target_value;
      v.progress_source = "pool";
    }
  } else if (i.link_kind == "parcel") {
    PARKHQ_ASSIGN_OR_RETURN(auto f, repo_.FindParcel(std::atoll(i.link_ref.c_str())));
    if (f) {
      v.progress = ParcelProgress(*f, today, v.parcel_stage);
      v.progress_source = "parcel";
    }
  } else if (i.link_kind == "indicator") {
    // A linked item follows its data, never a typed figure.
    PARKHQ_ASSIGN_OR_RETURN(auto fig, repo_.IndicatorFigure(i.link_park_id.value_or(i.park_id), i.link_ref,
                                                            i.deadline.year));
    if (fig && i.target_value && *i.target_value > 0) {
      v.current_value = *fig;
      v.progress = *fig / *i.target_value;
      v.progress_source = "indicator";
    }
  } else {
    for (const auto& r : v.reports) {  // newest first: the latest report that counts
      if (r.state == ReportState::kReturned) continue;
      if (i.target_value && *i.target_value > 0 && r.value) {
        v.current_value = *r.value;
        v.progress = std::max(0.0, *r.value / *i.target_value);
      } else if (r.progress_pct) {
        v.progress = std::clamp(*r.progress_pct, 0.0, 100.0) / 100;
      } else {
        v.progress = 0;  // a report with text only: started
      }
      v.progress_source = "report";
      break;
    }
  }
  const bool measurable = i.target_value.has_value() || !i.link_kind.empty();
  v.status = ComputeItemStatus({i.start, i.deadline, measurable, v.progress}, today);
  v.overdue = v.status.status == ItemStatus::kBehind && today > i.deadline;
  if (v.status.status != ItemStatus::kCompleted && i.link_kind.empty())
    v.missed_periods = MissedPeriods(i.frequency, i.start, i.deadline, today, periods);
  return v;
}

StatusOr<std::vector<ItemView>> TaskService::Views(const std::vector<int64_t>& parks, Date today) const {
  PARKHQ_ASSIGN_OR_RETURN(auto items, repo_.ListItems(parks));
  PARKHQ_ASSIGN_OR_RETURN(auto reports, repo_.ListReports(parks));
  PARKHQ_ASSIGN_OR_RETURN(auto names, UnitNames());
  std::vector<ItemView> out;
  for (const auto& i : items) {
    PARKHQ_ASSIGN_OR_RETURN(auto v, View(i, reports, names, today));
    out.push_back(std::move(v));
  }
  return out;
}

StatusOr<std::vector<ItemView>> TaskService::ListItems(const Scope& s, std::optional<int64_t> park_id,
                                                       std::optional<int64_t> task_id, const std::string& unit,
                                                       const std::string& status) const {
  PARKHQ_ASSIGN_OR_RETURN(auto parks, ReadableParks(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto all, Views(parks, Today()));
  std::vector<ItemView> out;
  for (auto& v : all) {
    if (task_id && v.item.task_id != *task_id) continue;
    if (!status.empty() && status != ItemStatusCode(v.status.status)) continue;
    if (!unit.empty()) {
      const bool mine = std::find(v.lead_units.begin(), v.lead_units.end(), unit) != v.lead_units.end() ||
                        std::find(v.responsible_units.begin(), v.responsible_units.end(), unit) !=
                            v.responsible_units.end();
      if (!mine) continue;
    }
    out.push_back(std::move(v));
  }
  return out;
}

StatusOr<ItemView> TaskService::GetItem(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto item, repo_.FindItem(id));
  if (!item || !s.CanReadPark(item->park_id)) return Status::NotFound("考核指标不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto reports, repo_.ListReports({item->park_id}));
  PARKHQ_ASSIGN_OR_RETURN(auto names, UnitNames());
  return View(*item, reports, names, Today());
}

StatusOr<Item> TaskService::CheckItem(const TaskRef& t, const ItemInput& in, Item i) const {
  std::vector<FieldError> e;
  const auto text = [&](const std::string& v, const char* field, size_t max, bool required) {
    if (required && v.empty()) e.push_back({field, "必填"});
    if (v.size() > max) e.push_back({field, "过长"});
  };
  text(in.content, "content", 2000, true);
  text(in.target_unit, "target.unit", 40, false);
  text(in.milestone, "milestone", 500, false);
  text(in.evidence, "evidence", 1000, false);
  if (!in.weight) {
    e.push_back({"weight", "必填"});
  } else if (!std::isfinite(*in.weight) || *in.weight < 0 || *in.weight > 1000) {
    e.push_back({"weight", "分值应在 0 到 1000 之间"});
  }
  if (in.target_value && (!std::isfinite(*in.target_value) || *in.target_value <= 0 || *in.target_value > 1e12))
    e.push_back({"target.value", "目标值应为正数"});
  const auto deadline = Date::Parse(in.deadline);
  if (!deadline) e.push_back({"deadline", "日期格式应为 YYYY-MM-DD"});
  std::optional<Date> start = in.start.empty() ? Date{t.plan_year, 1, 1} : Date::Parse(in.start);
  if (!in.start.empty() && !start) e.push_back({"start", "日期格式应为 YYYY-MM-DD"});
  if (start && deadline && *deadline < *start) e.push_back({"deadline", "截止日期不能早于开始日期"});
  const auto freq = ParseFrequency(in.frequency);
  if (!freq) e.push_back({"frequency", "应为 monthly、quarterly 或 once"});
  PARKHQ_ASSIGN_OR_RETURN(auto lead, ResolveUnits(in.lead_units, "lead_units", e));
  PARKHQ_ASSIGN_OR_RETURN(auto resp, ResolveUnits(in.responsible_units, "responsible_units", e));
  if (lead.empty() && resp.empty() && e.empty()) e.push_back({"responsible_units", "至少需要一个牵头或责任单位"});
  if (in.link_kind == "project") {
    // A project of the task's park: progress = the investment it completed in the deadline's year.
    char* end = nullptr;
    const long long pid = std::strtoll(in.link_ref.c_str(), &end, 10);
    std::optional<int64_t> park;
    if (pid > 0 && end && !*end) {
      PARKHQ_ASSIGN_OR_RETURN(park, repo_.ProjectPark(pid));
    }
    if (!park || *park != t.park_id) e.push_back({"link.code", "未知的项目"});
    if (!in.target_value) e.push_back({"target.value", "关联指标的考核指标需要目标值"});
  } else if (in.link_kind == "pool") {
    // A cultivation pool of the task's park: progress = its active members ÷ target value.
    PARKHQ_ASSIGN_OR_RETURN(bool known, repo_.PoolKnown(t.park_id, in.link_ref));
    if (!known) e.push_back({"link.code", "未知的培育库"});
    if (!in.target_value) e.push_back({"target.value", "关联指标的考核指标需要目标值"});
  } else if (in.link_kind == "parcel") {
    // A parcel of the task's park (or of one of its sub-parks): progress follows its stage.
    char* end = nullptr;
    const long long pid = std::strtoll(in.link_ref.c_str(), &end, 10);
    std::optional<ParcelFacts> f;
    if (pid > 0 && end && !*end) {
      PARKHQ_ASSIGN_OR_RETURN(f, repo_.FindParcel(pid));
    }
    bool ours = f && f->park_id == t.park_id;
    if (f && !ours) {
      PARKHQ_ASSIGN_OR_RETURN(auto parks, org_.ListParks());
      for (const auto& p : parks) ours = ours || (p.id == f->park_id && p.parent_id == t.park_id);
    }
    if (!ours) e.push_back({"link.code", "未知的地块"});
  } else if (!in.link_kind.empty()) {
    if (in.link_kind != "indicator") {
      e.push_back({"link.kind", "应为 indicator、project、pool 或 parcel"});
    } else {
      PARKHQ_ASSIGN_OR_RETURN(bool ok, repo_.IndicatorExists(in.link_ref));
      if (!ok) e.push_back({"link.code", "未知的指标"});
      if (!in.target_value) e.push_back({"target.value", "关联指标的考核指标需要目标值"});
    }
  }
  if (!e.empty()) return Status::Validation("考核指标有误", e);
  i.park_id = t.park_id;
  i.task_id = t.id;
  i.task_no = t.no;
  i.content = in.content;
  i.target_value = in.target_value;
  i.target_unit = in.target_unit;
  i.milestone = in.milestone;
  i.weight = *in.weight;
  i.start = *start;
  i.deadline = *deadline;
  i.frequency = *freq;
  i.evidence = in.evidence;
  i.link_kind = in.link_kind;
  i.link_ref = in.link_kind.empty() ? "" : in.link_ref;
  i.link_park_id = in.link_kind.empty() ? std::nullopt : in.link_park_id;
  i.lead_unit_ids = lead;
  i.responsible_unit_ids = resp;
  return i;
}

StatusOr<ItemView> TaskService::CreateItem(const Scope& s, int64_t task_id, const ItemInput& in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto t, repo_.FindTask(task_id));
  if (!t || !s.CanReadPark(t->park_id)) return Status::NotFound("任务不存在");
  if (s.read_only || !(s.CanAdminPark(t->park_id) || HasUnit(s, t->lead_unit_ids)))
    return Status::PermissionDenied("只有园区管理员或任务的牵头单位可以分解考核指标");
  if (in.link_park_id && !s.CanReadPark(*in.link_park_id))
    return Status::FieldInvalid("link.park_id", "园区不存在");
  PARKHQ_ASSIGN_OR_RETURN(Item i, CheckItem(*t, in, Item{}));
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, repo_.CreateItem(i, s));
  return GetItem(s, id);
}

StatusOr<ItemView> TaskService::UpdateItem(const Scope& s, int64_t id, const ItemInput& in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto old, repo_.FindItem(id));
  if (!old || !s.CanReadPark(old->park_id)) return Status::NotFound("考核指标不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto t, repo_.FindTask(old->task_id));
  if (!t) return Status::NotFound("任务不存在");
  if (s.read_only || !(s.CanAdminPark(t->park_id) || HasUnit(s, t->lead_unit_ids)))
    return Status::PermissionDenied("只有园区管理员或任务的牵头单位可以修改考核指标");
  PARKHQ_ASSIGN_OR_RETURN(Item i, CheckItem(*t, in, *old));
  PARKHQ_RETURN_IF_ERROR(repo_.UpdateItem(i, s));
  return GetItem(s, id);
}

StatusOr<int64_t> TaskService::ImportItems(const Scope& s, std::optional<int64_t> park_id,
                                           const std::vector<std::pair<int, std::pair<int, ItemInput>>>& rows) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, ResolvePark(s, park_id));
  if (!s.CanAdminPark(park)) return Status::PermissionDenied("只有园区管理员可以导入考核指标");
  PARKHQ_ASSIGN_OR_RETURN(auto tasks, org_.ListTasks({park}));
  std::vector<FieldError> e;
  std::vector<Item> items;
  if (rows.empty()) e.push_back({"file", "没有数据行"});
  for (const auto& [row, entry] : rows) {
    const std::string at = "rows[" + std::to_string(row) + "].";
    const auto t = std::find_if(tasks.begin(), tasks.end(), [&](const Task& x) { return x.no == entry.first; });
    if (t == tasks.end()) {
      e.push_back({at + "task_no", "没有这个任务序号"});
      continue;
    }
    PARKHQ_ASSIGN_OR_RETURN(auto ref, repo_.FindTask(t->id));
    if (!ref) continue;
    auto item = CheckItem(*ref, entry.second, Item{});
    if (!item.ok()) {
      for (const auto& d : item.status().details()) e.push_back({at + d.field, d.message});
      if (e.size() > 200) break;
      continue;
    }
    items.push_back(*item);
  }
  if (!e.empty()) return Status::Validation("导入文件有错误，未导入任何考核指标", e);
  PARKHQ_ASSIGN_OR_RETURN(auto ids, repo_.CreateItems(items, s));
  return static_cast<int64_t>(ids.size());
}

Status TaskService::DeleteItem(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto old, repo_.FindItem(id));
  if (!old || !s.CanReadPark(old->park_id)) return Status::NotFound("考核指标不存在");
  if (!s.CanAdminPark(old->park_id)) return Status::PermissionDenied("只有园区管理员可以删除考核指标");
  return repo_.DeleteItem(id, s);
}

StatusOr<Report> TaskService::AddReport(const Scope& s, int64_t item_id, const ReportInput& in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto item, repo_.FindItem(item_id));
  if (!item || !s.CanReadPark(item->park_id)) return Status::NotFound("考核指标不存在");
  if (s.read_only || !(HasUnit(s, item->responsible_unit_ids) || HasUnit(s, item->lead_unit_ids)))
    return Status::PermissionDenied("只有该考核指标的责任单位可以报送进展");
  std::vector<FieldError> e;
  if (in.text.empty()) e.push_back({"text", "必填"});
  if (in.text.size() > 5000) e.push_back({"text", "过长"});
  if (in.value && (!std::isfinite(*in.value) || std::fabs(*in.value) > 1e12)) e.push_back({"value", "数值无效"});
  if (in.progress_pct && (!std::isfinite(*in.progress_pct) || *in.progress_pct < 0 || *in.progress_pct > 100))
    e.push_back({"progress_pct", "应在 0 到 100 之间"});
  if (!item->link_kind.empty() && in.value)
    e.push_back({"value", "该指标关联监测数据，进度取自数据，不能手工填报"});
  const Date today = Today();
  std::string period = in.period.empty() ? PeriodLabel(item->frequency, today) : in.period;
  if (!in.period.empty()) {
    // Accept only labels of this frequency (e.g. last month's report written early this month).
    bool ok = false;
    for (Date d = item->start; d <= std::max(item->deadline, today); d = d.AddMonths(1)) {
      if (PeriodLabel(item->frequency, d) == period) ok = true;
      if (ok) break;
    }
    if (!ok) e.push_back({"period", "报送周期不在该指标的周期内"});
  }
  if (!e.empty()) return Status::Validation("进展报送有误", e);
  Report r;
  r.park_id = item->park_id;
  r.item_id = item->id;
  r.unit_id = *s.unit_id;
  r.period = period;
  r.text = in.text;
  r.value = in.value;
  r.progress_pct = in.progress_pct;
  r.created_by = s.username;
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, repo_.CreateReport(r, s));
  PARKHQ_ASSIGN_OR_RETURN(auto stored, repo_.FindReport(id));
  if (!stored) return Status::Internal("report vanished");
  return *stored;
}

StatusOr<Report> TaskService::ReviewReport(const Scope& s, int64_t report_id, bool accept,
                                           const std::string& comment) const {
  PARKHQ_ASSIGN_OR_RETURN(auto r, repo_.FindReport(report_id));
  if (!r || !s.CanReadPark(r->park_id)) return Status::NotFound("进展报告不存在");
  PARKHQ_ASSIGN_OR_RETURN(auto item, repo_.FindItem(r->item_id));
  if (!item) return Status::NotFound("考核指标不存在");
  if (s.read_only || !(s.CanAdminPark(r->park_id) || HasUnit(s, item->lead_unit_ids)))
    return Status::PermissionDenied("只有牵头单位或园区管理员可以审核进展");
  if (!accept && comment.empty()) return Status::FieldInvalid("comment", "退回时请填写意见");
  if (comment.size() > 2000) return Status::FieldInvalid("comment", "过长");
  if (r->state != ReportState::kSubmitted) return Status::Conflict("该进展已审核");
  PARKHQ_RETURN_IF_ERROR(
      repo_.ReviewReport(report_id, accept ? ReportState::kAccepted : ReportState::kReturned, comment, s));
  PARKHQ_ASSIGN_OR_RETURN(auto stored, repo_.FindReport(report_id));
  return *stored;
}

StatusOr<WorkQueue> TaskService::Queue(const Scope& s) const {
  WorkQueue q;
  if (!s.unit_id) return q;
  const int64_t unit = *s.unit_id;
  PARKHQ_ASSIGN_OR_RETURN(auto parks, ReadableParks(s, std::nullopt));
  const Date today = Today();
  PARKHQ_ASSIGN_OR_RETURN(auto views, Views(parks, today));
  for (auto& v : views) {
    const bool resp = Has(v.item.responsible_unit_ids, unit) || Has(v.item.lead_unit_ids, unit);
    if (Has(v.item.lead_unit_ids, unit)) {
      const bool waiting = std::any_of(v.reports.begin(), v.reports.end(), [&](const Report& r) {
        return r.state == ReportState::kSubmitted && r.unit_id != unit;
      });
      if (waiting) q.to_review.push_back(v);
    }
    if (!resp) continue;
    for (const auto& r : v.reports)
      if (r.unit_id == unit && r.state == ReportState::kReturned) q.returned.push_back(r);
    if (v.status.status == ItemStatus::kCompleted || !v.item.link_kind.empty()) continue;
    if (v.status.status == ItemStatus::kBehind || !v.missed_periods.empty()) {
      q.overdue.push_back(v);
      continue;
    }
    const std::string label = PeriodLabel(v.item.frequency, today);
    const bool reported = std::any_of(v.reports.begin(), v.reports.end(), [&](const Report& r) {
      return r.unit_id == unit && r.period == label && r.state != ReportState::kReturned;
    });
    if (!reported && today >= v.item.start && today <= v.item.deadline) q.due.push_back(v);
  }
  PARKHQ_ASSIGN_OR_RETURN(auto sups, ListSupervisions(s, std::nullopt));
  for (auto& sv : sups) {
    if (sv.s.state != "open") continue;
    for (const auto& u : sv.s.units)
      if (u.unit_id == unit && u.state != "done" && u.state != "confirmed") q.supervision.push_back(sv);
  }
  return q;
}

}  // namespace parkhq::task
