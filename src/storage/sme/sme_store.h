// The SME park's use cases over the database (issue 16): space and occupancy, leases, bills and
// payments, arrears, repair tickets. Every call takes the caller's Scope and checks it (see
// domain/sme/sme.h CanManage / SeesTenantData); every write records an audit row in its
// transaction. "Today" is parkhq::Today(). Thread-safe: holds only the Database pointer.
//
// Kept in storage/ (not a domain service over a repository interface) to ship the module in one
// session: the rules themselves are pure functions in domain/sme (docs/decisions/sme-store.md).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status_or.h"
#include "common/time.h"
#include "domain/sme/sme.h"
#include "domain/sme/financing_calc.h"
#include "domain/sme/sme_calc.h"
#include "domain/task/attachments.h"
#include "storage/database.h"

namespace parkhq::storage {

class SmeStore {
 public:
  explicit SmeStore(Database* db) : db_(db) {}

  // Space. Readers: staff and leaders of the park (the route table keeps enterprises out).
  struct OccupancyView {
    std::vector<sme::Building> buildings;  // with area, leased_area, occupancy_pct
    sme::Occupancy totals;
  };
  StatusOr<OccupancyView> Occupancy(const Scope& s, int64_t park_id) const;
  struct NewBuilding {
    std::string name, kind;
    int64_t floors = 0;
    std::optional<int64_t> sub_park_id, operator_unit_id;
  };
  StatusOr<sme::Building> CreateBuilding(const Scope& s, int64_t park_id, const NewBuilding& in) const;
  struct FloorPlan {
    sme::Building building;
    std::vector<sme::Unit> units;  // by floor, position
  };
  StatusOr<FloorPlan> GetFloorPlan(const Scope& s, int64_t building_id) const;
  struct NewUnit {
    int64_t floor = 0, position = 0;
    std::string code, use_kind, status = "vacant";
    double area = 0, rent_standard = 0;
  };
  StatusOr<sme::Unit> CreateUnit(const Scope& s, int64_t building_id, const NewUnit& in) const;
  // vacant | self_use | repair. 409 while a lease covers today (a leased unit's status is the lease).
  Status SetUnitStatus(const Scope& s, int64_t unit_id, const std::string& status) const;

  // Leases. Lists hold only what SeesTenantData allows.
  StatusOr<std::vector<sme::Lease>> ListLeases(const Scope& s, int64_t park_id) const;
  StatusOr<sme::Lease> GetLease(const Scope& s, int64_t id) const;
  // 404 unknown unit; 403 not the unit's manager; 422 bad fields (enterprise of another park);
  // 409 the unit is self-used or under repair, or already leased for an overlapping term.
  StatusOr<sme::Lease> CreateLease(const Scope& s, const sme::NewLease& in) const;
  // kind: early_end | move_out; ended_on within the term. 409 when already ended.
  StatusOr<sme::Lease> EndLease(const Scope& s, int64_t id, const std::string& kind, const std::string& on) const;
  // A new end after the current one (and an optional new rent); 409 on overlap with a later lease.
  StatusOr<sme::Lease> RenewLease(const Scope& s, int64_t id, const std::string& end_on,
                                  std::optional<double> monthly_rent) const;
  // 毕业 of an incubatee: kind own_land | above_scale.
  StatusOr<sme::Lease> GraduateLease(const Scope& s, int64_t id, const std::string& kind, const std::string& on) const;

  // Bills. Generate creates the period's missing bills of the leases the caller manages.
  StatusOr<int64_t> GenerateBills(const Scope& s, int64_t park_id, Period p,
                                  const std::map<int64_t, double>& utilities_by_lease) const;
  StatusOr<std::vector<sme::Bill>> ListBills(const Scope& s, int64_t park_id, std::optional<Period> p) const;
  // 422 when amount is not positive or above what is owed.
  StatusOr<sme::Bill> AddPayment(const Scope& s, int64_t bill_id, double amount, const std::string& paid_on) const;
  struct ArrearsView {
    sme::ArrearsAging totals;
    std::vector<std::pair<sme::Bill, int64_t>> bills;  // bills in arrears with days past due
  };
  StatusOr<ArrearsView> Arrears(const Scope& s, int64_t park_id) const;
  struct IncomeMonth {
    std::string period;
    double billed = 0, collected = 0;
  };
  StatusOr<std::vector<IncomeMonth>> Income(const Scope& s, int64_t park_id, int year) const;

  // Repairs (报修).
  StatusOr<std::vector<sme::Repair>> ListRepairs(const Scope& s, int64_t park_id) const;
  // Tenants file for a unit they lease today; managers for any unit of theirs.
  StatusOr<sme::Repair> CreateRepair(const Scope& s, int64_t unit_id, const std::string& title,
                                     const std::string& description) const;
  StatusOr<sme::Repair> AssignRepair(const Scope& s, int64_t id, const std::string& assignee) const;
  StatusOr<sme::Repair> CloseRepair(const Scope& s, int64_t id, const std::string& result) const;
  // Photos of a ticket (PNG/JPG checked by extension and first bytes, at most
  // task::kMaxAttachmentBytes), kept in the loop module's content store (task_files). The ticket's
  // tenant or a manager uploads; whoever sees the ticket lists and downloads. report_id = ticket id.
  StatusOr<task::Attachment> AddRepairPhoto(const Scope& s, int64_t repair_id, const std::string& filename,
                                            const std::string& bytes) const;
  StatusOr<std::vector<task::Attachment>> ListRepairPhotos(const Scope& s, int64_t repair_id) const;
  StatusOr<std::pair<task::Attachment, std::string>> DownloadRepairPhoto(const Scope& s, int64_t photo_id) const;

  // Refurbishment projects (维修改造): staff and leaders of the park read; managers of the building write.
  struct RefurbishmentInput {
    std::string title, status = "planned", start_on, end_on, note;
    double budget = 0, spent = 0, progress_pct = 0;
  };
  StatusOr<std::vector<sme::Refurbishment>> ListRefurbishments(const Scope& s, int64_t park_id) const;
  StatusOr<sme::Refurbishment> CreateRefurbishment(const Scope& s, int64_t building_id,
                                                   const RefurbishmentInput& in) const;
  StatusOr<sme::Refurbishment> UpdateRefurbishment(const Scope& s, int64_t id, const RefurbishmentInput& in) const;

  // Financing needs (融资需求). A bank's contact (a department user of a unit of kind "bank") sees the
  // open needs and its bank's, and records its own bank's matches and loans. Enterprises post and see
  // their own; 金融办 (the department unit of
  // that name), the park's admins, sysadmins and leaders see all of the park; 金融办 and park admins
  // record the match (bank) and the loan. Other departments see none.
  struct NewNeed {
    std::optional<int64_t> enterprise_id;  // enterprise users: their own (this must be absent or equal)
    double amount = 0;
    int64_t term_months = 0;
    std::string purpose, collateral, channel, note;
  };
  StatusOr<sme::FinancingNeed> CreateNeed(const Scope& s, const NewNeed& in) const;
  StatusOr<std::vector<sme::FinancingNeed>> ListNeeds(const Scope& s, int64_t park_id) const;
  // status: matched (bank, on) | granted (loan_amount, on) | declined (note). 409 from a final state.
  StatusOr<sme::FinancingNeed> MoveNeed(const Scope& s, int64_t id, const std::string& status,
                                        const std::string& bank, std::optional<double> loan_amount,
                                        const std::string& on, const std::string& note) const;
  StatusOr<sme::FinancingTotals> NeedTotals(const Scope& s, int64_t park_id) const;

 private:
  Database* db_;
};

}  // namespace parkhq::storage
