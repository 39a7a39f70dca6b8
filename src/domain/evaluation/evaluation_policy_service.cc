// EvaluationService, the 资源要素差别化配置 part: the park's policy list and D-class surcharge
// schedule (configuration per top-level park, sub-parks use their park's), and the per-enterprise
// policy list built from it.
#include <map>

#include "domain/evaluation/evaluation_service.h"

namespace parkhq::evaluation {

StatusOr<PolicyConfigView> EvaluationService::ConfigOf(int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto top, repo_.TopPark(park_id));
  if (!top) return Status::NotFound("园区不存在或无权访问");
  PARKHQ_ASSIGN_OR_RETURN(auto stored, repo_.GetPolicyConfig(*top));
  PolicyConfigView v;
  v.park_id = park_id;
  v.config_park_id = *top;
  v.is_default = !stored;
  v.config = stored ? std::move(*stored) : DefaultPolicyConfig();
  return v;
}

StatusOr<int64_t> EvaluationService::RequireConfigAdmin(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(RequireAdmin(s, park_id));
  PARKHQ_ASSIGN_OR_RETURN(auto top, repo_.TopPark(park_id));
  if (!top) return Status::NotFound("园区不存在或无权访问");
  // A sub-park's settings are its park's: changing them needs the rights on that park.
  if (*top != park_id && !s.CanAdminPark(*top))
    return Status::PermissionDenied("子园区使用所属园区的差别化政策配置，请由所属园区管理员修改");
  return *top;
}

StatusOr<PolicyConfigView> EvaluationService::GetPolicyConfig(const Scope& s, int64_t park_id) const {
  PARKHQ_RETURN_IF_ERROR(RequireRead(s, park_id));
  return ConfigOf(park_id);
}

StatusOr<PolicyConfigView> EvaluationService::PutPolicyConfig(const Scope& s, int64_t park_id,
                                                              const PolicyConfig& c) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t top, RequireConfigAdmin(s, park_id));
  PARKHQ_RETURN_IF_ERROR(ValidatePolicyConfig(c));
  PARKHQ_RETURN_IF_ERROR(repo_.SavePolicyConfig(top, c, s));
  return ConfigOf(park_id);
}

StatusOr<PolicyConfigView> EvaluationService::ResetPolicyConfig(const Scope& s, int64_t park_id) const {
  PARKHQ_ASSIGN_OR_RETURN(int64_t top, RequireConfigAdmin(s, park_id));
  PARKHQ_RETURN_IF_ERROR(repo_.DeletePolicyConfig(top, s));
  return ConfigOf(park_id);
}

StatusOr<PolicyListView> EvaluationService::Policies(const Scope& s, int64_t park_id, int year) const {
  PARKHQ_ASSIGN_OR_RETURN(auto results, Results(s, park_id, year));
  PARKHQ_ASSIGN_OR_RETURN(auto history, repo_.ClassHistory(park_id, year));
  PARKHQ_ASSIGN_OR_RETURN(auto inputs, repo_.LoadInputs(park_id, year));
  PolicyListView out;
  PARKHQ_ASSIGN_OR_RETURN(out.config, ConfigOf(park_id));
  std::map<int64_t, std::optional<double>> kwh;
  for (const auto& r : inputs) kwh[r.input.enterprise_id] = r.input.electricity_kwh;
  const auto list = PolicyItems(out.config.config);
  const SurchargeSchedule& schedule = out.config.config.surcharge;
  for (const auto& rr : results.items) {
    PolicyRow p;
    p.enterprise_id = rr.r.enterprise_id;
    p.enterprise_name = rr.enterprise_name;
    p.cls = rr.r.cls;
    p.measures = PoliciesFor(list, p.cls);
    const auto& h = history[p.enterprise_id];
    p.years_in_d = ConsecutiveYearsIn(h, year, EvalClass::kD);
    p.surcharge_rate = SurchargeRate(h, year, schedule);
    if (p.surcharge_rate && kwh[p.enterprise_id])
      p.surcharge_amount = SurchargeAmount(h, year, *kwh[p.enterprise_id], schedule);
    out.rows.push_back(std::move(p));
  }
  return out;
}

}  // namespace parkhq::evaluation
