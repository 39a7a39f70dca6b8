// JSON of the talent module's values, and the readers of request bodies (merging onto an existing
// value for PATCH: members absent keep their value, null clears an optional one).
#pragma once
#include <string>

#include "domain/talent/talent_service.h"
#include "http/json/json_util.h"

namespace parkhq::http::talent_json {

json::object PostJson(const talent::Post& p);
json::object CandidateJson(const talent::Candidate& c);
json::object MatchJson(const talent::MatchRow& m);
json::object DemandJson(const talent::DemandView& v);
json::object RewardTypeJson(const talent::RewardType& t);
json::object ApplicationJson(const talent::RewardApplication& a);
json::object FileJson(const talent::RewardFile& f);

// 422 naming the fields on a bad body; `create` requires the required members.
Status ReadPost(const json::object& body, talent::Post& p, bool create);
Status ReadCandidate(const json::object& body, talent::Candidate& c, bool create);
Status ReadRewardType(const json::object& body, talent::RewardType& t, bool create);
Status ReadApplication(const json::object& body, talent::RewardApplication& a);


}  // namespace parkhq::http::talent_json
