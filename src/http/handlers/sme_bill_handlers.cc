// SME park: bills, payments, arrears, income (issue 16 item 3) and repair tickets (item 4).
#include "http/handlers/services.h"
#include "http/handlers/sme_handlers.h"
#include "http/handlers/sme_json.h"
#include "http/handlers/xlsx_file.h"
#include "domain/sme/sme_calc.h"
#include "io/xlsx_writer.h"
#include "storage/sme/sme_store.h"

namespace parkhq::http::handlers {

namespace sj = sme_json;

namespace {

StatusOr<std::optional<Period>> QueryPeriod(const Request& r) {
  auto q = r.Query("period");
  if (!q || q->empty()) return std::optional<Period>();
  auto p = Period::Parse(*q);
  if (!p) return Status::Validation("查询条件有误", {{"period", "应为 YYYY-MM"}});
  return std::optional<Period>(*p);
}

const char* RepairStatusZh(const std::string& s) {
  if (s == "open") return "待派单";
  if (s == "assigned") return "维修中";
  if (s == "closed") return "已关闭";
  return "";
}

}  // namespace

// POST /parks/{park_id}/sme-bills/generate {"period","utilities"?:{"<lease_id>":万元}} → {"created":N}
StatusOr<Response> GenerateSmeBills(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  const std::string ps = f.String("period", true, 7).value_or("");
  const auto p = Period::Parse(ps);
  if (!ps.empty() && !p) f.AddError("period", "应为 YYYY-MM");
  std::map<int64_t, double> utilities;
  if (const auto* u = f.Raw("utilities"); u && !u->is_null()) {
    if (!u->is_object() || u->as_object().size() > 5000) {
      f.AddError("utilities", "应为“租约编号 → 水电费(万元)”的对象");
    } else {
      for (const auto& [k, v] : u->as_object()) {
        char* end = nullptr;
        const std::string key(k);
        const long long id = std::strtoll(key.c_str(), &end, 10);
        if (!end || *end || id <= 0 || !v.is_number()) {
          f.AddError("utilities." + key, "应为租约编号对应的金额");
          continue;
        }
        utilities[id] = v.to_number<double>();
      }
    }
  }
  PARKHQ_RETURN_IF_ERROR(f.Finish("账单信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(int64_t n, s.sme->store->GenerateBills(ctx.caller(), sj::ParkParam(ctx), *p, utilities));
  return Json(json::object{{"period", p->ToString()}, {"created", n}}, 201);
}

StatusOr<Response> ListSmeBills(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto p, QueryPeriod(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.sme->store->ListBills(ctx.caller(), sj::ParkParam(ctx), p));
  json::array a;
  for (const auto& b : list) a.push_back(sj::BillJson(b));
  return JsonList(std::move(a), static_cast<int64_t>(list.size()));
}

StatusOr<Response> ExportSmeBills(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto p, QueryPeriod(ctx.request));
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.sme->store->ListBills(ctx.caller(), sj::ParkParam(ctx), p));
  using io::Column;
  using io::ColumnKind;
  io::Sheet sh;
  sh.name = "租费账单";
  sh.title = "创业园租费账单" + (p ? "（" + p->ToString() + "）" : std::string());
  sh.columns = {Column{"账期", 10}, Column{"租户", 28}, Column{"楼宇", 16}, Column{"房号", 10},
                Column{"租金(万元)", 11, ColumnKind::kNumber, 4}, Column{"物业费(万元)", 11, ColumnKind::kNumber, 4},
                Column{"水电费(万元)", 11, ColumnKind::kNumber, 4}, Column{"应收(万元)", 11, ColumnKind::kNumber, 4},
                Column{"已收(万元)", 11, ColumnKind::kNumber, 4}, Column{"欠费(万元)", 11, ColumnKind::kNumber, 4},
                Column{"到期日", 12}};
  for (const auto& b : list)
    sh.rows.push_back({b.period, b.enterprise_name, b.building_name, b.unit_code, b.rent, b.property_fee, b.utilities,
                       b.amount, b.paid, sme::Round2(b.amount - b.paid), b.due_on});
  PARKHQ_ASSIGN_OR_RETURN(auto bytes, io::WriteXlsx({sh}));
  return XlsxFile(std::move(bytes), "租费账单.xlsx");
}

// POST /sme-bills/{id}/payments {"amount","paid_on"} → the bill
StatusOr<Response> AddSmePayment(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, sj::IdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  const double amount = f.Number("amount", true, 1e6).value_or(0);
  const std::string on = f.DateString("paid_on", true).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("收款信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto b, s.sme->store->AddPayment(ctx.caller(), id, amount, on));
  return Json(sj::BillJson(b), 201);
}

// GET /parks/{park_id}/sme-arrears → aging buckets and the bills in arrears with days past due.
StatusOr<Response> GetSmeArrears(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto v, s.sme->store->Arrears(ctx.caller(), sj::ParkParam(ctx)));
  json::array a;
  for (const auto& [b, days] : v.bills) {
    json::object o = sj::BillJson(b);
    o["days_overdue"] = days;
    a.push_back(std::move(o));
  }
  const auto& t = v.totals;
  return Json(json::object{{"as_of", Today().ToString()},
                           {"d1_30", t.d1_30},
                           {"d31_90", t.d31_90},
                           {"d91_180", t.d91_180},
                           {"over_180", t.over_180},
                           {"total", t.total},
                           {"bills", std::move(a)}});
}

// GET /parks/{park_id}/sme-income/{year} → billed and collected by month (造血: the assets' income).
StatusOr<Response> GetSmeIncome(RequestContext& ctx, const Services& s) {
  const std::string ys = ctx.params.count("year") ? ctx.params.at("year") : "";
  const int year = ys.size() == 4 ? std::atoi(ys.c_str()) : 0;
  if (year < 2000 || year > 2100) return Status::Validation("年份有误", {{"year", "应为 2000 到 2100 的年份"}});
  PARKHQ_ASSIGN_OR_RETURN(auto months, s.sme->store->Income(ctx.caller(), sj::ParkParam(ctx), year));
  json::array a;
  double billed = 0, collected = 0;
  for (const auto& m : months) {
    billed += m.billed;
    collected += m.collected;
    a.push_back(json::object{{"period", m.period}, {"billed", m.billed}, {"collected", m.collected}});
  }
  return Json(json::object{{"year", year},
                           {"billed", sme::Round2(billed)},
                           {"collected", sme::Round2(collected)},
                           {"collection_pct", billed > 0 ? sme::Round2(collected / billed * 100) : 0.0},
                           {"months", std::move(a)}});
}

StatusOr<Response> ListSmeRepairs(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.sme->store->ListRepairs(ctx.caller(), sj::ParkParam(ctx)));
  json::array a;
  for (const auto& r : list) a.push_back(sj::RepairJson(r));
  return JsonList(std::move(a), static_cast<int64_t>(list.size()));
}

StatusOr<Response> ExportSmeRepairs(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto list, s.sme->store->ListRepairs(ctx.caller(), sj::ParkParam(ctx)));
  using io::Column;
  io::Sheet sh;
  sh.name = "报修单";
  sh.title = "创业园报修单";
  sh.columns = {Column{"编号", 8, io::ColumnKind::kInteger}, Column{"楼宇", 16}, Column{"房号", 10}, Column{"租户", 26},
                Column{"故障", 30}, Column{"状态", 10}, Column{"维修人员", 12}, Column{"维修结果", 30},
                Column{"报修人", 12}, Column{"报修时间", 20}, Column{"关闭时间", 20}};
  for (const auto& r : list)
    sh.rows.push_back({static_cast<double>(r.id), r.building_name, r.unit_code, r.enterprise_name, r.title,
                       std::string(RepairStatusZh(r.status)), r.assignee, r.result, r.reported_by, r.reported_at,
                       r.closed_at.value_or("")});
  PARKHQ_ASSIGN_OR_RETURN(auto bytes, io::WriteXlsx({sh}));
  return XlsxFile(std::move(bytes), "报修单.xlsx");
}

// POST /sme-repairs {"unit_id","title","description"?}
StatusOr<Response> CreateSmeRepair(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  const int64_t unit = f.Int("unit_id", true).value_or(0);
  const std::string title = f.String("title", true, 200).value_or("");
  const std::string desc = f.String("description", false, 5000).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("报修信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto r, s.sme->store->CreateRepair(ctx.caller(), unit, title, desc));
  return Json(sj::RepairJson(r), 201);
}

// POST /sme-repairs/{id}/assign {"assignee"}
StatusOr<Response> AssignSmeRepair(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, sj::IdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  const std::string who = f.String("assignee", true, 100).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("派单信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto r, s.sme->store->AssignRepair(ctx.caller(), id, who));
  return Json(sj::RepairJson(r));
}

// POST /sme-repairs/{id}/close {"result"}
StatusOr<Response> CloseSmeRepair(RequestContext& ctx, const Services& s) {
  PARKHQ_ASSIGN_OR_RETURN(int64_t id, sj::IdParam(ctx));
  PARKHQ_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request));
  FieldReader f(body);
  const std::string result = f.String("result", true, 2000).value_or("");
  PARKHQ_RETURN_IF_ERROR(f.Finish("结单信息有误"));
  PARKHQ_ASSIGN_OR_RETURN(auto r, s.sme->store->CloseRepair(ctx.caller(), id, result));
  return Json(sj::RepairJson(r));
}

}  // namespace parkhq::http::handlers
