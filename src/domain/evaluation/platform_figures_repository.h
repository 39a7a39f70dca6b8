// What the evaluation reads from the rest of the platform to compute a year's inputs (一企一单):
// the park's enterprises from the registry, their APPROVED monthly reports of the year summed per
// field, and the land they hold (sum of their parcels' area). Read-only; the tables belong to the
// enterprise and land modules.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status_or.h"

namespace parkhq::evaluation {

struct PlatformFigures {
  int64_t enterprise_id = 0;
  std::string name;
  std::optional<int64_t> sub_park_id;
  std::string leading_group;               // registry's 主导产业 group code
  bool above_scale = false;                // 规上 / 规下
  int64_t approved_months = 0;             // approved monthly reports of the year
  // Report field code (tax, revenue, value_added, output, energy, electricity, emissions, rnd,
  // employees …) → sum over the approved months, and the number of months that reported it.
  std::map<std::string, double> sums;
  std::map<std::string, int64_t> months;
  std::optional<double> land_mu;           // Σ area_mu of the parcels it holds; nullopt: none
};

class PlatformFiguresRepository {
 public:
  virtual ~PlatformFiguresRepository() = default;
  // Every enterprise registered in the park (park_id or sub_park_id), ordered by id.
  virtual StatusOr<std::vector<PlatformFigures>> LoadPlatformFigures(int64_t park_id, int year) = 0;
};

}  // namespace parkhq::evaluation
