#include "storage/park_refs.h"

namespace parkhq::storage {
namespace {

// The top-level park of a park (itself when it has no parent); nullopt when it does not exist.
StatusOr<std::optional<int64_t>> RootPark(Connection& c, int64_t park_id) {
  PARKHQ_ASSIGN_OR_RETURN(auto r, c.QueryOne("SELECT COALESCE(parent_id, id) FROM parks WHERE id = ?", {park_id}));
  if (!r) return std::optional<int64_t>();
  return std::optional<int64_t>(r->Int(0));
}

Status SamePark(Connection& c, std::optional<int64_t> ref_park, int64_t park_id, const std::string& field,
                const std::string& message, const char* missing, const char* elsewhere) {
  if (!ref_park) return Status::Validation(message, {{field, missing}});
  PARKHQ_ASSIGN_OR_RETURN(auto a, RootPark(c, *ref_park));
  PARKHQ_ASSIGN_OR_RETURN(auto b, RootPark(c, park_id));
  if (!a || !b || *a != *b) return Status::Validation(message, {{field, elsewhere}});
  return Status::Ok();
}

}  // namespace

Status CheckEnterpriseInPark(Connection& c, int64_t enterprise_id, int64_t park_id, const std::string& field,
                             const std::string& message) {
  PARKHQ_ASSIGN_OR_RETURN(auto r, c.QueryOne("SELECT park_id FROM enterprises WHERE id = ?", {enterprise_id}));
  return SamePark(c, r ? std::optional<int64_t>(r->Int(0)) : std::nullopt, park_id, field, message, "企业不存在",
                  "企业不属于该园区");
}

Status CheckChainLinkInPark(Connection& c, int64_t link_id, int64_t park_id, const std::string& field,
                            const std::string& message) {
  PARKHQ_ASSIGN_OR_RETURN(auto r, c.QueryOne("SELECT park_id FROM chain_links WHERE id = ?", {link_id}));
  return SamePark(c, r ? std::optional<int64_t>(r->Int(0)) : std::nullopt, park_id, field, message,
                  "产业链环节不存在", "产业链环节不属于该园区");
}

}  // namespace parkhq::storage
