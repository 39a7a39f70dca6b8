// What the evaluation workbench needs from storage: schemes per park and year, inputs (一企一单)
// with per-value sources, runs and their results, publication (公示) and appeals.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status_or.h"
#include "domain/access/scope.h"
#include "domain/evaluation/evaluation_calc.h"
#include "domain/evaluation/policy_config.h"
#include "domain/evaluation/scheme.h"

namespace parkhq::evaluation {

// Where a value came from: "platform" (approved monthly reports / parcels), "tax_bureau" (税务),
// "power_supply" (供电), "ecology" (生态环境), "natural_resources" (自然资源), "manual".
bool IsKnownSource(std::string_view s);

// One enterprise's stored inputs for a year (一企一单).
struct InputRecord {
  EnterpriseInput input;
  std::optional<std::string> enterprise_name;
  std::optional<int64_t> sub_park_id;
  std::optional<std::string> industry;
  std::optional<double> output;                   // 工业总产值 (万元), for 亩均产值
  std::map<std::string, std::string> sources;     // input field → source code
  std::optional<std::string> confirmed_at;        // 一企一单 confirmation
  std::optional<int64_t> confirmed_by;
};

struct RunInfo {
  int64_t id = 0;
  int64_t park_id = 0;
  int year = 0;
  std::string run_at;
  int64_t enterprises = 0;
  std::string status = "draft";                   // draft | published
  std::optional<std::string> published_at;
  std::optional<std::string> publicity_start;     // YYYY-MM-DD
  std::optional<std::string> publicity_end;
  Scheme scheme;                                  // the scheme the run used
};

// A stored result row: the calculation's result plus what the UI needs.
struct ResultRecord {
  EnterpriseResult r;
  std::optional<std::string> enterprise_name;
  bool appeal_changed = false;                    // class set by an upheld appeal
};

struct Appeal {
  int64_t id = 0;
  int64_t park_id = 0;
  int year = 0;
  int64_t run_id = 0;
  int64_t enterprise_id = 0;
  std::optional<std::string> enterprise_name;
  std::string reason;
  std::string status = "pending";                 // pending | upheld | rejected
  std::string class_before;
  std::optional<std::string> class_after;
  std::optional<std::string> decision_note;
  std::string created_at;
  std::optional<std::string> decided_at;
};

class EvaluationRepository {
 public:
  virtual ~EvaluationRepository() = default;
  virtual StatusOr<bool> ParkExists(int64_t park_id) = 0;
  virtual StatusOr<std::optional<Scheme>> GetScheme(int64_t park_id, int year) = 0;
  virtual Status SaveScheme(int64_t park_id, int year, const Scheme& s, const Scope& who) = 0;

  // All inputs of the year, by enterprise id (or one enterprise's when set).
  virtual StatusOr<std::vector<InputRecord>> LoadInputs(int64_t park_id, int year,
                                                        std::optional<int64_t> enterprise_id = {}) = 0;
  // Only what scoring needs (no names, sources or confirmation), by enterprise id: the run's loader.
  virtual StatusOr<std::vector<EnterpriseInput>> LoadScoringInputs(int64_t park_id, int year) = 0;
  // Inserts or replaces each enterprise's row (the caller has merged), with audit rows, in one
  // transaction.
  virtual Status UpsertInputs(int64_t park_id, int year, const std::vector<InputRecord>& rows,
                              const Scope& who) = 0;
  virtual Status ConfirmInput(int64_t park_id, int year, int64_t enterprise_id, const Scope& who) = 0;

  // Stores a run and all its results in one transaction; returns the run id.
  virtual StatusOr<int64_t> SaveRun(int64_t park_id, int year, const Scheme& scheme,
                                    const std::vector<ResultRecord>& results, const Scope& who) = 0;
  virtual StatusOr<std::optional<RunInfo>> LatestRun(int64_t park_id, int year) = 0;
  virtual StatusOr<std::vector<ResultRecord>> LoadResults(int64_t park_id, int64_t run_id,
                                                          std::optional<int64_t> enterprise_id = {}) = 0;
  virtual Status Publish(int64_t park_id, int64_t run_id, const std::string& start, const std::string& end,
                         const Scope& who) = 0;
  // (year, class) history of one enterprise: the latest run of each year.
  virtual StatusOr<std::map<int64_t, std::vector<std::pair<int, EvalClass>>>> ClassHistory(
      int64_t park_id, int up_to_year) = 0;

  virtual StatusOr<int64_t> CreateAppeal(const Appeal& a, const Scope& who) = 0;
  virtual StatusOr<std::vector<Appeal>> ListAppeals(int64_t park_id, int year,
                                                    std::optional<int64_t> enterprise_id) = 0;
  virtual StatusOr<std::optional<Appeal>> FindAppeal(int64_t park_id, int64_t appeal_id) = 0;
  // Records the decision; when upheld with a new class, also sets that result's class. One
  // transaction, audited.
  virtual Status DecideAppeal(const Appeal& decided, const Scope& who) = 0;

  // The park a configuration belongs to: `park_id` itself, or its parent for a sub-park; nullopt
  // when the park does not exist.
  virtual StatusOr<std::optional<int64_t>> TopPark(int64_t park_id) = 0;
  // The park's policy configuration (settings key "evaluation.policies"); nullopt when none is
  // stored (the defaults apply).
  virtual StatusOr<std::optional<PolicyConfig>> GetPolicyConfig(int64_t park_id) = 0;
  // Stores it; the audit row (before/after) is written in the same transaction.
  virtual Status SavePolicyConfig(int64_t park_id, const PolicyConfig& c, const Scope& who) = 0;
  // Removes it (back to the defaults), audited; OK (and no audit row) when nothing was stored.
  virtual Status DeletePolicyConfig(int64_t park_id, const Scope& who) = 0;
};

}  // namespace parkhq::evaluation
