// The in-app notification centre (issue 12): 待办 (todo) and 通知 (notice) items per user with
// unread counts, the hook every module calls to notify (Notifier), and 催报 — a reminder to each
// late firm's users in one action.
//
// Access: a caller sees and marks only their own notifications (another user's id is 404). 催报
// needs CanAdminPark and a writable caller (403), the park in scope (404).
// Idempotence: a notification carries a dedup key; the same key is never delivered twice to one
// user, so reminders and jobs can be rerun safely.
// Thread safety: const after construction; the repository is thread-safe.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/status_or.h"
#include "common/time.h"
#include "domain/access/scope.h"
#include "domain/org/org_repository.h"

namespace parkhq::enterprise {
class EnterpriseService;
}

namespace parkhq::notify {

struct Notification {
  int64_t id = 0;
  int64_t user_id = 0;
  std::optional<int64_t> park_id;
  std::string kind = "notice";  // todo (待办) | notice (通知)
  std::string category;         // report | month | task | supervision | stage | briefing | reminder | job
  std::string title, body, link;
  std::string dedup_key;
  std::string created_at;
  std::optional<std::string> read_at;
};

struct NotificationPage {
  std::vector<Notification> items;
  int64_t total = 0;
  int64_t unread = 0;
};

class NotificationRepository {
 public:
  virtual ~NotificationRepository() = default;
  // Inserts `n` for each user that has no notification with n.dedup_key yet; returns how many were
  // inserted. With `who`, an audit row (action, entity, entity_id) is written in the same transaction.
  virtual StatusOr<int64_t> Insert(const std::vector<int64_t>& user_ids, const Notification& n, const Scope* who,
                                   const std::string& audit_action, const std::string& audit_entity_id) = 0;
  virtual StatusOr<NotificationPage> List(int64_t user_id, const std::string& kind, bool unread_only, int64_t offset,
                                          int64_t limit) = 0;
  // Marks one (false when it is not this user's) or all of the user's unread ones; returns the count.
  virtual StatusOr<int64_t> MarkRead(int64_t user_id, std::optional<int64_t> id, const std::string& at) = 0;
  virtual StatusOr<std::vector<int64_t>> EnterpriseUsers(int64_t enterprise_id) = 0;
  virtual StatusOr<std::vector<int64_t>> ParkAdmins(int64_t park_id) = 0;
};

// What other modules call to notify (returned / approved / due / overdue items).
class Notifier {
 public:
  virtual ~Notifier() = default;
  // Notifies the users; a user who already has n.dedup_key is skipped. Returns how many were notified.
  virtual StatusOr<int64_t> Notify(const std::vector<int64_t>& user_ids, const Notification& n) const = 0;
  virtual StatusOr<int64_t> NotifyParkAdmins(int64_t park_id, const Notification& n) const = 0;
};

struct RemindResult {
  Period period;
  int enterprises = 0;          // late firms
  int users = 0;                // their users
  int64_t notified = 0;         // notifications created now (0 when already reminded today)
  std::vector<std::string> without_users;  // late firms with no user account (phone them)
};

class NotificationService final : public Notifier {
 public:
  NotificationService(NotificationRepository& repo, OrgRepository& org,
                      const enterprise::EnterpriseService* enterprises, std::function<std::string()> now = NowIso)
      : repo_(repo), org_(org), enterprises_(enterprises), now_(std::move(now)) {}

  // kind: "" | "todo" | "notice" (Validation "kind" otherwise).
  StatusOr<NotificationPage> List(const Scope& s, const std::string& kind, bool unread_only, int64_t offset,
                                  int64_t limit) const;
  Status MarkRead(const Scope& s, int64_t id) const;
  StatusOr<int64_t> MarkAllRead(const Scope& s) const;

  // 催报: notifies the users of every firm on the park's late list for `period` (one reminder
  // per firm and day). `who` nullopt: the scheduler (no audit caller check).
  StatusOr<RemindResult> RemindLate(const Scope& s, int64_t park_id, Period period, Date today,
                                    const std::string& reason = "催报") const;

  StatusOr<int64_t> Notify(const std::vector<int64_t>& user_ids, const Notification& n) const override;
  StatusOr<int64_t> NotifyParkAdmins(int64_t park_id, const Notification& n) const override;

 private:
  NotificationRepository& repo_;
  OrgRepository& org_;
  const enterprise::EnterpriseService* enterprises_;
  std::function<std::string()> now_;
};

}  // namespace parkhq::notify
