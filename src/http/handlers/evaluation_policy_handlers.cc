// 资源要素差别化配置 of a park: GET / PUT / DELETE /api/v1/parks/{park_id}/evaluation-policies.
// Parse the body (type mistakes as field errors) → one service call → the configuration as JSON.
#include "domain/evaluation/evaluation_service.h"
#include "http/handlers/evaluation_handlers.h"
#include "http/handlers/evaluation_handlers_internal.h"
#include "storage/evaluation/policy_config_json.h"

namespace parkhq::http::handlers {

using namespace parkhq::evaluation;  // NOLINT
using eval_internal::Svc;

namespace eval_internal {

json::object PolicyConfigViewJson(const PolicyConfigView& v) {
  json::object o = PolicyConfigToJson(v.config);
  o.emplace("park_id", v.park_id);
  o.emplace("config_park_id", v.config_park_id);
  o.emplace("is_default", v.is_default);
  return o;
}

std::string_view ResourceZh(std::string_view resource) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"land", "用地"},   {"electricity", "用电"}, {"water", "用水"}, {"energy", "用能"},
      {"credit", "信贷"}, {"subsidy", "财政奖补"},     {"other", "其他"}};
  for (const auto& [code, name] : kNames)
    if (code == resource) return name;
  return resource;
}

}  // namespace eval_internal

namespace {

StatusOr<int64_t> ReadPark(const RequestContext& ctx) {
  auto park_id = ctx.IdParam("park_id");
  if (!park_id) return Status::NotFound("园区不存在");
  return *park_id;
}

// The body's configuration: 422 with every field error at once — type mistakes first, then the
// domain's checks of the fields that were readable.
StatusOr<PolicyConfig> ReadPolicyConfig(const json::object& body) {
  std::vector<FieldError> errs;
  PolicyConfig c = PolicyConfigFromJson(body, errs);
  const Status st = ValidatePolicyConfig(c);
  for (const FieldError& d : st.details()) {
    bool seen = false;
    for (const FieldError& e : errs) seen = seen || e.field == d.field;
    if (!seen) errs.push_back(d);
  }
  if (errs.empty()) return c;
  std::string top = errs.size() == 1 ? errs.front().message : "差别化政策配置有误，请检查标出的字段";
  return Status::Validation(std::move(top), std::move(errs));
}

}  // namespace

StatusOr<Response> GetEvalPolicyConfig(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ReadPark(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto v, Svc(s).GetPolicyConfig(ctx.caller(), park_id));
  return Json(eval_internal::PolicyConfigViewJson(v));
}

StatusOr<Response> PutEvalPolicyConfig(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ReadPark(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto config, ReadPolicyConfig(body));
  PARKHQ_ASSIGN_OR_RETURN(auto v, Svc(s).PutPolicyConfig(ctx.caller(), park_id, config));
  return Json(eval_internal::PolicyConfigViewJson(v));
}

StatusOr<Response> DeleteEvalPolicyConfig(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ReadPark(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto v, Svc(s).ResetPolicyConfig(ctx.caller(), park_id));
  return Json(eval_internal::PolicyConfigViewJson(v));
}

}  // namespace parkhq::http::handlers
