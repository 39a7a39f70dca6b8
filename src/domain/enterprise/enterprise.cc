#include "domain/enterprise/enterprise.h"

#include <algorithm>
#include <set>

#include "domain/enterprise/uscc.h"

namespace parkhq::enterprise {

const std::vector<std::string>& KnownFlags() {
  static const std::vector<std::string> v = {kFlagHighTech,     kFlagTechSme,       kFlagSpecializedSme,
                                             kFlagLittleGiant,  kFlagGreenFactory,  kFlagWaterSaving};
  return v;
}

std::optional<EnterpriseStatus> ParseEnterpriseStatus(std::string_view s) {
  for (auto st : {EnterpriseStatus::kOperating, EnterpriseStatus::kStopped, EnterpriseStatus::kClosed})
    if (s == EnterpriseStatusName(st)) return st;
  return std::nullopt;
}

const char* EnterpriseStatusNameZh(EnterpriseStatus s) {
  switch (s) {
    case EnterpriseStatus::kOperating: return "在营";
    case EnterpriseStatus::kStopped: return "停产";
    case EnterpriseStatus::kClosed: return "注销";
  }
  return "";
}

namespace {
bool Blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c == ' ' || c == '\t'; });
}
}  // namespace

Status ValidateEnterprise(const Enterprise& e, const IndustryTable& industries) {
  std::vector<FieldError> errs;
  if (Status s = ValidateUscc(e.uscc); !s.ok()) errs.push_back({"uscc", s.message()});
  if (Blank(e.name)) errs.push_back({"name", "请填写企业名称"});
  else if (e.name.size() > 200) errs.push_back({"name", "企业名称过长（最多 200 字节）"});
  if (Status s = industries.ValidateEnterpriseCode(e.industry_code); !s.ok())
    errs.push_back({"industry_code", s.details().empty() ? s.message() : s.details()[0].message});
  if (e.employees && *e.employees < 0) errs.push_back({"employees", "从业人员不能为负数"});
  if (e.founded_on && e.moved_in_on && *e.moved_in_on < *e.founded_on)
    errs.push_back({"moved_in_on", "入园日期不能早于成立日期"});
  std::set<std::string> seen;
  const auto& known = KnownFlags();
  for (size_t i = 0; i < e.flags.size(); ++i) {
    const auto& f = e.flags[i];
    const std::string at = "flags[" + std::to_string(i) + "]";
    if (std::find(known.begin(), known.end(), f.code) == known.end())
      errs.push_back({at + ".code", "未知的企业标识“" + f.code + "”"});
    else if (!seen.insert(f.code).second)
      errs.push_back({at + ".code", "企业标识重复"});
    if (f.since && f.until && *f.until < *f.since) errs.push_back({at + ".until", "有效期不能早于认定日期"});
  }
  if (!errs.empty()) return Status::Validation("企业信息有误，请检查标出的字段", errs);
  return Status::Ok();
}

}  // namespace parkhq::enterprise
