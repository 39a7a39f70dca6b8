// SME park: financing needs (融资需求, issue 16 item 5): post, list, match/grant/decline, totals.
#include "http/handlers/services.h"
#include "http/handlers/sme_handlers.h"
#include "http/handlers/sme_json.h"
#include "io/xlsx_writer.h"
#include "storage/sme/sme_store.h"

namespace parkhq::http::handlers {

namespace sj = sme_json;

namespace {

json::object NeedJson(const sme::FinancingNeed& n) {
  return {{"id", n.id},
          {"park_id", n.park_id},
          {"enterprise_id", n.enterprise_id},
          {"enterprise", n.enterprise_name},
          {"chain", n.chain},
          {"amount", n.amount},
          {"term_months", n.term_months},
          {"purpose", n.purpose},
          {"collateral", n.collateral},
          {"channel", n.channel},
          {"status", n.status},
          {"bank", n.bank},
          {"matched_on", OptJson(n.matched_on)},
          {"loan_amount", OptJson(n.loan_amount)},
          {"loan_on", OptJson(n.loan_on)},
          {"note", n.note},
          {"created_by", n.created_by},
          {"created_at", n.created_at},
          {"is_demo", n.is_demo}};
}

json::object GroupJson(const sme::FinancingGroup& g) {
  return {{"key", g.key}, {"needs", g.needs}, {"amount", g.amount}, {"granted", g.granted},
          {"granted_needs", g.granted_needs}};
}

const char* StatusZh(const std::string& s) {
  if (s == "open") return "待对接";
  if (s == "matched") return "已对接";
  if (s == "granted") return "已放款";
  if (s == "declined") return "未获批";
  return "";
}

}  // namespace

StatusOr<Response> ListFinancingNeeds(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.sme->store->ListNeeds(ctx.caller(), sj::ParkParam(ctx)));
  json::array a;
  for (const auto& n : list) a.push_back(NeedJson(n));
  return JsonList(std::move(a), static_cast<int64_t>(list.size()));
}

StatusOr<Response> ExportFinancingNeeds(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.sme->store->ListNeeds(ctx.caller(), sj::ParkParam(ctx)));
  using io::Column;
  using io::ColumnKind;
  io::Sheet sh;
  sh.name = "融资需求";
  sh.title = "企业融资需求台账";
  sh.columns = {Column{"企业", 28}, Column{"产业链", 14}, Column{"金额(万元)", 12, ColumnKind::kNumber},
                Column{"期限(月)", 9, ColumnKind::kInteger}, Column{"用途", 24}, Column{"担保方式", 14},
                Column{"渠道", 12}, Column{"状态", 9}, Column{"对接银行", 16},
                Column{"放款(万元)", 12, ColumnKind::kNumber}, Column{"放款日", 12}};
  for (const auto& n : list)
    sh.rows.push_back({n.enterprise_name, n.chain, n.amount, static_cast<double>(n.term_months), n.purpose,
                       n.collateral, n.channel, std::string(StatusZh(n.status)), n.bank,
                       n.loan_amount ? io::CellValue(*n.loan_amount) : io::CellValue(), n.loan_on.value_or("")});
  Response r;
  PARKHQ_ASSIGN_OR_RETURN(r.body, io::WriteXlsx({sh}));
  r.content_type = io::kXlsxContentType;
  r.AddHeader("Content-Disposition", io::AttachmentDisposition("融资需求.xlsx"));
  return r;
}

// POST /financing-needs {"amount","term_months","purpose","collateral","channel","enterprise_id"?,"note"?}
StatusOr<Response> CreateFinancingNeed(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  storage::SmeStore::NewNeed in;
  in.enterprise_id = f.Int("enterprise_id", false);
  in.amount = f.Number("amount", true, 1e7).value_or(0);
  in.term_months = f.Int("term_months", true).value_or(0);
  in.purpose = f.String("purpose", true, 500).value_or("");
  in.collateral = f.String("collateral", true, 30).value_or("");
  in.channel = f.String("channel", true, 30).value_or("");
  in.note = f.String("note", false, 2000).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("融资需求有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto n, s.sme->store->CreateNeed(ctx.caller(), in));
  return Json(NeedJson(n), 201);
}

// POST /financing-needs/{id}/status {"status":"matched"|"granted"|"declined","bank"?,"loan_amount"?,"on"?,"note"?}
StatusOr<Response> MoveFinancingNeed(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, sj::IdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  const std::string status = f.String("status", true, 20).value_or("");
  const std::string bank = f.String("bank", false, 100).value_or("");
  const auto loan = f.Number("loan_amount", false, 1e7);
  const std::string on = f.String("on", false, 10).value_or("");
  const std::string note = f.String("note", false, 2000).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("对接信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto n, s.sme->store->MoveNeed(ctx.caller(), id, status, bank, loan, on, note));
  return Json(NeedJson(n));
}

// GET /parks/{park_id}/financing-totals → {"all":{..},"by_bank":[..],"by_chain":[..]} (整体授信)
StatusOr<Response> GetFinancingTotals(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto t, s.sme->store->NeedTotals(ctx.caller(), sj::ParkParam(ctx)));
  json::array banks, chains;
  for (const auto& g : t.by_bank) banks.push_back(GroupJson(g));
  for (const auto& g : t.by_chain) chains.push_back(GroupJson(g));
  return Json(json::object{{"all", GroupJson(t.all)}, {"by_bank", std::move(banks)}, {"by_chain", std::move(chains)}});
}

}  // namespace parkhq::http::handlers
