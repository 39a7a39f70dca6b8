// The GB/T 4754 table part of EnterpriseService: the table in use (embedded or imported by a
// sysadmin), importing a replacement, going back to the embedded one, and the mapping that labels
// GET /industries.
#include "domain/enterprise/enterprise_service.h"

namespace parkhq::enterprise {

std::shared_ptr<const IndustryTable> EnterpriseService::industries() const {
  std::lock_guard<std::mutex> lock(industries_mu_);
  return industries_;
}

bool EnterpriseService::industries_imported() const {
  std::lock_guard<std::mutex> lock(industries_mu_);
  return industries_imported_;
}

Status EnterpriseService::LoadStoredIndustries() const {
  PARKHQ_ASSIGN_OR_RETURN(auto csv, repo_.FindIndustryTable());
  if (!csv) return Status::Ok();
  auto table = IndustryTable::ParseCsv(*csv);
  if (!table.ok()) return Status::Ok();  // validated when imported; keep the embedded table
  std::lock_guard<std::mutex> lock(industries_mu_);
  industries_ = std::make_shared<const IndustryTable>(std::move(*table));
  industries_imported_ = true;
  return Status::Ok();
}

StatusOr<IndustryTableDiff> EnterpriseService::ReplaceIndustries(const Scope& s,
                                                                 std::shared_ptr<const IndustryTable> next,
                                                                 bool embedded) const {
  std::lock_guard<std::mutex> write_lock(industries_write_mu_);
  PARKHQ_ASSIGN_OR_RETURN(auto in_use, repo_.IndustryCodesInUse());
  std::vector<FieldError> errors;
  for (const auto& [code, names] : in_use) {
    if (next->Find(code) != nullptr) continue;
    std::string firms;
    for (size_t i = 0; i < names.size() && i < 3; ++i) firms += (i ? "、" : "") + names[i];
    if (names.size() > 3) firms += " 等";
    const IndustryCode* old = industries()->Find(code);
    errors.push_back({"rows", "行业代码 " + code + (old ? "（" + old->name + "）" : std::string()) + " 仍被 " +
                                  std::to_string(names.size()) + " 家企业使用（" + firms +
                                  "），新表不能删除它；请先修改这些企业的行业代码"});
  }
  if (!errors.empty())
    return Status::Validation("新行业分类表缺少 " + std::to_string(errors.size()) + " 个仍在使用的行业代码，未导入",
                              std::move(errors));
  IndustryTableDiff diff = next->DiffFrom(*industries());
  PARKHQ_RETURN_IF_ERROR(
      repo_.SaveIndustryTable(embedded ? std::nullopt : std::optional<std::string>(next->ToCsv()), diff, s));
  std::lock_guard<std::mutex> lock(industries_mu_);
  industries_ = std::move(next);
  industries_imported_ = !embedded;
  return diff;
}

StatusOr<IndustryTableDiff> EnterpriseService::ImportIndustryTable(const Scope& s,
                                                                   const std::vector<IndustryInputRow>& rows) const {
  if (!s.IsSysadmin() || s.read_only) return Status::PermissionDenied("只有系统管理员可以导入行业分类表");
  PARKHQ_ASSIGN_OR_RETURN(auto table, IndustryTable::FromRows(rows));
  return ReplaceIndustries(s, std::make_shared<const IndustryTable>(std::move(table)), false);
}

StatusOr<IndustryTableDiff> EnterpriseService::ResetIndustryTable(const Scope& s) const {
  if (!s.IsSysadmin() || s.read_only) return Status::PermissionDenied("只有系统管理员可以恢复内置行业分类表");
  return ReplaceIndustries(s, embedded_industries_, true);
}

StatusOr<LeadingGroupMapping> EnterpriseService::IndustryMappingFor(const Scope& s,
                                                                     std::optional<int64_t> park_id) const {
  if (park_id) {
    if (s.role == Role::kEnterprise) {
      if (!s.CanReadPark(*park_id)) return Status::NotFound("园区不存在或无权访问");
    } else {
      PARKHQ_RETURN_IF_ERROR(ReadablePark(s, *park_id).status());
    }
    return MappingFor(*park_id);
  }
  // A caller scoped to one park (with its sub-parks) sees that park's labels.
  if (!s.all_parks && !s.park_ids.empty() && s.park_ids.size() <= 64) {
    std::optional<int64_t> only;
    for (int64_t id : s.park_ids) {
      auto top = TopPark(id);
      if (!top.ok() || (only && *only != *top)) return mapping_;
      only = *top;
    }
    return MappingFor(*only);
  }
  return mapping_;
}

}  // namespace parkhq::enterprise
