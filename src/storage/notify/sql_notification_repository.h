// NotificationRepository in portable SQL (tables notifications, users; migration 0100).
#pragma once
#include "domain/notify/notification_service.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlNotificationRepository final : public notify::NotificationRepository {
 public:
  explicit SqlNotificationRepository(Database& db) : db_(db) {}
  StatusOr<int64_t> Insert(const std::vector<int64_t>& user_ids, const notify::Notification& n, const Scope* who,
                           const std::string& audit_action, const std::string& audit_entity_id) override;
  StatusOr<notify::NotificationPage> List(int64_t user_id, const std::string& kind, bool unread_only, int64_t offset,
                                          int64_t limit) override;
  StatusOr<int64_t> MarkRead(int64_t user_id, std::optional<int64_t> id, const std::string& at) override;
  StatusOr<std::vector<int64_t>> EnterpriseUsers(int64_t enterprise_id) override;
  StatusOr<std::vector<int64_t>> ParkAdmins(int64_t park_id) override;

 private:
  Database& db_;
};

}  // namespace parkhq::storage
