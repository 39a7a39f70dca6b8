// Use cases of the 亩均效益 evaluation workbench. Who may do what:
//  - park staff (sysadmin, the park's admins) save schemes and inputs, run, publish, decide appeals;
//  - departments and leaders read (leaders are read-only; departments may also try a what-if);
//  - an enterprise user sees only its own inputs and result (the result once published) and may
//    confirm its own data sheet (一企一单) and appeal its own class during the 公示 period;
//  - a park outside the caller's scope is 404.
// Thread-safe (no mutable state).
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "domain/evaluation/comparison_calc.h"
#include "domain/evaluation/evaluation_repository.h"
#include "domain/evaluation/platform_figures_repository.h"
#include "domain/evaluation/policy_calc.h"
#include "domain/evaluation/policy_config.h"

namespace parkhq::evaluation {

struct SchemeView {
  Scheme scheme;
  bool is_default = false;  // no scheme saved for the year: the DefaultScheme is shown
};

struct RunView {
  std::optional<RunInfo> run;             // nullopt: the year has not been run
  std::vector<ResultRecord> items;        // ordered by group, rank (T last), enterprise id
  int64_t unconfirmed = 0;                // inputs not yet confirmed by their enterprise
};

struct WhatIfView {
  std::vector<ClassChange> changes;
  // Class counts A,B,C,D,T before and after, per group (index = Group).
  std::array<std::array<int32_t, 5>, kGroupCount> before{};
  std::array<std::array<int32_t, 5>, kGroupCount> after{};
  int64_t enterprises = 0;
};

struct MigrationView {
  int year = 0;
  MigrationMatrix matrix;
  bool has_last_year = false;
};

struct PolicyRow {
  int64_t enterprise_id = 0;
  std::optional<std::string> enterprise_name;
  EvalClass cls = EvalClass::kT;
  std::vector<PolicyItem> measures;
  int years_in_d = 0;
  std::optional<double> surcharge_rate;    // 元/kWh
  std::optional<double> surcharge_amount;  // 万元
};

// A park's 差别化政策 configuration as it applies.
struct PolicyConfigView {
  int64_t park_id = 0;         // the park asked about
  int64_t config_park_id = 0;  // the park whose configuration applies (a sub-park's top park)
  bool is_default = false;     // nothing stored: DefaultPolicyConfig()
  PolicyConfig config;
};

struct PolicyListView {
  std::vector<PolicyRow> rows;
  PolicyConfigView config;     // the list and schedule the rows were built from
};

// Per-mu figures (亩均税收, 亩均产值 …) over a set of inputs: ratios of sums.
struct PerMuFigure {
  std::string key;                         // sub-park id / industry name / "park"
  std::string name;
  int64_t enterprises = 0;
  double land_mu = 0;
  double tax = 0;
  double output = 0;                       // 工业总产值, or 营业收入 where no output was given
  double value_added = 0;
  std::optional<double> tax_per_mu;        // 亩均税收 万元/亩
  std::optional<double> output_per_mu;     // 亩均产值 万元/亩
  std::optional<double> value_added_per_mu;
};
struct PerMuView {
  PerMuFigure park;
  std::vector<PerMuFigure> by_sub_park;
  std::vector<PerMuFigure> by_industry;
  std::vector<PerMuFigure> by_group;
};

struct SkippedEnterprise {
  int64_t enterprise_id = 0;
  std::string reason;
  std::string enterprise_name;
};
struct FromPlatformView {
  int64_t enterprises = 0;                 // enterprises of the park considered
  int64_t updated = 0;                     // sheets written (changed values only)
  std::vector<SkippedEnterprise> skipped;  // no approved report, no land, invalid figures …
};

class EvaluationService {
 public:
  explicit EvaluationService(EvaluationRepository& repo, PlatformFiguresRepository* platform = nullptr)
      : repo_(repo), platform_(platform) {}

  StatusOr<SchemeView> GetScheme(const Scope& s, int64_t park_id, int year) const;
  // 422 with the domain's field errors; staff only.
  StatusOr<SchemeView> PutScheme(const Scope& s, int64_t park_id, int year, const Scheme& scheme) const;

  // Inputs: each item's set fields override the stored ones (or all when replace); 422 with
  // items[i].field details (negative or missing land area, unknown source …).
  StatusOr<std::vector<InputRecord>> PutInputs(const Scope& s, int64_t park_id, int year,
                                               const std::vector<InputRecord>& items) const;
  StatusOr<std::vector<InputRecord>> ListInputs(const Scope& s, int64_t park_id, int year) const;
  StatusOr<InputRecord> ConfirmInput(const Scope& s, int64_t park_id, int year, int64_t enterprise_id) const;
  // Computes the year's inputs from the platform (staff only): per enterprise of the registry, the
  // sums of its APPROVED monthly reports of the year (electricity 万kWh → kWh, employees_avg = the
  // average over the months that reported it) and land_mu = Σ area of the parcels it holds; group
  // from the registry's 规上 flag. A value whose stored source is not "platform" (imported or
  // manual) is kept. Enterprises without approved reports or without land are skipped.
  StatusOr<FromPlatformView> InputsFromPlatform(const Scope& s, int64_t park_id, int year) const;

  StatusOr<RunView> Run(const Scope& s, int64_t park_id, int year) const;
  StatusOr<RunView> Results(const Scope& s, int64_t park_id, int year) const;
  StatusOr<WhatIfView> WhatIf(const Scope& s, int64_t park_id, int year, const Scheme& proposed) const;
  StatusOr<MigrationView> Migration(const Scope& s, int64_t park_id, int year) const;
  // Per result: the measures of its class and the D-class surcharge, from the park's configuration.
  StatusOr<PolicyListView> Policies(const Scope& s, int64_t park_id, int year) const;
  // The park's policy list and surcharge schedule (its top park's for a sub-park; the defaults
  // when none is stored). Anyone who may read the park.
  StatusOr<PolicyConfigView> GetPolicyConfig(const Scope& s, int64_t park_id) const;
  // Saves it for the (top) park: park admins of that park and sysadmins (others 403; a park outside
  // the scope 404); 422 with ValidatePolicyConfig's field errors.
  StatusOr<PolicyConfigView> PutPolicyConfig(const Scope& s, int64_t park_id, const PolicyConfig& c) const;
  // Back to the defaults; same rights as PutPolicyConfig.
  StatusOr<PolicyConfigView> ResetPolicyConfig(const Scope& s, int64_t park_id) const;
  StatusOr<PerMuView> PerMu(const Scope& s, int64_t park_id, int year,
                            const std::vector<std::pair<int64_t, std::string>>& sub_parks) const;

  // 公示: publishes the latest run with a period of `days` days starting today (1..60).
  StatusOr<RunInfo> Publish(const Scope& s, int64_t park_id, int year, int days) const;
  StatusOr<Appeal> CreateAppeal(const Scope& s, int64_t park_id, int year, int64_t enterprise_id,
                                const std::string& reason) const;
  StatusOr<std::vector<Appeal>> ListAppeals(const Scope& s, int64_t park_id, int year) const;
  // decision: "upheld" | "rejected"; new_class (A–D) only when upheld.
  StatusOr<Appeal> DecideAppeal(const Scope& s, int64_t park_id, int64_t appeal_id, const std::string& decision,
                                std::optional<std::string> new_class, const std::string& note) const;

  // The resolved scheme of a year (saved or default) with last year's averages; 422 when a rule
  // benchmark has no last-year average.
  StatusOr<ResolvedScheme> Resolve(int64_t park_id, int year, const Scheme& scheme) const;

 private:
  Status RequireRead(const Scope& s, int64_t park_id) const;
  Status RequireAdmin(const Scope& s, int64_t park_id) const;
  // RequireAdmin on the park and on the park its configuration belongs to; returns the latter.
  StatusOr<int64_t> RequireConfigAdmin(const Scope& s, int64_t park_id) const;
  StatusOr<PolicyConfigView> ConfigOf(int64_t park_id) const;
  EvaluationRepository& repo_;
  PlatformFiguresRepository* platform_ = nullptr;
};

}  // namespace parkhq::evaluation
