// RiskService: energy and emissions accounts, the park summary and targets, retrofits.
#include <map>

#include "domain/evaluation/platform_figures_repository.h"
#include "domain/risk/risk_service.h"

namespace parkhq::risk {

namespace {

bool IsEnterpriseUser(const Scope& s) { return s.role == Role::kEnterprise; }

struct ReportSums {
  std::optional<double> value_added, energy;
};

StatusOr<std::map<int64_t, ReportSums>> LoadReportSums(evaluation::PlatformFiguresRepository* reports,
                                                        int64_t park_id, int year) {
  std::map<int64_t, ReportSums> out;
  if (!reports) return out;
  PARKHQ_ASSIGN_OR_RETURN(auto figures, reports->LoadPlatformFigures(park_id, year));
  for (const auto& f : figures) {
    if (f.approved_months == 0) continue;
    ReportSums& r = out[f.enterprise_id];
    if (auto it = f.sums.find("value_added"); it != f.sums.end()) r.value_added = it->second;
    if (auto it = f.sums.find("energy"); it != f.sums.end()) r.energy = it->second;
  }
  return out;
}

double SumValues(const std::map<std::string, double>& m) {
  double s = 0;
  for (const auto& [k, v] : m) s += v;
  return s;
}

Status CheckYear(int year) {
  if (year < 2000 || year > 2100) return Status::Validation("年份有误", {{"year", "应为 2000–2100"}});
  return Status::Ok();
}

}  // namespace

StatusOr<std::vector<AccountRow>> RiskService::ListAccounts(const Scope& s, int64_t park_id, int year) const {
  PARKHQ_RETURN_IF_ERROR(RequireRead(s, park_id));
  PARKHQ_RETURN_IF_ERROR(CheckYear(year));
  PARKHQ_ASSIGN_OR_RETURN(auto accounts, repo_.ListAccounts(park_id, year));
  PARKHQ_ASSIGN_OR_RETURN(auto sums, LoadReportSums(reports_, park_id, year));
  PARKHQ_ASSIGN_OR_RETURN(auto retrofits, repo_.ListRetrofits(park_id, std::nullopt));
  std::map<int64_t, int64_t> open;
  for (const auto& r : retrofits)
    if (r.status == "flagged" || r.status == "in_progress") ++open[r.enterprise_id];
  std::vector<AccountRow> out;
  for (auto& a : accounts) {
    if (IsEnterpriseUser(s) && s.enterprise_id != a.enterprise_id) continue;
    AccountRow row;
    row.tce = ToTce(a.energy);
    row.emissions_t = SumValues(a.emissions);
    if (auto it = sums.find(a.enterprise_id); it != sums.end()) {
      row.value_added = it->second.value_added;
      row.reported_tce = it->second.energy;
    }
    if (row.value_added && *row.value_added > 0) row.intensity = row.tce / *row.value_added;
    row.open_retrofits = open[a.enterprise_id];
    row.account = std::move(a);
    out.push_back(std::move(row));
  }
  return out;
}

StatusOr<AccountRow> RiskService::PutAccount(const Scope& s, int64_t enterprise_id, EnergyAccount a) const {
  PARKHQ_ASSIGN_OR_RETURN(auto e, EnterpriseFor(s, enterprise_id));
  if (!s.CanActForEnterprise(e.id, e.park_id)) return Status::PermissionDenied("只能填报本企业的能源消费台账");
  a.enterprise_id = e.id;
  PARKHQ_RETURN_IF_ERROR(ValidateAccount(a));
  PARKHQ_RETURN_IF_ERROR(repo_.SaveAccount(e.park_id, a, s));
  PARKHQ_ASSIGN_OR_RETURN(auto rows, ListAccounts(s, e.park_id, a.year));
  for (auto& r : rows)
    if (r.account.enterprise_id == e.id) return std::move(r);
  // An empty account (no energy, no emissions) leaves no rows: answer it as saved.
  AccountRow empty;
  a.enterprise_name = e.name;
  empty.account = std::move(a);
  return empty;
}

StatusOr<RiskService::SummaryView> RiskService::Summary(const Scope& s, int64_t park_id, int year) const {
  PARKHQ_RETURN_IF_ERROR(RequireRead(s, park_id));
  if (IsEnterpriseUser(s)) return Status::PermissionDenied("企业用户不能查看园区能耗汇总");
  PARKHQ_RETURN_IF_ERROR(CheckYear(year));
  PARKHQ_ASSIGN_OR_RETURN(auto accounts, repo_.ListAccounts(park_id, year));
  PARKHQ_ASSIGN_OR_RETURN(auto sums, LoadReportSums(reports_, park_id, year));
  SummaryView v;
  PARKHQ_ASSIGN_OR_RETURN(v.targets, repo_.GetTargets(park_id, year));
  std::vector<EnterpriseEnergy> rows;
  for (const auto& a : accounts) {
    EnterpriseEnergy e{a.enterprise_id, a.energy, a.emissions, std::nullopt};
    if (auto it = sums.find(a.enterprise_id); it != sums.end()) {
      e.value_added = it->second.value_added;
      if (!a.energy.empty() && it->second.energy) v.reported_tce += *it->second.energy;
    }
    rows.push_back(std::move(e));
  }
  v.summary = risk::Summarize(rows, v.targets);
  return v;
}

StatusOr<EnergyTargets> RiskService::PutTargets(const Scope& s, int64_t park_id, int year,
                                                const EnergyTargets& t) const {
  PARKHQ_RETURN_IF_ERROR(RequireAdmin(s, park_id));
  PARKHQ_RETURN_IF_ERROR(CheckYear(year));
  std::vector<FieldError> e;
  auto check = [&](const std::optional<double>& v, const char* field) {
    if (v && (!(*v > 0) || *v > 1e9)) e.push_back({field, "目标应为大于 0 的数"});
  };
  check(t.energy_cap_tce, "energy_cap_tce");
  check(t.intensity_target, "intensity_target");
  check(t.emissions_cap_t, "emissions_cap_t");
  if (!e.empty()) return Status::Validation("目标有误", std::move(e));
  PARKHQ_RETURN_IF_ERROR(repo_.SaveTargets(park_id, year, t, s));
  return repo_.GetTargets(park_id, year);
}

StatusOr<std::vector<Retrofit>> RiskService::ListRetrofits(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(RequireRead(s, park_id));
  if (IsEnterpriseUser(s)) {
    if (!s.enterprise_id) return std::vector<Retrofit>{};
    return repo_.ListRetrofits(park_id, s.enterprise_id);
  }
  return repo_.ListRetrofits(park_id, std::nullopt);
}

StatusOr<Retrofit> RiskService::CreateRetrofit(const Scope& s, int64_t park_id, Retrofit r) const {
  PARKHQ_RETURN_IF_ERROR(RequireAdmin(s, park_id));
  r.park_id = park_id;
  PARKHQ_RETURN_IF_ERROR(ValidateRetrofit(r));
  PARKHQ_ASSIGN_OR_RETURN(auto e, repo_.FindEnterprise(r.enterprise_id));
  if (!e || e->park_id != park_id) return Status::Validation("改造项目有误", {{"enterprise_id", "该园区没有这家企业"}});
  r.is_demo = false;
  PARKHQ_ASSIGN_OR_RETURN(r.id, repo_.CreateRetrofit(r, s));
  PARKHQ_ASSIGN_OR_RETURN(auto stored, repo_.FindRetrofit(r.id));
  if (!stored) return Status::Internal("改造项目保存后读取失败");
  return *stored;
}

StatusOr<Retrofit> RiskService::UpdateRetrofit(const Scope& s, int64_t id, Retrofit after) const {
  PARKHQ_ASSIGN_OR_RETURN(auto before, repo_.FindRetrofit(id));
  if (!before || !s.CanReadPark(before->park_id) ||
      (IsEnterpriseUser(s) && s.enterprise_id != before->enterprise_id))
    return Status::NotFound("改造项目不存在或无权访问");
  if (!s.CanAdminPark(before->park_id)) return Status::PermissionDenied("只有园区管理人员可以进行此操作");
  after.id = id;
  after.park_id = before->park_id;
  after.enterprise_id = before->enterprise_id;
  after.is_demo = before->is_demo;
  after.created_at = before->created_at;
  PARKHQ_RETURN_IF_ERROR(ValidateRetrofit(after));
  PARKHQ_RETURN_IF_ERROR(repo_.UpdateRetrofit(after, s));
  PARKHQ_ASSIGN_OR_RETURN(auto stored, repo_.FindRetrofit(id));
  if (!stored) return Status::NotFound("改造项目不存在或无权访问");
  return *stored;
}

}  // namespace parkhq::risk
