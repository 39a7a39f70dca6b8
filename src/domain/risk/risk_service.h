// The use cases of issue 14 items 3-5: enterprise risk profiles (kept by the enterprise, reviewed
// by park staff), emergency resources, energy and emissions accounts, retrofits, and the veto
// feed into the year's 亩均效益 evaluation.
//
// Who may do what (every refusal is a Status; 404 hides what the caller may not read):
//   - read: anyone who may read the park; an enterprise user sees only its own records (and the
//     park-level emergency resources, which it needs in an emergency) → other parks 404;
//   - profile records (chemical … ent_drill): the enterprise itself or the park's admins; another
//     enterprise's → 403 (create) / 404 (an existing record); a veto (一票否决) is set, changed or
//     removed only by park admins → 403; records already carrying a veto are locked for the
//     enterprise → 403;
//   - emergency resources, retrofits, energy targets, profile review, applying vetoes: park admins
//     (sysadmin, park_admin) → 403 for everyone else;
//   - an enterprise's energy account: the enterprise itself or the park's admins.
// Thread-safe: holds only references to thread-safe collaborators.
#pragma once
#include <string>
#include <vector>

#include "domain/risk/risk_repository.h"

namespace parkhq::evaluation {
class EvaluationService;
class PlatformFiguresRepository;
}  // namespace parkhq::evaluation

namespace parkhq::risk {

struct ItemFilter {
  std::vector<std::string> kinds;        // empty = all
  std::optional<int64_t> enterprise_id;  // staff only narrows; enterprise users always their own
};

struct AccountRow {
  EnergyAccount account;
  double tce = 0;                        // Σ amount × GB/T 2589 factor
  double emissions_t = 0;
  std::optional<double> value_added;     // Σ approved reports' 工业增加值 of the year (万元)
  std::optional<double> reported_tce;    // Σ approved reports' 综合能耗 (for the cross-check)
  std::optional<double> intensity;       // tce / value_added
  int64_t open_retrofits = 0;            // flagged or in progress
};

struct VetoRow {
  int64_t enterprise_id = 0;
  std::string enterprise_name;
  std::string reason;                    // built from the veto records
  std::vector<int64_t> item_ids;
  std::string status;                    // pending | applied | already | no_input
  std::optional<std::string> current_reason;  // the evaluation input's veto_reason
};

class RiskService {
 public:
  RiskService(RiskRepository& repo, evaluation::PlatformFiguresRepository* reports,
              const evaluation::EvaluationService* evaluation)
      : repo_(repo), reports_(reports), evaluation_(evaluation) {}

  StatusOr<std::vector<RiskItem>> ListItems(const Scope& s, int64_t park_id, const ItemFilter& f) const;
  StatusOr<RiskItem> CreateItem(const Scope& s, int64_t park_id, RiskItem item) const;
  // `after` holds the new field values; id, park, enterprise and kind are taken from the stored record.
  StatusOr<RiskItem> UpdateItem(const Scope& s, int64_t id, RiskItem after) const;
  Status DeleteItem(const Scope& s, int64_t id) const;

  StatusOr<std::vector<ProfileSummary>> ListProfiles(const Scope& s, int64_t park_id) const;
  StatusOr<ProfileSummary> SubmitProfile(const Scope& s, int64_t enterprise_id) const;
  // result: "approved" | "returned" (a note is required); only a submitted profile → 409.
  StatusOr<ProfileSummary> ReviewProfile(const Scope& s, int64_t enterprise_id, const std::string& result,
                                         const std::string& note) const;

  // Accidents and penalties of `year` marked veto, per enterprise, and whether the year's
  // evaluation input carries a veto reason. Staff and leaders.
  StatusOr<std::vector<VetoRow>> ListVetoes(const Scope& s, int64_t park_id, int year) const;
  // Writes the veto reason into the evaluation inputs that have none (park admins).
  StatusOr<std::vector<VetoRow>> ApplyVetoes(const Scope& s, int64_t park_id, int year) const;

  StatusOr<std::vector<AccountRow>> ListAccounts(const Scope& s, int64_t park_id, int year) const;
  StatusOr<AccountRow> PutAccount(const Scope& s, int64_t enterprise_id, EnergyAccount a) const;
  struct SummaryView {
    EnergySummary summary;
    EnergyTargets targets;
    double reported_tce = 0;  // Σ reports' 综合能耗 of the enterprises with an account
  };
  StatusOr<SummaryView> Summary(const Scope& s, int64_t park_id, int year) const;
  StatusOr<EnergyTargets> PutTargets(const Scope& s, int64_t park_id, int year, const EnergyTargets& t) const;

  StatusOr<std::vector<Retrofit>> ListRetrofits(const Scope& s, int64_t park_id) const;
  StatusOr<Retrofit> CreateRetrofit(const Scope& s, int64_t park_id, Retrofit r) const;
  StatusOr<Retrofit> UpdateRetrofit(const Scope& s, int64_t id, Retrofit after) const;

 private:
  Status RequireRead(const Scope& s, int64_t park_id) const;
  Status RequireAdmin(const Scope& s, int64_t park_id) const;
  StatusOr<EnterpriseRef> EnterpriseFor(const Scope& s, int64_t enterprise_id) const;  // 404 when hidden
  StatusOr<ProfileSummary> ProfileOf(int64_t park_id, int64_t enterprise_id) const;

  RiskRepository& repo_;
  evaluation::PlatformFiguresRepository* reports_;
  const evaluation::EvaluationService* evaluation_;
};

}  // namespace parkhq::risk
