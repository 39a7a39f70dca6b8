// A briefing's content as JSON (stored in briefings.content_json and returned by the API).
#pragma once
#include <boost/json.hpp>

#include "common/status_or.h"
#include "domain/briefing/briefing.h"

namespace parkhq::storage {

boost::json::object ContentToJson(const briefing::Content& c);
// Internal when the stored text is not a content object.
StatusOr<briefing::Content> ContentFromJson(const std::string& text);

}  // namespace parkhq::storage
