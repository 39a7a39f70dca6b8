// The registry part of EnterpriseService: access checks, create, read, update, list.
#include "domain/enterprise/enterprise_service.h"

#include <algorithm>

#include "domain/enterprise/uscc.h"

namespace parkhq::enterprise {

EnterpriseService::EnterpriseService(EnterpriseRepository& repo, OrgRepository& org, IndustryTable industries,
                                     std::function<Date()> today)
    : repo_(repo),
      org_(org),
      embedded_industries_(std::make_shared<const IndustryTable>(std::move(industries))),
      industries_(embedded_industries_),
      mapping_(LeadingGroupMapping::Default()),
      fields_(DefaultReportFields()),
      today_(std::move(today)) {}

StatusOr<Enterprise> EnterpriseService::Readable(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(auto e, repo_.Find(id));
  if (!e) return Status::NotFound("企业不存在或无权访问");
  if (s.role == Role::kEnterprise) {
    // Another enterprise's id answers like a missing one: no telling which ids exist.
    if (!s.enterprise_id || *s.enterprise_id != id) return Status::NotFound("企业不存在或无权访问");
    return *e;
  }
  if (!s.CanReadPark(e->park_id) && !(e->sub_park_id && s.CanReadPark(*e->sub_park_id)))
    return Status::NotFound("企业不存在或无权访问");
  return *e;
}

StatusOr<Park> EnterpriseService::ReadablePark(const Scope& s, int64_t park_id) const {
  if (s.role == Role::kEnterprise) return Status::PermissionDenied("企业用户不能查看园区汇总数据");
  PARKHQ_ASSIGN_OR_RETURN(auto p, org_.FindPark(park_id));
  if (!p || !s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  return *p;
}

std::string EnterpriseService::NameOf(int64_t id) const {
  auto e = repo_.Find(id);
  return e.ok() && *e ? (*e)->name : "";
}

StatusOr<Enterprise> EnterpriseService::Create(const Scope& s, Enterprise e) const {
  if (s.read_only || (s.role != Role::kSysadmin && s.role != Role::kParkAdmin))
    return Status::PermissionDenied("只有园区管理员可以登记企业");
  e.uscc = NormalizeUscc(e.uscc);
  PARKHQ_ASSIGN_OR_RETURN(auto park, org_.FindPark(e.park_id));
  if (!park || !s.CanReadPark(e.park_id))
    return Status::Validation("企业信息有误", {{"park_id", "园区不存在或无权操作"}});
  if (!s.CanAdminPark(e.park_id)) return Status::PermissionDenied("无权在该园区登记企业");
  if (park->parent_id) {
    e.sub_park_id = park->id;
    e.park_id = *park->parent_id;
  } else if (e.sub_park_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto sub, org_.FindPark(*e.sub_park_id));
    if (!sub || sub->parent_id != e.park_id)
      return Status::Validation("企业信息有误", {{"sub_park_id", "子园区不属于所选园区"}});
  }
  PARKHQ_RETURN_IF_ERROR(ValidateEnterprise(e, *industries()));
  if (!e.leading_group_manual) {
    PARKHQ_ASSIGN_OR_RETURN(auto mapping, MappingFor(e.park_id));
    e.leading_group = mapping.Classify(e.industry_code);
  }
  PARKHQ_ASSIGN_OR_RETURN(auto dup, repo_.FindIdByUscc(e.uscc));
  if (dup) return Status::Conflict("统一社会信用代码已登记（企业编号 " + std::to_string(*dup) + "）",
                                   {{"uscc", "统一社会信用代码已存在"}});
  PARKHQ_ASSIGN_OR_RETURN(e.id, repo_.Create(e, s));
  return Get(s, e.id);
}

StatusOr<Enterprise> EnterpriseService::Get(const Scope& s, int64_t id) const { return Readable(s, id); }

StatusOr<Enterprise> EnterpriseService::Update(const Scope& s, Enterprise e, const std::string& reason) const {
  PARKHQ_ASSIGN_OR_RETURN(auto cur, Readable(s, e.id));
  if (s.read_only) return Status::PermissionDenied("只读账号不能修改");
  if (s.role == Role::kEnterprise) {
    Enterprise allowed = cur;
    allowed.legal_rep = e.legal_rep;
    allowed.address = e.address;
    allowed.contact_phone = e.contact_phone;
    allowed.employees = e.employees;
    if (e.uscc != cur.uscc || e.name != cur.name || e.industry_code != cur.industry_code ||
        e.above_scale != cur.above_scale || e.status != cur.status || e.park_id != cur.park_id ||
        e.sub_park_id != cur.sub_park_id || e.flags.size() != cur.flags.size() ||
        e.leading_group != cur.leading_group || e.tax_arrears != cur.tax_arrears)
      return Status::PermissionDenied("企业用户只能修改法定代表人、地址、联系电话和从业人员");
    e = allowed;
  } else if (!s.CanAdminPark(cur.park_id)) {
    return Status::PermissionDenied("无权修改该企业");
  }
  e.uscc = NormalizeUscc(e.uscc);
  e.park_id = cur.park_id;  // moving between parks is not an edit
  if (e.sub_park_id && e.sub_park_id != cur.sub_park_id) {
    PARKHQ_ASSIGN_OR_RETURN(auto sub, org_.FindPark(*e.sub_park_id));
    if (!sub || sub->parent_id != cur.park_id)
      return Status::Validation("企业信息有误", {{"sub_park_id", "子园区不属于该企业所在园区"}});
  }
  PARKHQ_RETURN_IF_ERROR(ValidateEnterprise(e, *industries()));
  if (!e.leading_group_manual) {
    PARKHQ_ASSIGN_OR_RETURN(auto mapping, MappingFor(e.park_id));
    e.leading_group = mapping.Classify(e.industry_code);
  }
  const Date today = today_();
  if (e.above_scale != cur.above_scale && (!e.scale_changed_on || e.scale_changed_on == cur.scale_changed_on))
    e.scale_changed_on = today;
  if (e.status != cur.status && (!e.status_changed_on || e.status_changed_on == cur.status_changed_on))
    e.status_changed_on = today;
  if (e.uscc != cur.uscc) {
    PARKHQ_ASSIGN_OR_RETURN(auto dup, repo_.FindIdByUscc(e.uscc));
    if (dup && *dup != e.id) return Status::Conflict("统一社会信用代码已登记", {{"uscc", "统一社会信用代码已存在"}});
  }
  PARKHQ_RETURN_IF_ERROR(repo_.Update(e, s, reason));
  return Readable(s, e.id);
}

StatusOr<EnterprisePage> EnterpriseService::List(const Scope& s, EnterpriseFilter f,
                                                 std::optional<int64_t> park_id) const {
  if (s.role == Role::kEnterprise) {
    if (!s.enterprise_id) return EnterprisePage{};
    f.only_id = *s.enterprise_id;
    f.park_ids.clear();
    return repo_.List(f);
  }
  if (park_id) {
    PARKHQ_RETURN_IF_ERROR(ReadablePark(s, *park_id).status());
    f.park_ids = {*park_id};
  } else if (s.all_parks) {
    f.park_ids.clear();
  } else {
    f.park_ids = s.park_ids;
    if (f.park_ids.empty()) return EnterprisePage{};
  }
  return repo_.List(f);
}

}  // namespace parkhq::enterprise
