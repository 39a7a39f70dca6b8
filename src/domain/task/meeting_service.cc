// Dispatch meetings (调度会): the meeting, an agenda that can pull in what is behind, decisions that
// become 督办单 (tracked exactly like any other until closed), and the minutes.
#include <algorithm>

#include "domain/task/task_service.h"

namespace parkhq::task {

StatusOr<Meeting> TaskService::CheckMeeting(const Scope& s, const NewMeeting& in, Meeting m) const {
  std::vector<FieldError> e;
  if (in.title.empty()) e.push_back({"title", "必填"});
  if (in.title.size() > 300 || in.chair.size() > 100) e.push_back({"title", "过长"});
  if (in.agenda.size() > 20000) e.push_back({"agenda", "过长"});
  if (in.minutes.size() > 100000) e.push_back({"minutes", "过长"});
  const auto held = Date::Parse(in.held_on);
  if (!held) e.push_back({"held_on", "日期格式应为 YYYY-MM-DD"});
  PARKHQ_ASSIGN_OR_RETURN(auto ids, ResolveUnits(in.units, "units", e));
  if (!e.empty()) return Status::Validation("会议信息有误", e);
  m.title = in.title;
  m.held_on = *held;
  m.chair = in.chair;
  m.units.clear();
  PARKHQ_ASSIGN_OR_RETURN(auto names, UnitNames());
  for (int64_t id : ids) m.units.push_back(names[id]);
  m.agenda = in.agenda;
  m.minutes = in.minutes;
  m.created_by = s.username;
  return m;
}

StatusOr<MeetingView> TaskService::CreateMeeting(const Scope& s, const NewMeeting& in) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, ResolvePark(s, in.park_id));
  if (!s.CanAdminPark(park)) return Status::PermissionDenied("只有园区管理员可以安排调度会");
  Meeting m;
  m.park_id = park;
  PARKHQ_ASSIGN_OR_RETURN(m, CheckMeeting(s, in, m));
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, repo_.CreateMeeting(m, s));
  return GetMeeting(s, id);
}

StatusOr<MeetingView> TaskService::UpdateMeeting(const Scope& s, int64_t id, const NewMeeting& in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto old, repo_.FindMeeting(id));
  if (!old || !s.CanReadPark(old->park_id)) return Status::NotFound("会议不存在");
  if (!s.CanAdminPark(old->park_id)) return Status::PermissionDenied("只有园区管理员可以安排调度会");
  PARKHQ_ASSIGN_OR_RETURN(Meeting m, CheckMeeting(s, in, *old));
  PARKHQ_RETURN_IF_ERROR(repo_.UpdateMeeting(m, s));
  return GetMeeting(s, id);
}

StatusOr<std::vector<Meeting>> TaskService::ListMeetings(const Scope& s, std::optional<int64_t> park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto parks, ReadableParks(s, park_id));
  return repo_.ListMeetings(parks);
}

StatusOr<MeetingView> TaskService::GetMeeting(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto m, repo_.FindMeeting(id));
  if (!m || !s.CanReadPark(m->park_id)) return Status::NotFound("会议不存在");
  MeetingView v;
  v.meeting = *m;
  PARKHQ_ASSIGN_OR_RETURN(auto sups, repo_.ListSupervisions({m->park_id}));
  for (const auto& sv : sups) {
    if (sv.source_kind != "meeting" || sv.source_id != std::to_string(id)) continue;
    PARKHQ_ASSIGN_OR_RETURN(auto full, GetSupervision(s, sv.id));
    v.decisions.push_back(std::move(full));
  }
  std::reverse(v.decisions.begin(), v.decisions.end());  // in the order decided
  return v;
}

StatusOr<SupervisionView> TaskService::AddDecision(const Scope& s, int64_t meeting_id, NewSupervision in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto m, repo_.FindMeeting(meeting_id));
  if (!m || !s.CanReadPark(m->park_id)) return Status::NotFound("会议不存在");
  in.park_id = m->park_id;
  in.source_kind = "meeting";
  in.source_id = std::to_string(meeting_id);
  if (in.source_text.empty()) in.source_text = m->held_on.ToString() + " " + m->title;
  return IssueSupervision(s, in);
}

StatusOr<AgendaSuggestions> TaskService::Suggestions(const Scope& s, std::optional<int64_t> park_id) const {
  AgendaSuggestions out;
  PARKHQ_ASSIGN_OR_RETURN(int64_t park, ResolvePark(s, park_id));
  out.park_id = park;
  PARKHQ_ASSIGN_OR_RETURN(auto items, Views({park}, Today()));
  for (auto& i : items)
    if (i.status.status == ItemStatus::kBehind) out.behind_items.push_back(std::move(i));
  PARKHQ_ASSIGN_OR_RETURN(auto sups, ListSupervisions(s, park));
  for (auto& sv : sups)
    if (sv.s.state == "open" && sv.light == "red") out.overdue_supervision.push_back(std::move(sv));
  return out;
}

}  // namespace parkhq::task
