#include "domain/notify/notification_service.h"

#include "domain/enterprise/enterprise_service.h"

namespace parkhq::notify {

StatusOr<NotificationPage> NotificationService::List(const Scope& s, const std::string& kind, bool unread_only,
                                                     int64_t offset, int64_t limit) const {
  if (!kind.empty() && kind != "todo" && kind != "notice")
    return Status::Validation("通知类别有误", {{"kind", "应为 todo（待办）或 notice（通知）"}});
  return repo_.List(s.user_id, kind, unread_only, offset, limit);
}

Status NotificationService::MarkRead(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t n, repo_.MarkRead(s.user_id, id, now_()));
  if (n == 0) return Status::NotFound("通知不存在");
  return Status::Ok();
}

StatusOr<int64_t> NotificationService::MarkAllRead(const Scope& s) const {
  return repo_.MarkRead(s.user_id, std::nullopt, now_());
}

StatusOr<int64_t> NotificationService::Notify(const std::vector<int64_t>& user_ids, const Notification& n) const {
  Notification x = n;
  if (x.created_at.empty()) x.created_at = now_();
  return repo_.Insert(user_ids, x, nullptr, "", "");
}

StatusOr<int64_t> NotificationService::NotifyParkAdmins(int64_t park_id, const Notification& n) const {
  PARKHQ_ASSIGN_OR_RETURN(auto users, repo_.ParkAdmins(park_id));
  return Notify(users, n);
}

StatusOr<RemindResult> NotificationService::RemindLate(const Scope& s, int64_t park_id, Period period, Date today,
                                                       const std::string& reason) const {
  PARKHQ_ASSIGN_OR_RETURN(auto park, org_.FindPark(park_id));
  if (!park || !s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  if (s.read_only || !s.CanAdminPark(park_id)) return Status::PermissionDenied("只有系统管理员和本园区管理员可以催报");
  if (!enterprises_) return Status::NotFound("企业模块未启用");
  PARKHQ_ASSIGN_OR_RETURN(auto st, enterprises_->ReportingStatusOf(s, park_id, period));
  RemindResult r;
  r.period = period;
  for (const auto& [enterprise_id, name] : st.missing_names) {
    ++r.enterprises;
    PARKHQ_ASSIGN_OR_RETURN(auto users, repo_.EnterpriseUsers(enterprise_id));
    if (users.empty()) {
      r.without_users.push_back(name);
      continue;
    }
    r.users += static_cast<int>(users.size());
    Notification n;
    n.park_id = park_id;
    n.kind = "todo";
    n.category = "reminder";
    n.title = "请尽快报送" + period.ToString() + "月报";
    n.body = name + "：" + period.ToString() + " 月报尚未提交，截止日期 " + st.deadline.ToString() + "。（" + reason + "）";
    n.link = "/enterprise-report?enterprise=" + std::to_string(enterprise_id) + "&period=" + period.ToString();
    n.dedup_key = "remind:" + period.ToString() + ":" + std::to_string(enterprise_id) + ":" + today.ToString();
    n.created_at = now_();
    PARKHQ_ASSIGN_OR_RETURN(int64_t k, repo_.Insert(users, n, &s, "remind",
                                                    std::to_string(park_id) + ":" + period.ToString() + ":" +
                                                        std::to_string(enterprise_id)));
    r.notified += k;
  }
  return r;
}

}  // namespace parkhq::notify
