// SME park: leases (issue 16 item 2) and the rent roll (租金台账) as XLSX.
#include "http/handlers/services.h"
#include "http/handlers/sme_handlers.h"
#include "http/handlers/sme_json.h"
#include "io/xlsx_writer.h"
#include "storage/sme/sme_store.h"

namespace parkhq::http::handlers {

namespace sj = sme_json;

namespace {

const char* LeaseStatusZh(const std::string& s) {
  if (s == "active") return "在租";
  if (s == "upcoming") return "待起租";
  if (s == "expired") return "已到期";
  if (s == "early_end") return "提前终止";
  if (s == "move_out") return "已退租";
  return "";
}

}  // namespace

StatusOr<Response> ListLeases(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.sme->store->ListLeases(ctx.caller(), sj::ParkParam(ctx)));
  const std::string status = ctx.request.Query("status").value_or("");
  json::array a;
  for (const auto& l : list)
    if (status.empty() || l.status == status) a.push_back(sj::LeaseJson(l));
  const auto n = static_cast<int64_t>(a.size());
  return JsonList(std::move(a), n);
}

// GET /parks/{park_id}/expiring-leases: active leases ending within 90 days (windows 30/60/90).
StatusOr<Response> ListExpiringLeases(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.sme->store->ListLeases(ctx.caller(), sj::ParkParam(ctx)));
  json::array a;
  for (const auto& l : list)
    if (l.expiry_window) a.push_back(sj::LeaseJson(l));
  const auto n = static_cast<int64_t>(a.size());
  return JsonList(std::move(a), n);
}

// GET /parks/{park_id}/leases.xlsx: the rent roll (租金台账), what the caller may see.
StatusOr<Response> ExportRentRoll(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.sme->store->ListLeases(ctx.caller(), sj::ParkParam(ctx)));
  using io::Column;
  using io::ColumnKind;
  io::Sheet sh;
  sh.name = "租金台账";
  sh.title = "创业园租金台账（截至 " + Today().ToString() + "）";
  sh.columns = {Column{"楼宇", 18},
                Column{"房号", 10},
                Column{"面积(㎡)", 10, ColumnKind::kNumber},
                Column{"租户", 28},
                Column{"起租日", 12},
                Column{"到期日", 12},
                Column{"终止日", 12},
                Column{"状态", 10},
                Column{"月租金(万元)", 12, ColumnKind::kNumber, 4},
                Column{"物业费(万元/月)", 12, ColumnKind::kNumber, 4},
                Column{"押金(万元)", 10, ColumnKind::kNumber},
                Column{"免租期(月)", 10, ColumnKind::kInteger},
                Column{"孵化减免(%)", 10, ColumnKind::kNumber},
                Column{"在孵", 6},
                Column{"毕业日", 12}};
  bool demo = false;
  for (const auto& l : list) {
    demo = demo || l.is_demo;
    sh.rows.push_back({l.building_name, l.unit_code, l.area, l.enterprise_name, l.start_on, l.end_on,
                       l.ended_on.value_or(""), std::string(LeaseStatusZh(l.status)), l.monthly_rent, l.property_fee,
                       l.deposit, static_cast<double>(l.free_months), l.relief_pct,
                       std::string(l.incubatee ? "是" : "否"), l.graduated_on.value_or("")});
  }
  if (demo) sh.notes.push_back("（演示数据）");
  Response r;
  PARKHQ_ASSIGN_OR_RETURN(r.body, io::WriteXlsx({sh}));
  r.content_type = io::kXlsxContentType;
  r.AddHeader("Content-Disposition", io::AttachmentDisposition("租金台账.xlsx"));
  return r;
}

// POST /leases {"unit_id","enterprise_id","start_on","end_on","monthly_rent","property_fee"?,"deposit"?,
// "free_months"?,"relief_pct"?,"relief_years"?,"incubatee"?} → 201; 409 on an overlapping term.
StatusOr<Response> CreateLease(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  sme::NewLease in;
  in.unit_id = f.Int("unit_id", true).value_or(0);
  in.enterprise_id = f.Int("enterprise_id", true).value_or(0);
  in.start_on = f.DateString("start_on", true).value_or("");
  in.end_on = f.DateString("end_on", true).value_or("");
  in.monthly_rent = f.NonNegative("monthly_rent", true, 1e6).value_or(0);
  in.property_fee = f.NonNegative("property_fee", false, 1e6).value_or(0);
  in.deposit = f.NonNegative("deposit", false, 1e6).value_or(0);
  in.free_months = f.Int("free_months", false).value_or(0);
  in.relief_pct = f.NonNegative("relief_pct", false, 1e6).value_or(0);
  in.relief_years = f.Int("relief_years", false).value_or(0);
  in.incubatee = f.Bool("incubatee", false).value_or(false);
  PARKHQ_RETURN_IF_ERROR(f.Finish("租约信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto l, s.sme->store->CreateLease(ctx.caller(), in));
  return Json(sj::LeaseJson(l), 201);
}

StatusOr<Response> GetLease(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, sj::IdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto l, s.sme->store->GetLease(ctx.caller(), id));
  return Json(sj::LeaseJson(l));
}

// POST /leases/{id}/end {"kind":"early_end"|"move_out","ended_on"}
StatusOr<Response> EndLease(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, sj::IdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  const std::string kind = f.String("kind", true, 20).value_or("");
  const std::string on = f.DateString("ended_on", true).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("退租信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto l, s.sme->store->EndLease(ctx.caller(), id, kind, on));
  return Json(sj::LeaseJson(l));
}

// POST /leases/{id}/renew {"end_on","monthly_rent"?}
StatusOr<Response> RenewLease(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, sj::IdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  const std::string end = f.DateString("end_on", true).value_or("");
  const auto rent = f.NonNegative("monthly_rent", false, 1e6);
  PARKHQ_RETURN_IF_ERROR(f.Finish("续租信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto l, s.sme->store->RenewLease(ctx.caller(), id, end, rent));
  return Json(sj::LeaseJson(l));
}

// POST /leases/{id}/graduate {"kind":"own_land"|"above_scale","graduated_on"}
StatusOr<Response> GraduateLease(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, sj::IdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  const std::string kind = f.String("kind", true, 20).value_or("");
  const std::string on = f.DateString("graduated_on", true).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("毕业信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto l, s.sme->store->GraduateLease(ctx.caller(), id, kind, on));
  return Json(sj::LeaseJson(l));
}

}  // namespace parkhq::http::handlers
