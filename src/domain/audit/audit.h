// The audit trail: who changed what, when, from where, before and after.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace parkhq {

struct AuditEntry {
  int64_t id = 0;
  std::optional<int64_t> park_id;
  std::string at;  // UTC ISO 8601
  std::optional<int64_t> user_id;
  std::string username;
  std::string ip;
  std::string action;     // create | update | delete | login | login_failed | unlock | ...
  std::string entity;     // user | park | target | indicator_value | ...
  std::string entity_id;
  std::string before_json;  // "" when none
  std::string after_json;   // "" when none
  std::string reason;
};

struct AuditFilter {
  std::optional<std::string> username;
  std::optional<std::string> entity;
  std::optional<std::string> entity_id;
  std::optional<std::string> from_date;  // YYYY-MM-DD inclusive
  std::optional<std::string> to_date;    // YYYY-MM-DD inclusive
  int64_t offset = 0;
  int64_t limit = 20;
};

}  // namespace parkhq
