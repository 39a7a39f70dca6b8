// 亩均效益评价 handlers (issue 6, evaluation half): schemes, inputs (一企一单), run and results,
// what-if, migration, policy list, per-mu figures, 公示 and appeals. Parse → one service call →
// render JSON (or CSV / XLSX with ?format=).
#pragma once
#include "http/handlers/services.h"
#include "http/router.h"

namespace parkhq::http::handlers {

StatusOr<Response> GetEvalScheme(RequestContext& ctx, const Services& s);
StatusOr<Response> PutEvalScheme(RequestContext& ctx, const Services& s);
StatusOr<Response> GetEvalInputs(RequestContext& ctx, const Services& s);
StatusOr<Response> PutEvalInputs(RequestContext& ctx, const Services& s);
StatusOr<Response> ImportEvalInputs(RequestContext& ctx, const Services& s);
StatusOr<Response> ConfirmEvalInput(RequestContext& ctx, const Services& s);
StatusOr<Response> RunEvaluation(RequestContext& ctx, const Services& s);
// POST …/evaluations/{year}/inputs/from-platform → {"enterprises","updated","skipped":[{enterprise_id,reason}]}
StatusOr<Response> EvalInputsFromPlatform(RequestContext& ctx, const Services& s);
StatusOr<Response> GetEvaluation(RequestContext& ctx, const Services& s);
StatusOr<Response> EvalWhatIf(RequestContext& ctx, const Services& s);
StatusOr<Response> GetEvalMigration(RequestContext& ctx, const Services& s);
StatusOr<Response> GetEvalPolicies(RequestContext& ctx, const Services& s);
// GET/PUT/DELETE /api/v1/parks/{park_id}/evaluation-policies: the park's policy list by class and
// D-class surcharge schedule (evaluation_policy_handlers.cc).
StatusOr<Response> GetEvalPolicyConfig(RequestContext& ctx, const Services& s);
StatusOr<Response> PutEvalPolicyConfig(RequestContext& ctx, const Services& s);
StatusOr<Response> DeleteEvalPolicyConfig(RequestContext& ctx, const Services& s);
StatusOr<Response> GetEvalPerMu(RequestContext& ctx, const Services& s);
StatusOr<Response> PublishEvaluation(RequestContext& ctx, const Services& s);
StatusOr<Response> ListEvalAppeals(RequestContext& ctx, const Services& s);
StatusOr<Response> CreateEvalAppeal(RequestContext& ctx, const Services& s);
StatusOr<Response> DecideEvalAppeal(RequestContext& ctx, const Services& s);

}  // namespace parkhq::http::handlers
