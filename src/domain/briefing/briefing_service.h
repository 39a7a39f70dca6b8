// Use cases of monthly briefings (issue 12): generate a park's briefing for a month from the
// modules' figures, edit its sentence templates and free text, approve, issue (frozen), list.
//
// Access: reading needs the park in the caller's scope (404 otherwise); generating, editing,
// approving and issuing need CanAdminPark (403); read-only callers are refused every write.
// Enterprise users are refused (403). An issued briefing never changes: its figures, text and
// data version are those read when it was generated or last refreshed as a draft.
//
// Thread safety: const after construction (RegisterProvider before serving); repositories and
// sources are thread-safe.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status_or.h"
#include "domain/access/scope.h"
#include "domain/briefing/briefing.h"
#include "domain/briefing/briefing_calc.h"
#include "domain/notify/notification_service.h"
#include "domain/org/org_repository.h"

namespace parkhq::briefing {

// Where a briefing's figures come from: the module services (wired in app/). Returns the input
// for park `park_id` at `period` as the caller may read it.
class FactsSource {
 public:
  virtual ~FactsSource() = default;
  virtual StatusOr<BriefingInput> Gather(const Scope& s, const Park& park, Period period) const = 0;
};

// An optional section a module adds (e.g. tasks / 督办 of the management loop, when it exists):
// nullopt when it has nothing to say for this park and month.
class SectionProvider {
 public:
  virtual ~SectionProvider() = default;
  virtual StatusOr<std::optional<Section>> Build(const Scope& s, const Park& park, Period period) const = 0;
};

class BriefingRepository {
 public:
  virtual ~BriefingRepository() = default;
  // Inserts with an audit row; returns the id.
  virtual StatusOr<int64_t> Create(const Briefing& b, const Scope& who) = 0;
  virtual StatusOr<std::optional<Briefing>> Find(int64_t id) = 0;
  // Replaces state, content and data version; audit row `action` (before → after) in one transaction.
  virtual Status Update(const Briefing& after, const std::string& action, const Scope& who) = 0;
  // Newest first; park_ids already checked against the caller.
  virtual StatusOr<std::vector<BriefingSummary>> List(const std::vector<int64_t>& park_ids, int64_t offset,
                                                      int64_t limit, int64_t* total) = 0;
  // The latest issued briefing of the park for a period before `p`.
  virtual StatusOr<std::optional<Briefing>> LatestIssuedBefore(int64_t park_id, Period p) = 0;
  virtual StatusOr<int64_t> CountFor(int64_t park_id, Period p) = 0;
};

// An edit of a draft: sentence templates by id, free text by section key.
struct BriefingEdit {
  std::map<std::string, std::string> templates;
  std::map<std::string, std::string> notes;
};

class BriefingService {
 public:
  BriefingService(BriefingRepository& repo, OrgRepository& org, const FactsSource& facts,
                  std::function<std::string()> now = NowIso)
      : repo_(repo), org_(org), facts_(facts), now_(std::move(now)) {}

  // Not thread-safe: call before serving. The pointer must outlive the service.
  void RegisterProvider(const SectionProvider* p) { providers_.push_back(p); }
  // Approvals and issues notify the park's admins through `n` (optional; call before serving).
  void SetNotifier(const notify::Notifier* n) { notifier_ = n; }

  // Generates a draft (201). Validation "period" for a future month or one before 2000.
  StatusOr<Briefing> Generate(const Scope& s, int64_t park_id, Period period, Date today) const;
  StatusOr<Briefing> Get(const Scope& s, int64_t id) const;
  StatusOr<std::vector<BriefingSummary>> List(const Scope& s, std::optional<int64_t> park_id, int64_t offset,
                                              int64_t limit, int64_t* total) const;
  // Drafts only (409 otherwise). Validation "sentences.<id>" (unknown id, typed digits, unknown
  // placeholder) or "notes.<key>" (unknown section, too long); nothing is written then.
  StatusOr<Briefing> Edit(const Scope& s, int64_t id, const BriefingEdit& e) const;
  // Draft: recomputes the figures from today's data, keeping edited templates and notes.
  StatusOr<Briefing> Refresh(const Scope& s, int64_t id) const;
  // approve: draft → approved; issue: approved → issued; reopen: approved → draft. 409 otherwise.
  StatusOr<Briefing> Act(const Scope& s, int64_t id, const std::string& action) const;

  // The content a briefing for `park` at `period` would have now (no storage).
  StatusOr<Content> Build(const Scope& s, const Park& park, Period period,
                          const std::map<std::string, std::string>& templates) const;

 private:
  StatusOr<Park> ReadablePark(const Scope& s, int64_t park_id) const;
  StatusOr<Briefing> Writable(const Scope& s, int64_t id) const;

  BriefingRepository& repo_;
  OrgRepository& org_;
  const FactsSource& facts_;
  std::vector<const SectionProvider*> providers_;
  const notify::Notifier* notifier_ = nullptr;
  std::function<std::string()> now_;
};

// The data version of a content: sha256 of its figures' fingerprint.
std::string DataVersion(const Content& c);

}  // namespace parkhq::briefing
