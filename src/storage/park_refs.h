// A record of one park may refer only to things of the same park (its sub-parks included): a
// parcel's holder enterprise, a project's industry-chain link. 422 naming the field otherwise.
#pragma once
#include <cstdint>
#include <string>

#include "common/status.h"
#include "storage/database.h"

namespace parkhq::storage {

Status CheckEnterpriseInPark(Connection& c, int64_t enterprise_id, int64_t park_id, const std::string& field,
                             const std::string& message);
Status CheckChainLinkInPark(Connection& c, int64_t link_id, int64_t park_id, const std::string& field,
                            const std::string& message);

}  // namespace parkhq::storage
