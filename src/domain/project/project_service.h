// Use cases of the project pipeline (重点项目): create, read, edit, list; stage and flag changes
// under the stage rules; monthly investment; checklists, problems and milestones; the rates,
// lights, warnings and analytics of a park at a date. Thread-safe (no mutable state).
//
// Access (docs/projects.md "权限"): reads need the park in scope (404 otherwise: existence does
// not leak); writes need CanAdminPark (sysadmin, the park's admins) or, for a department user,
// that its unit is the project's 责任单位; other readers get 403. Creating needs CanAdminPark.
// Admin-only rule overrides (R4, R5) use CanAdminPark. Read-only callers never write (403).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/org/org_repository.h"
#include "domain/project/ledger.h"
#include "domain/project/lights_calc.h"
#include "domain/project/pipeline_calc.h"
#include "domain/project/project_repository.h"
#include "domain/project/rates_calc.h"

namespace parkhq::project {

struct ParkRates {
  Date date;
  int64_t park_id = 0;
  std::vector<RateResult> rates;
};

struct ProjectWarning {
  int64_t project_id = 0;
  std::string project_name;
  std::string kind;  // stage_overdue | approval_overdue | problem_overdue | no_investment
  std::string message;
  std::optional<Date> due;
};

struct PipelineAnalytics {
  Date as_of;
  std::vector<CohortConversion> cohorts;
  std::vector<StageDuration> durations;
  std::vector<StuckProject> stuck;
  YearBatches batches;
};

class ProjectService {
 public:
  ProjectService(ProjectRepository& repo, OrgRepository& org) : repo_(repo), org_(org) {}

  // Validates (422 with field details: negative investment, stage dates out of order, unknown
  // park "park_id", sub-park not of the park "sub_park_id") and inserts. The stage defaults to
  // 储备 with its date on 1 January of the earliest planned date's year (or today).
  StatusOr<ProjectRecord> Create(const Scope& s, ProjectRecord in) const;
  StatusOr<ProjectRecord> Get(const Scope& s, int64_t id) const;
  // Replaces the editable fields with `in` (stage and actual dates are kept from storage).
  StatusOr<ProjectRecord> Update(const Scope& s, int64_t id, ProjectRecord in) const;
  // park_id: one park or sub-park in scope (404 outside); nullopt: every park in scope.
  StatusOr<ProjectPage> List(const Scope& s, ProjectFilter f, std::optional<int64_t> park_id) const;

  // 409 when the rules refuse, 422 for bad dates / a missing reason.
  StatusOr<ProjectRecord> ChangeStage(const Scope& s, int64_t id, StageChangeRequest r) const;
  StatusOr<ProjectRecord> ChangeFlag(const Scope& s, int64_t id, const FlagChangeRequest& r) const;
  StatusOr<std::vector<StageLogEntry>> StageLog(const Scope& s, int64_t id) const;

  // Admission review (项目准入评审, admission.h): records a decision on a project before 签约.
  // Park admins only (403 for other writers, 404 outside the scope); 409 when the project is
  // terminated or already signed; 422 with the fields of ValidateAdmission. decided_on defaults to
  // today. Returns the project's decisions, newest first.
  StatusOr<std::vector<Admission>> RecordAdmission(const Scope& s, int64_t id, Admission a) const;
  StatusOr<std::vector<Admission>> Admissions(const Scope& s, int64_t id) const;
  StatusOr<ProjectRecord> ReportInvestment(const Scope& s, int64_t id, const MonthlyInvestment& m) const;

  StatusOr<std::vector<Milestone>> Milestones(const Scope& s, int64_t id) const;
  StatusOr<Milestone> SaveMilestone(const Scope& s, int64_t id, Milestone m) const;
  StatusOr<std::vector<ApprovalItem>> Approvals(const Scope& s, int64_t id) const;
  StatusOr<ApprovalItem> SaveApproval(const Scope& s, int64_t id, ApprovalItem a) const;
  StatusOr<std::vector<Problem>> Problems(const Scope& s, int64_t id) const;
  StatusOr<Problem> SaveProblem(const Scope& s, int64_t id, Problem p) const;
  Status DeleteChild(const Scope& s, int64_t id, const std::string& entity, int64_t child_id) const;

  // The eight rates of a park (with its sub-parks) or of one sub-park at `d`.
  StatusOr<ParkRates> Rates(const Scope& s, int64_t park_id, Date d) const;
  // The same for a region: every top-level park in the region (or its sub-regions) that the caller
  // may read; the funds target is the sum of those parks' targets. 404 for an unknown region or one
  // with no readable park.
  StatusOr<ParkRates> RegionRates(const Scope& s, int64_t region_id, Date d) const;
  StatusOr<std::vector<ProjectLights>> Lights(const Scope& s, int64_t park_id, Date d) const;
  StatusOr<std::vector<ProjectWarning>> Warnings(const Scope& s, int64_t park_id, Date d) const;
  StatusOr<PipelineAnalytics> Analytics(const Scope& s, int64_t park_id, Date d) const;
  // For the monitoring module (fai source): completed investment per park and month.
  StatusOr<MonthlyByPark> MonthlyCompletedInvestment(const std::vector<int64_t>& park_ids, int year) const {
    return repo_.MonthlyCompletedInvestment(park_ids, year);
  }

  // 重点项目台账 import, all or nothing: every row is checked first (422 with row/column/message
  // details, field "rows[<row>].<column>"); then new names are created and existing names (in the
  // park) get their editable fields, planned dates and plans overwritten (stage and actual dates
  // of existing projects change only through stage changes). Park admins only.
  struct ImportResult {
    int created = 0;
    int updated = 0;
  };
  StatusOr<ImportResult> ImportLedger(const Scope& s, int64_t park_id, const std::vector<io::InputRow>& rows) const;
  // Every project of a park in scope (for the export), ledger order (by id).
  StatusOr<std::vector<ProjectRecord>> AllProjects(const Scope& s, int64_t park_id) const;

  // Per-park settings (park 0 = defaults for every park), stored as typed settings.
  StatusOr<LightSettings> GetLightSettings(const Scope& s, int64_t park_id) const;
  StatusOr<StuckSettings> GetStuckSettings(const Scope& s, int64_t park_id) const;
  // Park admins; 422 with the fields of ValidateLightSettings / ValidateStuckSettings.
  Status SaveSettings(const Scope& s, int64_t park_id, const LightSettings& l, const StuckSettings& st) const;
  // Park and sub-park of a readable park id (404 outside the scope).
  struct ParkSelection {
    int64_t park_id = 0;  // top-level park
    std::optional<int64_t> sub_park_id;
  };
  StatusOr<ParkSelection> SelectPark(const Scope& s, int64_t park_id) const;

 private:
  StatusOr<ProjectRecord> Readable(const Scope& s, int64_t id) const;
  StatusOr<ProjectRecord> Writable(const Scope& s, int64_t id) const;
  Status ResolvePark(const Scope& s, ProjectRecord& in, std::vector<FieldError>& errs) const;

  ProjectRepository& repo_;
  OrgRepository& org_;
  StatusOr<LightSettings> LightsFor(int64_t park_id) const;
  StatusOr<StuckSettings> StuckFor(int64_t park_id) const;
};

// May this caller write this project (see the access rules above)?
bool CanWriteProject(const Scope& s, const ProjectRecord& p);

}  // namespace parkhq::project
