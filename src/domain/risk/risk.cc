#include "domain/risk/risk.h"

#include <cmath>

namespace parkhq::risk {

namespace {

struct KindInfo {
  const char* code;
  const char* name_zh;
  bool profile;
};

constexpr KindInfo kKinds[] = {
    {"chemical", "危险化学品", true},     {"hazard_source", "重大危险源", true}, {"permit", "安全环保许可证", true},
    {"accident", "事故", true},           {"penalty", "行政处罚", true},         {"ent_plan", "企业应急预案", true},
    {"ent_drill", "企业应急演练", true},  {"team", "应急队伍", false},          {"store", "应急物资库", false},
    {"equipment", "应急装备", false},     {"plan", "园区应急预案", false},       {"drill", "应急演练", false},
};

const KindInfo* Find(std::string_view kind) {
  for (const auto& k : kKinds)
    if (kind == k.code) return &k;
  return nullptr;
}

bool OneOf(std::string_view v, std::initializer_list<std::string_view> options) {
  for (auto o : options)
    if (v == o) return true;
  return false;
}

}  // namespace

bool IsKnownKind(std::string_view kind) { return Find(kind) != nullptr; }
bool IsProfileKind(std::string_view kind) {
  const KindInfo* k = Find(kind);
  return k && k->profile;
}
bool IsEmergencyKind(std::string_view kind) {
  const KindInfo* k = Find(kind);
  return k && !k->profile;
}
const char* KindNameZh(std::string_view kind) {
  const KindInfo* k = Find(kind);
  return k ? k->name_zh : "";
}

std::vector<std::string> KindsOf(std::string_view group_or_kind) {
  std::vector<std::string> out;
  for (const auto& k : kKinds) {
    if ((group_or_kind == "profile" && k.profile) || (group_or_kind == "emergency" && !k.profile) ||
        group_or_kind == k.code)
      out.emplace_back(k.code);
  }
  return out;
}

Status ValidateItem(const RiskItem& it) {
  std::vector<FieldError> e;
  const std::string& k = it.kind;
  if (!IsKnownKind(k)) return Status::Validation("记录有误", {{"kind", "未知的类型"}});
  if (it.name.empty()) e.push_back({"name", "名称必填"});
  if (IsProfileKind(k) && !it.enterprise_id) e.push_back({"enterprise_id", "企业风险档案必须指明企业"});
  if (it.quantity && (!std::isfinite(*it.quantity) || *it.quantity < 0)) e.push_back({"quantity", "数量不能为负数"});
  if (it.amount && (!std::isfinite(*it.amount) || *it.amount < 0)) e.push_back({"amount", "金额不能为负数"});
  if (it.veto && k != "accident" && k != "penalty") e.push_back({"veto", "只有事故和处罚可以认定一票否决"});
  if (k == "chemical" && !it.quantity) e.push_back({"quantity", "危险化学品须填写最大储存量"});
  if (k == "hazard_source" && !OneOf(it.level, {"1", "2", "3", "4"}))
    e.push_back({"level", "重大危险源等级应为 1–4"});
  if (k == "permit") {
    if (!OneOf(it.level, {"safety", "environment"})) e.push_back({"level", "许可证类别应为 safety 或 environment"});
    if (!it.expiry_date) e.push_back({"expiry_date", "许可证有效期必填"});
  }
  if (k == "accident" && !OneOf(it.level, {"general", "larger", "major", "extraordinary"}))
    e.push_back({"level", "事故等级应为 general、larger、major 或 extraordinary"});
  if ((k == "accident" || k == "penalty" || k == "ent_drill" || k == "drill") && !it.event_date)
    e.push_back({"event_date", "日期必填"});
  if ((k == "ent_plan" || k == "plan") && !it.revised_on) e.push_back({"revised_on", "预案修订日期必填"});
  if (k == "plan" && !OneOf(it.level, {"park", "special", "site"}))
    e.push_back({"level", "预案类别应为 park、special 或 site"});
  if ((k == "team" || k == "store" || k == "equipment") && it.contact_phone.empty())
    e.push_back({"contact_phone", "联系电话必填"});
  if (!e.empty()) return Status::Validation("记录有误", std::move(e));
  return Status::Ok();
}

std::optional<int64_t> DaysToExpiry(const RiskItem& item, Date today) {
  if (!item.expiry_date) return std::nullopt;
  return item.expiry_date->DaysSinceEpoch() - today.DaysSinceEpoch();
}

std::string ExpiryState(const RiskItem& item, Date today, int warn_days) {
  const auto d = DaysToExpiry(item, today);
  if (!d) return "";
  if (*d < 0) return "expired";
  if (*d <= warn_days) return "expiring";
  return "valid";
}

bool PlanRevisionDue(const RiskItem& item, Date today) {
  return item.revised_on && item.revised_on->AddYears(3) <= today;
}

const char* ProfileStateName(ProfileState s) {
  switch (s) {
    case ProfileState::kDraft: return "draft";
    case ProfileState::kSubmitted: return "submitted";
    case ProfileState::kApproved: return "approved";
    case ProfileState::kReturned: return "returned";
  }
  return "draft";
}

std::optional<ProfileState> ParseProfileState(std::string_view s) {
  for (auto st : {ProfileState::kDraft, ProfileState::kSubmitted, ProfileState::kApproved, ProfileState::kReturned})
    if (s == ProfileStateName(st)) return st;
  return std::nullopt;
}

ProfileSummary SummarizeProfile(const Profile& p, const std::vector<RiskItem>& items, Date today) {
  ProfileSummary s;
  s.profile = p;
  for (const auto& it : items) {
    if (it.kind == "chemical") ++s.chemicals;
    if (it.kind == "hazard_source") {
      ++s.hazard_sources;
      if (it.level == "1" || it.level == "2") ++s.major_sources;
    }
    if (it.kind == "permit") {
      ++s.permits;
      const std::string st = ExpiryState(it, today);
      if (st == "expiring") ++s.permits_expiring;
      if (st == "expired") ++s.permits_expired;
    }
    if (it.kind == "accident") ++s.accidents;
    if (it.kind == "penalty") ++s.penalties;
    if (it.veto) ++s.vetoes;
    if (it.kind == "ent_plan") ++s.plans;
    if (it.kind == "ent_drill") {
      ++s.drills;
      if (it.event_date && (!s.last_drill || *it.event_date > *s.last_drill)) s.last_drill = it.event_date;
    }
  }
  return s;
}

}  // namespace parkhq::risk
