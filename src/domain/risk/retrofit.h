// Enterprises flagged for 高耗能落后设备淘汰 or 清洁生产改造 and their retrofit projects
// (issue 14 item 5), and one enterprise-year energy account as the service returns it.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "common/status.h"
#include "common/time.h"

namespace parkhq::risk {

struct Retrofit {
  int64_t id = 0;
  int64_t park_id = 0;
  int64_t enterprise_id = 0;
  std::string enterprise_name;  // read only
  std::string kind;             // elimination | clean_production
  std::string name;
  std::string status;           // flagged | in_progress | completed | cancelled
  std::optional<double> investment;  // 万元
  std::optional<double> saving_tce;  // 预计年节能量 吨标准煤
  std::optional<Date> deadline;
  std::optional<Date> completed_on;
  std::string note;
  bool is_demo = false;
  std::string created_at, updated_at;
};

// 422 with field details: kind, status, name, completed_on (required when completed), amounts ≥ 0.
Status ValidateRetrofit(const Retrofit& r);
// Overdue: not completed or cancelled and the deadline is before today.
bool RetrofitOverdue(const Retrofit& r, Date today);

// One enterprise-year account. energy: kind → physical amount; emissions: pollutant → 吨.
struct EnergyAccount {
  int64_t enterprise_id = 0;
  std::string enterprise_name;
  int year = 0;
  std::map<std::string, double> energy;
  std::map<std::string, double> emissions;
  bool is_demo = false;
  std::string updated_at;
};

// 422 naming energy.<kind> / emissions.<code>: unknown codes, negative, non-finite or > 1e9.
Status ValidateAccount(const EnergyAccount& a);

}  // namespace parkhq::risk
