// Reconciliation (对账) between sources (issue 11 item 2): the contract shape
// {"items":[{"indicator","sources":{"<source>":value,...},"difference","within_tolerance"}]} plus the
// rule, the records on each side (drill-down) and the staff's explanation.
#include "domain/figures/reconciliation_service.h"
#include "http/handlers/figures_handlers.h"
#include "http/json/json_util.h"

namespace parkhq::http::handlers {
namespace {

namespace fig = parkhq::figures;

json::array RecordsJson(const fig::SourceFigure& f) {
  json::array a;
  for (const auto& r : f.records) a.push_back({{"kind", r.kind}, {"id", r.id}, {"label", r.label}, {"value", r.value}});
  return a;
}

json::object ItemJson(const fig::ReconciliationItem& item) {
  const auto& p = item.pair;
  const auto& in = p.input;
  json::object sources{{in.first_source, OptJson(in.first.value)}, {in.second_source, OptJson(in.second.value)}};
  json::object records{{in.first_source, RecordsJson(in.first)}, {in.second_source, RecordsJson(in.second)}};
  json::value expl = nullptr;
  if (item.explanation)
    expl = json::object{{"text", item.explanation->text}, {"username", item.explanation->username},
                        {"at", item.explanation->at}};
  return {{"indicator", in.indicator},
          {"name", in.name},
          {"unit", in.unit},
          {"sources", std::move(sources)},
          {"authoritative", in.first_source},
          {"relation", fig::RelationName(in.relation)},
          {"rule", in.rule},
          {"difference", OptJson(p.difference)},
          {"difference_pct", OptJson(p.difference_pct)},
          {"within_tolerance", p.within_tolerance},
          {"records", std::move(records)},
          {"explanation", std::move(expl)}};
}

StatusOr<int64_t> ParkParam(const RequestContext& ctx) {
  auto id = ctx.IdParam("park_id");
  if (!id) return Status::NotFound("园区不存在或无权访问");
  return *id;
}

StatusOr<Period> PeriodOf(const std::optional<std::string>& q) {
  if (!q || q->empty()) return Status::FieldInvalid("period", "必填，格式 YYYY-MM");
  auto p = Period::Parse(*q);
  if (!p) return Status::FieldInvalid("period", "格式应为 YYYY-MM，如 2023-06");
  return *p;
}

}  // namespace

StatusOr<Response> GetReconciliation(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(Period period, PeriodOf(ctx.request.Query("period")));
  PARKHQ_ASSIGN_OR_RETURN(auto r, s.reconciliation->ForPark(ctx.caller(), park_id, period));
  json::array items;
  int differences = 0, unexplained = 0;
  for (const auto& i : r.items) {
    if (!i.pair.within_tolerance) {
      ++differences;
      if (!i.explanation) ++unexplained;
    }
    items.push_back(ItemJson(i));
  }
  return Json(json::object{{"park_id", r.park_id},
                           {"period", r.period.ToString()},
                           {"tolerance_pct", r.tolerance.pct},
                           {"differences", differences},
                           {"unexplained", unexplained},
                           {"items", std::move(items)}});
}

StatusOr<Response> PutReconciliationExplanation(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t park_id, ParkParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  auto period = f.String("period", true, 7);
  auto indicator = f.String("indicator", true, 64);
  auto text = f.String("text", true, 1000);
  PARKHQ_RETURN_IF_ERROR(f.Finish("差异说明有误"));
  PARKHQ_ASSIGN_OR_RETURN(Period p, PeriodOf(period));
  PARKHQ_ASSIGN_OR_RETURN(auto item, s.reconciliation->Explain(ctx.caller(), park_id, p, *indicator, *text));
  return Json(ItemJson(item));
}

}  // namespace parkhq::http::handlers
