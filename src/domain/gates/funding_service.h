// Use cases of 资金来源: a project's funding by month and source, the park's totals by source and
// the bond-funded projects. Access: readers of the project's park (staff, leaders) read (404
// outside the scope, enterprise users 404); park admins write (403 otherwise).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/status_or.h"
#include "domain/access/scope.h"
#include "domain/gates/funding.h"

namespace parkhq::gates {

struct FundedProject {
  int64_t id = 0;
  int64_t park_id = 0;
  std::string name;
  std::string stage;  // project stage code
  double total_investment = 0;
};

class FundingRepository {
 public:
  virtual ~FundingRepository() = default;
  virtual StatusOr<std::optional<FundedProject>> Project(int64_t project_id) = 0;
  virtual StatusOr<std::vector<FundedProject>> ParkProjects(int64_t park_id) = 0;
  virtual StatusOr<std::vector<FundingRecord>> ProjectRecords(int64_t project_id, int year) = 0;
  virtual StatusOr<std::vector<FundingRecord>> ParkRecords(int64_t park_id, int year) = 0;
  // Replaces the (project, period, source) row with its audit row.
  virtual Status Save(int64_t park_id, const FundingRecord& r, const Scope& who) = 0;
};

class FundingService {
 public:
  explicit FundingService(FundingRepository& repo) : repo_(repo) {}
  StatusOr<std::vector<FundingRecord>> ProjectFunding(const Scope& s, int64_t project_id, int year) const;
  StatusOr<std::vector<FundingRecord>> Save(const Scope& s, int64_t project_id, FundingRecord r) const;
  StatusOr<std::vector<SourceTotal>> ParkTotals(const Scope& s, int64_t park_id, int year) const;
  struct BondRow {
    FundedProject project;
    BondProject bond;
  };
  StatusOr<std::vector<BondRow>> ParkBondProjects(const Scope& s, int64_t park_id, int year) const;

 private:
  StatusOr<FundedProject> Readable(const Scope& s, int64_t project_id) const;
  FundingRepository& repo_;
};

}  // namespace parkhq::gates
