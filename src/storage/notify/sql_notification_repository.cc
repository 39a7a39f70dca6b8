#include "storage/notify/sql_notification_repository.h"

#include <boost/json.hpp>

#include "storage/audit_store.h"

namespace parkhq::storage {

using notify::Notification;

StatusOr<int64_t> SqlNotificationRepository::Insert(const std::vector<int64_t>& user_ids, const Notification& n,
                                                    const Scope* who, const std::string& audit_action,
                                                    const std::string& audit_entity_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  Transaction tx(*c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  int64_t inserted = 0;
  for (int64_t user : user_ids) {
    PARKHQ_ASSIGN_OR_RETURN(auto exists, c->QueryOne("SELECT id FROM notifications WHERE user_id = ? AND dedup_key = ?",
                                                     {user, n.dedup_key}));
    if (exists) continue;
    PARKHQ_RETURN_IF_ERROR(c->Exec("INSERT INTO notifications(user_id, park_id, kind, category, title, body, link, "
                                   "dedup_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   {user, Opt(n.park_id), n.kind, n.category, n.title, n.body, n.link, n.dedup_key,
                                    n.created_at})
                               .status());
    ++inserted;
  }
  if (who && inserted > 0) {
    boost::json::object after = {{"title", n.title}, {"dedup_key", n.dedup_key}, {"recipients", inserted}};
    PARKHQ_RETURN_IF_ERROR(WriteAudit(*c, *who, audit_action, "notification", audit_entity_id, n.park_id, "",
                                      boost::json::serialize(after)));
  }
  PARKHQ_RETURN_IF_ERROR(tx.Commit());
  return inserted;
}

StatusOr<notify::NotificationPage> SqlNotificationRepository::List(int64_t user_id, const std::string& kind,
                                                                   bool unread_only, int64_t offset, int64_t limit) {
  notify::NotificationPage page;
  std::string where = " WHERE user_id = ?";
  std::vector<Value> params = {user_id};
  if (!kind.empty()) {
    where += " AND kind = ?";
    params.push_back(kind);
  }
  if (unread_only) where += " AND read_at IS NULL";
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto total, c->QueryOne("SELECT COUNT(*) FROM notifications" + where, params));
  page.total = total ? total->Int(0) : 0;
  PARKHQ_ASSIGN_OR_RETURN(auto unread,
                          c->QueryOne("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL", {user_id}));
  page.unread = unread ? unread->Int(0) : 0;
  params.push_back(limit);
  params.push_back(offset);
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id, user_id, park_id, kind, category, title, body, link, dedup_key, "
                                              "created_at, read_at FROM notifications" +
                                                  where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                                              params));
  for (const auto& r : rows) {
    Notification n;
    n.id = r.Int(0);
    n.user_id = r.Int(1);
    n.park_id = r.OptInt(2);
    n.kind = r.Text(3);
    n.category = r.Text(4);
    n.title = r.Text(5);
    n.body = r.Text(6);
    n.link = r.Text(7);
    n.dedup_key = r.Text(8);
    n.created_at = r.Text(9);
    n.read_at = r.OptText(10);
    page.items.push_back(std::move(n));
  }
  return page;
}

StatusOr<int64_t> SqlNotificationRepository::MarkRead(int64_t user_id, std::optional<int64_t> id, const std::string& at) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  if (id) {
    PARKHQ_ASSIGN_OR_RETURN(auto row, c->QueryOne("SELECT id FROM notifications WHERE id = ? AND user_id = ?", {*id, user_id}));
    if (!row) return int64_t{0};
    PARKHQ_RETURN_IF_ERROR(
        c->Exec("UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL", {at, *id}).status());
    return int64_t{1};
  }
  return c->Exec("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL", {at, user_id});
}

StatusOr<std::vector<int64_t>> SqlNotificationRepository::EnterpriseUsers(int64_t enterprise_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id FROM users WHERE role = 'enterprise' AND enterprise_id = ? "
                                              "AND disabled = 0 ORDER BY id",
                                              {enterprise_id}));
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.Int(0));
  return out;
}

StatusOr<std::vector<int64_t>> SqlNotificationRepository::ParkAdmins(int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto c, db_.Acquire());
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c->Query("SELECT id FROM users WHERE role = 'park_admin' AND park_id = ? "
                                              "AND disabled = 0 ORDER BY id",
                                              {park_id}));
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.Int(0));
  return out;
}

}  // namespace parkhq::storage
