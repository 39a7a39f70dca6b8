#include "domain/project/admission.h"

#include <cmath>

namespace parkhq::project {

const char* AdmissionDecisionCode(AdmissionDecision d) {
  switch (d) {
    case AdmissionDecision::kApproved: return "approved";
    case AdmissionDecision::kConditional: return "conditional";
    case AdmissionDecision::kRejected: return "rejected";
  }
  return "approved";
}

const char* AdmissionDecisionNameZh(AdmissionDecision d) {
  switch (d) {
    case AdmissionDecision::kApproved: return "准入";
    case AdmissionDecision::kConditional: return "有条件准入";
    case AdmissionDecision::kRejected: return "不予准入";
  }
  return "准入";
}

std::optional<AdmissionDecision> ParseAdmissionDecision(std::string_view code) {
  if (code == "approved") return AdmissionDecision::kApproved;
  if (code == "conditional") return AdmissionDecision::kConditional;
  if (code == "rejected") return AdmissionDecision::kRejected;
  return std::nullopt;
}

Status ValidateAdmission(const Admission& a, Date today) {
  std::vector<FieldError> errs;
  if (a.decision != AdmissionDecision::kApproved && a.reasons.empty())
    errs.push_back({"reasons", std::string(AdmissionDecisionNameZh(a.decision)) + "须写明理由"});
  if (a.reasons.size() > kMaxAdmissionItems) errs.push_back({"reasons", "理由条数过多"});
  for (const auto& r : a.reasons) {
    if (r.empty() || r.size() > 500) {
      errs.push_back({"reasons", "每条理由不能为空且不超过500字节"});
      break;
    }
  }
  if (a.scores.size() > kMaxAdmissionItems) errs.push_back({"scores", "评审指标过多"});
  for (const auto& s : a.scores) {
    const std::string field = "scores." + s.criterion;
    if (s.criterion.empty() || s.criterion.size() > 40) {
      errs.push_back({"scores", "评审指标名称应为1至40个字符"});
    } else if (s.score && (!std::isfinite(*s.score) || *s.score < 0 || *s.score > 100)) {
      errs.push_back({field, "得分应在0至100之间"});
    } else if (!s.score && !s.pass) {
      errs.push_back({field, "应给出得分或是否通过"});
    } else if (s.evidence.size() > 500) {
      errs.push_back({field, "依据过长"});
    }
  }
  if (a.opinions.size() > kMaxAdmissionItems) errs.push_back({"opinions", "评审意见过多"});
  for (size_t i = 0; i < a.opinions.size(); ++i) {
    const auto& o = a.opinions[i];
    const std::string f = "opinions[" + std::to_string(i) + "]";
    if (o.unit.empty() || o.unit.size() > 100) errs.push_back({f + ".unit", "评审单位不能为空且不超过100字节"});
    if (o.opinion.empty() || o.opinion.size() > 1000)
      errs.push_back({f + ".opinion", "评审意见不能为空且不超过1000字节"});
    if (o.reviewer.size() > 100) errs.push_back({f + ".reviewer", "评审人过长"});
  }
  if (a.decided_on > today) errs.push_back({"decided_on", "评审日期不能晚于今天"});
  if (!errs.empty()) return Status::Validation("准入评审信息有误，请检查标出的字段", std::move(errs));
  return Status::Ok();
}

Status CheckSigningGate(const Project& p, Stage to, const std::optional<AdmissionDecision>& current,
                        bool override_requested, bool by_admin, const std::string& reason,
                        bool* override_used) {
  if (override_used) *override_used = false;
  const bool reaches_signing = StageIndex(p.stage) < StageIndex(Stage::kSigned) &&
                               StageIndex(to) >= StageIndex(Stage::kSigned);
  if (!reaches_signing || current != AdmissionDecision::kRejected) return Status::Ok();
  if (!override_requested || !by_admin) {
    return Status::Conflict(
        "规则「不予准入不得签约」：项目准入评审结论为不予准入，不能签约（可由园区管理员说明理由后越过）");
  }
  if (reason.empty()) return Status::FieldInvalid("reason", "管理员越过「不予准入不得签约」须填写理由");
  if (override_used) *override_used = true;
  return Status::Ok();
}

}  // namespace parkhq::project
