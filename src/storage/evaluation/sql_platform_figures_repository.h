// PlatformFiguresRepository in portable SQL: read-only queries over the enterprise module's
// registry and monthly reports (migration 0030) and the land module's parcels (0040).
#pragma once
#include "domain/evaluation/platform_figures_repository.h"
#include "storage/database.h"

namespace parkhq::storage {

class SqlPlatformFiguresRepository final : public evaluation::PlatformFiguresRepository {
 public:
  explicit SqlPlatformFiguresRepository(Database& db) : db_(db) {}
  StatusOr<std::vector<evaluation::PlatformFigures>> LoadPlatformFigures(int64_t park_id, int year) override;

 private:
  Database& db_;
};

}  // namespace parkhq::storage
