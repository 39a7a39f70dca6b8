// ReconciliationRepository over the modules' own tables (portable SQL, both engines): monitoring's
// indicator_values, the enterprises' approved reports, projects' monthly investment, evaluation
// inputs, parcels and the registry. Thread-safe (one connection per call).
#pragma once
#include "domain/figures/reconciliation_service.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlReconciliationRepository final : public figures::ReconciliationRepository {
 public:
  explicit SqlReconciliationRepository(Database& db) : db_(db) {}
  StatusOr<std::map<std::string, figures::SourceFigure>> DirectFigures(int64_t park, const std::vector<int64_t>& tree,
                                                                       Period from, Period to) override;
  StatusOr<std::map<std::string, figures::SourceFigure>> ReportSums(int64_t park, Period from, Period to,
                                                                    bool above_scale_only,
                                                                    const std::vector<int64_t>& only_firms) override;
  StatusOr<figures::SourceFigure> ProjectInvestment(int64_t park, Period month) override;
  StatusOr<std::map<std::string, figures::SourceFigure>> EvaluationInputs(int64_t park, int year) override;
  StatusOr<figures::SourceFigure> ParcelAreas(const std::vector<int64_t>& tree, const std::vector<int64_t>& firms) override;
  StatusOr<figures::SourceFigure> NewAboveScale(int64_t park, Period from, Period to) override;
  StatusOr<figures::SourceFigure> NewMovedIn(int64_t park, Period from, Period to) override;
  StatusOr<std::map<std::string, std::string>> Settings(int64_t park) override;
  StatusOr<std::map<std::string, figures::Explanation>> Explanations(int64_t park, Period month) override;
  Status PutExplanation(int64_t park, Period month, const std::string& indicator, const std::string& text,
                        const Scope& who) override;

 private:
  StatusOr<figures::SourceFigure> Registry(int64_t park, const char* date_column, Period from, Period to);
  Database& db_;
};

}  // namespace parkhq::storage
