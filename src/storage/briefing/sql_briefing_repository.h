// BriefingRepository in portable SQL (table briefings, migration 0100). Every write commits with
// its audit row.
#pragma once
#include "domain/briefing/briefing_service.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlBriefingRepository final : public briefing::BriefingRepository {
 public:
  explicit SqlBriefingRepository(Database& db) : db_(db) {}
  StatusOr<int64_t> Create(const briefing::Briefing& b, const Scope& who) override;
  StatusOr<std::optional<briefing::Briefing>> Find(int64_t id) override;
  Status Update(const briefing::Briefing& after, const std::string& action, const Scope& who) override;
  StatusOr<std::vector<briefing::BriefingSummary>> List(const std::vector<int64_t>& park_ids, int64_t offset,
                                                        int64_t limit, int64_t* total) override;
  StatusOr<std::optional<briefing::Briefing>> LatestIssuedBefore(int64_t park_id, Period p) override;
  StatusOr<int64_t> CountFor(int64_t park_id, Period p) override;

 private:
  Database& db_;
};

}  // namespace parkhq::storage
