// 一企一档: the enterprise registry record and its validation.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "domain/enterprise/industry.h"
#include "domain/enterprise/pools_calc.h"

namespace parkhq::enterprise {

// A flag (高新技术企业, 科技型中小企业 ...) with its dates.
struct EnterpriseFlag {
  std::string code;            // kFlag* in pools_calc.h, or another known code
  std::optional<Date> since;   // 认定日期
  std::optional<Date> until;   // 有效期至
};

struct Enterprise {
  int64_t id = 0;
  int64_t park_id = 0;                  // the park (top level)
  std::optional<int64_t> sub_park_id;   // the sub-park, when known
  std::string uscc;
  std::string name;
  std::string legal_rep;
  std::string address;
  std::string contact_phone;
  std::string land_parcels;             // parcel references, comma separated
  std::string industry_code;            // GB/T 4754-2017, division level or finer
  LeadingGroup leading_group = LeadingGroup::kOther;
  bool leading_group_manual = false;    // set by hand instead of the mapping
  bool above_scale = false;             // 规上
  std::optional<Date> scale_changed_on;
  std::optional<int64_t> employees;
  std::optional<Date> founded_on;
  std::optional<Date> moved_in_on;      // 入园日期 (新入园 counts by it)
  EnterpriseStatus status = EnterpriseStatus::kOperating;
  std::optional<Date> status_changed_on;  // for closed firms: the closing date
  bool tax_arrears = false;
  bool is_demo = false;
  std::vector<EnterpriseFlag> flags;
  std::string created_at, updated_at;
};

// Known flag codes (the six of pools_calc.h).
const std::vector<std::string>& KnownFlags();
std::optional<EnterpriseStatus> ParseEnterpriseStatus(std::string_view s);
// 在营 | 停产 | 注销
const char* EnterpriseStatusNameZh(EnterpriseStatus s);

// Checks the registry fields of a record (not the park, which needs the org tree): USCC (with the
// expected check character), name, industry code against the table, flags known and not twice,
// dates in order (founded <= moved in; since <= until), employees >= 0. Status::Validation with
// one detail per field ("uscc", "name", "industry_code", "flags[N].code", ...).
Status ValidateEnterprise(const Enterprise& e, const IndustryTable& industries);

}  // namespace parkhq::enterprise
