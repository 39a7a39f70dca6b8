#include "domain/briefing/briefing_service.h"

#include <set>

#include "common/crypto.h"
#include "domain/briefing/briefing_text.h"

namespace parkhq::briefing {

std::string DataVersion(const Content& c) { return Sha256Hex(FiguresFingerprint(c.figures)).substr(0, 16); }

namespace {

Status Denied(const std::string& why) { return Status::PermissionDenied(why); }

std::map<std::string, std::string> EditedTemplates(const Content& c) {
  std::map<std::string, std::string> t;
  for (const auto& s : c.sections)
    for (const auto& x : s.sentences)
      if (x.edited) t[x.id] = x.tmpl;
  return t;
}

std::map<std::string, std::string> Notes(const Content& c) {
  std::map<std::string, std::string> n;
  for (const auto& s : c.sections)
    if (!s.note.empty()) n[s.key] = s.note;
  return n;
}

}  // namespace

StatusOr<Park> BriefingService::ReadablePark(const Scope& s, int64_t park_id) const {
  if (s.role == Role::kEnterprise) return Denied("企业用户不能查看经济运行通报");
  PARKHQ_ASSIGN_OR_RETURN(auto p, org_.FindPark(park_id));
  if (!p || !s.CanReadPark(park_id)) return Status::NotFound("园区不存在或无权访问");
  return *p;
}

StatusOr<Content> BriefingService::Build(const Scope& s, const Park& park, Period period,
                                         const std::map<std::string, std::string>& templates) const {
  PARKHQ_ASSIGN_OR_RETURN(BriefingInput in, facts_.Gather(s, park, period));
  for (const SectionProvider* p : providers_) {
    PARKHQ_ASSIGN_OR_RETURN(auto section, p->Build(s, park, period));
    if (section) in.extra_sections.push_back(std::move(*section));
  }
  return BuildContent(in, templates);
}

StatusOr<Briefing> BriefingService::Generate(const Scope& s, int64_t park_id, Period period, Date today) const {
  PARKHQ_ASSIGN_OR_RETURN(Park park, ReadablePark(s, park_id));
  if (s.read_only || !s.CanAdminPark(park_id)) return Denied("只有系统管理员和本园区管理员可以生成通报");
  if (period > today.period() || period.year < 2000)
    return Status::Validation("通报期间有误", {{"period", "不能是未来月份"}});
  Briefing b;
  b.park_id = park_id;
  b.park_name = park.name;
  b.period = period;
  b.is_demo = park.is_demo;
  PARKHQ_ASSIGN_OR_RETURN(b.content, Build(s, park, period, {}));
  b.data_version = DataVersion(b.content);
  // What changed since the last issued briefing: its figures against the same figures now.
  PARKHQ_ASSIGN_OR_RETURN(auto issued, repo_.LatestIssuedBefore(park_id, period.AddMonths(1)));
  if (issued) {
    PARKHQ_ASSIGN_OR_RETURN(Content now, Build(s, park, issued->period, {}));
    AddChangesSince(b.content, issued->content.figures, now.figures, issued->content.title);
  }
  b.created_at = b.updated_at = now_();
  b.created_by = s.username;
  PARKHQ_ASSIGN_OR_RETURN(b.id, repo_.Create(b, s));
  return b;
}

StatusOr<Briefing> BriefingService::Get(const Scope& s, int64_t id) const {
  if (s.role == Role::kEnterprise) return Denied("企业用户不能查看经济运行通报");
  PARKHQ_ASSIGN_OR_RETURN(auto b, repo_.Find(id));
  if (!b || !s.CanReadPark(b->park_id)) return Status::NotFound("通报不存在或无权访问");
  return *b;
}

StatusOr<std::vector<BriefingSummary>> BriefingService::List(const Scope& s, std::optional<int64_t> park_id,
                                                             int64_t offset, int64_t limit, int64_t* total) const {
  std::vector<int64_t> parks;
  if (park_id) {
    PARKHQ_RETURN_IF_ERROR(ReadablePark(s, *park_id).status());
    parks.push_back(*park_id);
  } else {
    if (s.role == Role::kEnterprise) return Denied("企业用户不能查看经济运行通报");
    PARKHQ_ASSIGN_OR_RETURN(auto all, org_.ListParks());
    for (const auto& p : all)
      if (s.CanReadPark(p.id)) parks.push_back(p.id);
  }
  return repo_.List(parks, offset, limit, total);
}

StatusOr<Briefing> BriefingService::Writable(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(Briefing b, Get(s, id));
  if (s.read_only || !s.CanAdminPark(b.park_id)) return Denied("只有系统管理员和本园区管理员可以修改通报");
  return b;
}

StatusOr<Briefing> BriefingService::Edit(const Scope& s, int64_t id, const BriefingEdit& e) const {
  PARKHQ_ASSIGN_OR_RETURN(Briefing b, Writable(s, id));
  if (b.state != State::kDraft) return Status::Conflict("只有草稿可以修改，已审核的请先退回草稿");
  std::vector<FieldError> errors;
  std::set<std::string> found;
  for (auto& section : b.content.sections) {
    for (auto& sentence : section.sentences) {
      auto it = e.templates.find(sentence.id);
      if (it == e.templates.end()) continue;
      found.insert(sentence.id);
      const std::string field = "sentences." + sentence.id;
      Status ok = CheckUserTemplate(it->second, b.content.figures, field);
      if (!ok.ok()) {
        for (const auto& d : ok.details()) errors.push_back(d);
        continue;
      }
      sentence.tmpl = it->second;
      sentence.edited = true;
      auto text = Render(sentence.tmpl, b.content.figures, field);
      sentence.text = text.ok() ? *text : "";
    }
    if (auto n = e.notes.find(section.key); n != e.notes.end()) {
      found.insert("notes." + section.key);
      if (n->second.size() > kMaxNoteChars) errors.push_back({"notes." + section.key, "不能超过 20000 字节"});
      else section.note = n->second;
    }
  }
  for (const auto& [k, v] : e.templates)
    if (!found.count(k)) errors.push_back({"sentences." + k, "通报中没有这个句子"});
  for (const auto& [k, v] : e.notes)
    if (!found.count("notes." + k)) errors.push_back({"notes." + k, "通报中没有这个部分"});
  if (!errors.empty()) return Status::Validation("通报修改有误", std::move(errors));
  b.updated_at = now_();
  PARKHQ_RETURN_IF_ERROR(repo_.Update(b, "edit", s));
  return b;
}

StatusOr<Briefing> BriefingService::Refresh(const Scope& s, int64_t id) const {
  PARKHQ_ASSIGN_OR_RETURN(Briefing b, Writable(s, id));
  if (b.state != State::kDraft) return Status::Conflict("只有草稿可以按最新数据重新生成");
  PARKHQ_ASSIGN_OR_RETURN(auto park, ReadablePark(s, b.park_id));
  const auto notes = Notes(b.content);
  PARKHQ_ASSIGN_OR_RETURN(Content c, Build(s, park, b.period, EditedTemplates(b.content)));
  PARKHQ_ASSIGN_OR_RETURN(auto issued, repo_.LatestIssuedBefore(b.park_id, b.period.AddMonths(1)));
  if (issued && issued->id != b.id) {
    PARKHQ_ASSIGN_OR_RETURN(Content now, Build(s, park, issued->period, {}));
    AddChangesSince(c, issued->content.figures, now.figures, issued->content.title);
  }
  for (auto& section : c.sections)
    if (auto n = notes.find(section.key); n != notes.end()) section.note = n->second;
  b.content = std::move(c);
  b.data_version = DataVersion(b.content);
  b.updated_at = now_();
  PARKHQ_RETURN_IF_ERROR(repo_.Update(b, "refresh", s));
  return b;
}

StatusOr<Briefing> BriefingService::Act(const Scope& s, int64_t id, const std::string& action) const {
  PARKHQ_ASSIGN_OR_RETURN(Briefing b, Writable(s, id));
  const std::string now = now_();
  if (action == "approve" && b.state == State::kDraft) {
    b.state = State::kApproved;
    b.approved_at = now;
    b.approved_by = s.username;
  } else if (action == "issue" && b.state == State::kApproved) {
    b.state = State::kIssued;
    b.issued_at = now;
    b.issued_by = s.username;
  } else if (action == "reopen" && b.state == State::kApproved) {
    b.state = State::kDraft;
    b.approved_at.clear();
    b.approved_by.clear();
  } else {
    return Status::Conflict(std::string("通报当前状态（") + StateNameZh(b.state) + "）不能执行此操作");
  }
  b.updated_at = now;
  PARKHQ_RETURN_IF_ERROR(repo_.Update(b, action, s));
  if (notifier_ && action != "reopen") {
    notify::Notification n;
    n.park_id = b.park_id;
    n.kind = action == "approve" ? "todo" : "notice";
    n.category = "briefing";
    n.title = b.content.title + (action == "approve" ? "已审核，待印发" : "已印发");
    n.body = "操作人：" + s.username;
    n.link = "/briefings/" + std::to_string(b.id);
    n.dedup_key = "briefing:" + action + ":" + std::to_string(b.id);
    n.created_at = now;
    (void)notifier_->NotifyParkAdmins(b.park_id, n);  // best effort: the state change is committed
  }
  return b;
}

}  // namespace parkhq::briefing
