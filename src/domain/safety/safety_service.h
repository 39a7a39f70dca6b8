// Use cases of safety and environment (issue 14, items 1 and 2). Thread-safe (no mutable state).
// Scope: 404 for data outside the caller's parks (and, for enterprise users, for other
// enterprises' hazards they try to read); 403 for a caller who may read but not do this — an
// enterprise user rectifying another enterprise's hazard, a department or leader re-checking.
// 409 for a step the hazard's state does not allow; 422 naming the field for bad input.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/org/org_repository.h"
#include "domain/safety/safety_calc.h"
#include "domain/safety/safety_repository.h"

namespace parkhq::task {
class TaskService;
}

namespace parkhq::safety {

struct FacilityView {
  Facility f;
  std::optional<FacilityRecord> latest;
  std::optional<double> load_pct, discharge_pct;  // of capacity / discharge limit, latest record
  LimitState load_state = LimitState::kNone;
  LimitState discharge_state = LimitState::kNone;
  PermitState permit_state = PermitState::kNone;
  std::optional<int64_t> permit_days_left;
};

// One warning of the park's facilities (limit approached or exceeded, permit expiring or expired).
struct FacilityWarning {
  int64_t facility_id = 0;
  std::string facility;
  std::string kind;      // load | discharge | permit
  std::string level;     // near | over | expiring | expired
  std::string message;   // Chinese sentence
};

struct HazardInput {
  std::optional<int64_t> park_id;
  std::optional<int64_t> enterprise_id;
  std::optional<int64_t> facility_id;
  std::string responsible;
  std::string level;
  std::string category;
  std::string description;
  std::string measures;
  std::string deadline;
  std::string found_on;  // "" = today (an inspection's hazards: its date)
};

struct InspectionInput {
  std::optional<int64_t> park_id;
  std::string inspected_on;
  std::string inspector;
  std::string place;
  std::optional<int64_t> enterprise_id;
  std::optional<int64_t> facility_id;
  std::string checklist;
  std::string provider;
  std::string notes;
  std::vector<HazardInput> hazards;  // park_id, enterprise and facility default to the inspection's
  bool planned = false;              // a plan (检查计划): a date up to a year ahead, no hazards yet
};

class SafetyService {
 public:
  SafetyService(SafetyRepository& repo, OrgRepository& org, const task::TaskService* tasks)
      : repo_(repo), org_(org), tasks_(tasks) {}

  // Facilities: staff and leaders read; park admins (and sysadmin) write; operating records also by
  // department users serving the park.
  StatusOr<std::vector<FacilityView>> ListFacilities(const Scope& s, std::optional<int64_t> park_id) const;
  StatusOr<FacilityView> GetFacility(const Scope& s, int64_t id) const;
  StatusOr<FacilityView> SaveFacility(const Scope& s, std::optional<int64_t> id, Facility in) const;
  StatusOr<std::vector<FacilityRecord>> ListRecords(const Scope& s, int64_t facility_id) const;
  StatusOr<FacilityRecord> AddRecord(const Scope& s, int64_t facility_id, FacilityRecord in) const;
  StatusOr<std::vector<FacilityWarning>> Warnings(const Scope& s, int64_t park_id) const;

  // Inspections: staff (park admins; department users of a park they serve) record them.
  StatusOr<std::vector<Inspection>> ListInspections(const Scope& s, std::optional<int64_t> park_id) const;
  StatusOr<Inspection> CreateInspection(const Scope& s, const InspectionInput& in) const;
  // Carries out a planned inspection: the day it happened (not after today), who, and the hazards
  // found. Staff of its park; 409 when it is not planned any more.
  StatusOr<Inspection> CompleteInspection(const Scope& s, int64_t id, const InspectionInput& in) const;

  // Hazards. Enterprise users see only their own enterprise's.
  StatusOr<std::vector<Hazard>> ListHazards(const Scope& s, std::optional<int64_t> park_id) const;
  StatusOr<Hazard> GetHazard(const Scope& s, int64_t id) const;
  StatusOr<Hazard> CreateHazard(const Scope& s, const HazardInput& in) const;
  // 整改: the hazard's enterprise (its users) or the park's staff; open or reopened hazards only.
  StatusOr<Hazard> Rectify(const Scope& s, int64_t id, const std::string& text) const;
  // 复查: park staff; rectified hazards only. closed | reopened (a new deadline optional).
  StatusOr<Hazard> Recheck(const Scope& s, int64_t id, const std::string& result, const std::string& comment,
                           const std::string& new_deadline) const;
  // 督办: park admins turn an overdue hazard into a supervision order (task::IssueSupervision).
  StatusOr<Hazard> Escalate(const Scope& s, int64_t id, const std::vector<std::string>& units,
                            const std::string& deadline) const;
  StatusOr<HazardStats> Stats(const Scope& s, int64_t park_id, int year) const;

  // Photos (png, jpg; at most task::kMaxAttachmentBytes): whoever may rectify the hazard uploads.
  StatusOr<HazardFile> AddPhoto(const Scope& s, int64_t hazard_id, const std::string& filename,
                                const std::string& bytes) const;
  StatusOr<std::vector<HazardFile>> ListPhotos(const Scope& s, int64_t hazard_id) const;
  StatusOr<std::pair<HazardFile, std::string>> DownloadPhoto(const Scope& s, int64_t id) const;

 private:
  StatusOr<std::vector<int64_t>> ReadableParks(const Scope& s, std::optional<int64_t> park_id) const;
  StatusOr<int64_t> ResolvePark(const Scope& s, std::optional<int64_t> park_id) const;
  StatusOr<Hazard> Readable(const Scope& s, int64_t id) const;
  Status CheckHazard(const Scope& s, int64_t park, const HazardInput& in, const std::string& prefix, Date today,
                     std::vector<FieldError>& errors, Hazard& out) const;
  FacilityView View(const Facility& f, Date today) const;
  // Checks an inspection's fields and hazards into i and hazards (errors into e).
  Status CheckInspection(const Scope& s, int64_t park, const InspectionInput& in, Date today,
                         std::vector<FieldError>& e, Inspection& i, std::vector<Hazard>& hazards) const;

  SafetyRepository& repo_;
  OrgRepository& org_;
  const task::TaskService* tasks_;
};

}  // namespace parkhq::safety
