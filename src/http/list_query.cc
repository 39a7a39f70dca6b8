#include "http/list_query.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <set>
#include <vector>

#include "http/json/json_util.h"
#include "http/openapi.h"

namespace parkhq::http {

namespace {

constexpr int64_t kMaxPageSize = 500;
constexpr int64_t kMaxPage = 1000000;
// A database-paged list sorted in memory is read at most this many pages of 500.
constexpr int kMaxFetchPages = 400;

struct ListQuery {
  std::optional<int64_t> page, page_size;
  std::string sort;  // "" = the route's own order
  bool desc = false;
  // filter=field:value[,field:value]: keep the items whose top-level scalar field equals value.
  std::vector<std::pair<std::string, std::string>> filters;
  bool any() const { return page || page_size || !sort.empty() || !filters.empty(); }
};

bool IsFieldName(std::string_view key) {
  bool ok = !key.empty() && key.size() <= 64 && !std::isdigit(static_cast<unsigned char>(key[0]));
  for (char c : key)
    ok = ok && (std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_');
  return ok;
}

StatusOr<ListQuery> Parse(const Request& req) {
  ListQuery q;
  std::vector<FieldError> errs;
  auto read = [&](const char* name, std::optional<int64_t>& out, int64_t max) {
    auto v = req.Query(name);
    if (!v || v->empty()) return;
    int64_t n = 0;
    auto r = std::from_chars(v->data(), v->data() + v->size(), n);
    if (r.ec != std::errc() || r.ptr != v->data() + v->size() || n < 1 || n > max)
      errs.push_back({name, "应为 1 到 " + std::to_string(max) + " 之间的整数"});
    else
      out = n;
  };
  read("page", q.page, kMaxPage);
  read("page_size", q.page_size, kMaxPageSize);
  if (auto s = req.Query("sort"); s && !s->empty()) {
    std::string key = *s;
    if (key[0] == '-') {
      q.desc = true;
      key.erase(0, 1);
    }
    if (IsFieldName(key)) q.sort = key;
    else errs.push_back({"sort", "排序字段应为字段名，前加 - 表示降序"});
  }
  if (auto f = req.Query("filter"); f && !f->empty()) {
    std::string_view rest = *f;
    while (!rest.empty() && errs.empty()) {
      const size_t comma = rest.find(',');
      const std::string_view part = rest.substr(0, comma);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      const size_t colon = part.find(':');
      if (colon == std::string_view::npos || !IsFieldName(part.substr(0, colon)) || q.filters.size() >= 8)
        errs.push_back({"filter", "筛选条件应为 字段:取值，多个用逗号分隔"});
      else
        q.filters.emplace_back(std::string(part.substr(0, colon)), std::string(part.substr(colon + 1)));
    }
  }
  if (!errs.empty()) return Status::Validation("分页参数有误", errs);
  return q;
}

// Database-paged routes that order by these keys themselves (asc or desc).
bool SortsNatively(const Route& route, const std::string& key) {
  static const std::set<std::string> kProjects = {"id", "name", "total_investment", "contracted_investment",
                                                  "stage", "planned_started", "updated_at"};
  return route.pattern == "/api/v1/projects" && kProjects.count(key);
}

bool PagedInDatabase(const Route& route) {
  const RouteDoc* d = FindRouteDoc(route.method, route.pattern);
  return d && d->kind == RouteDoc::kPagedList;
}

// The body as {"items":[...],"total":N}, or null when it is something else.
json::object* AsList(json::value& v) {
  auto* o = v.if_object();
  if (!o) return nullptr;
  auto* items = o->if_contains("items");
  auto* total = o->if_contains("total");
  if (!items || !items->is_array() || !total || !total->is_number()) return nullptr;
  return o;
}

int Rank(const json::value* v) {
  if (!v || v->is_null()) return 3;
  if (v->is_bool()) return 0;
  if (v->is_number()) return 1;
  return 2;  // string
}

// a before b in ascending order; nulls (and missing fields) always last.
int Compare(const json::value* a, const json::value* b) {
  int ra = Rank(a), rb = Rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 0: return static_cast<int>(a->get_bool()) - static_cast<int>(b->get_bool());
    case 1: {
      double x = a->to_number<double>(), y = b->to_number<double>();
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    case 2: {
      int c = a->get_string().subview().compare(b->get_string().subview());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    default: return 0;
  }
}

Status SortItems(json::array& items, const ListQuery& q) {
  if (q.sort.empty() || items.empty()) return Status::Ok();
  bool known = false;
  for (const auto& it : items) {
    const auto* o = it.if_object();
    const json::value* f = o ? o->if_contains(q.sort) : nullptr;
    if (!f) continue;
    if (f->is_object() || f->is_array())
      return Status::Validation("分页参数有误", {{"sort", "只能按取值为数字、文字或真假的字段排序"}});
    known = true;
  }
  if (!known) return Status::Validation("分页参数有误", {{"sort", "没有这个字段：" + q.sort}});
  auto field = [&](const json::value& v) -> const json::value* {
    const auto* o = v.if_object();
    return o ? o->if_contains(q.sort) : nullptr;
  };
  std::stable_sort(items.begin(), items.end(), [&](const json::value& a, const json::value& b) {
    const json::value *fa = field(a), *fb = field(b);
    int c = Compare(fa, fb);
    if (q.desc && Rank(fa) != 3 && Rank(fb) != 3) c = -c;
    return c < 0;
  });
  return Status::Ok();
}

// Whether a scalar field equals the filter's text: strings exactly, numbers by value, true/false, null.
bool Matches(const json::value* f, const std::string& want) {
  if (!f || f->is_null()) return want == "null";
  if (f->is_string()) return f->get_string() == want;
  if (f->is_bool()) return want == (f->get_bool() ? "true" : "false");
  if (f->is_number()) {
    char* end = nullptr;
    const double w = std::strtod(want.c_str(), &end);
    return !want.empty() && end && *end == '\0' && f->to_number<double>() == w;
  }
  return false;
}

// Keeps the items matching every filter. 422 naming `filter` for a field no item has, or one whose
// values are objects or lists.
Status FilterItems(json::array& items, const ListQuery& q) {
  for (const auto& [key, want] : q.filters) {
    bool known = false;
    for (const auto& it : items) {
      const auto* o = it.if_object();
      const json::value* f = o ? o->if_contains(key) : nullptr;
      if (!f) continue;
      if (f->is_object() || f->is_array())
        return Status::Validation("分页参数有误", {{"filter", "只能按取值为数字、文字或真假的字段筛选"}});
      known = true;
    }
    if (!known && !items.empty()) return Status::Validation("分页参数有误", {{"filter", "没有这个字段：" + key}});
    json::array kept;
    for (auto& it : items) {
      const auto* o = it.if_object();
      if (o && Matches(o->if_contains(key), want)) kept.push_back(std::move(it));
    }
    items = std::move(kept);
  }
  return Status::Ok();
}

// Filters, sorts and cuts a whole list in memory; total is the count after filtering, before paging.
StatusOr<Response> Shape(Response resp, json::value& body, json::object& list, const ListQuery& q,
                         int64_t default_page_size) {
  json::array& items = list["items"].as_array();
  if (!q.filters.empty()) {
    PARKHQ_RETURN_IF_ERROR(FilterItems(items, q));
    list["total"] = static_cast<int64_t>(items.size());
  }
  PARKHQ_RETURN_IF_ERROR(SortItems(items, q));
  const int64_t size = q.page_size.value_or(default_page_size > 0 ? default_page_size
                                                                    : std::max<int64_t>(1, items.size()));
  const int64_t page = q.page.value_or(1);
  const int64_t from = std::min<int64_t>((page - 1) * size, items.size());
  const int64_t to = std::min<int64_t>(from + size, items.size());
  json::array cut;
  cut.reserve(to - from);
  for (int64_t i = from; i < to; ++i) cut.push_back(std::move(items[i]));
  items = std::move(cut);
  resp.body = WriteJson(body);
  return resp;
}

// A database-paged list read whole (all its pages) so it can be sorted by any field.
StatusOr<Response> FetchAll(const Route& route, RequestContext& ctx, const Services& s, const ListQuery& q) {
  Request all = ctx.request;
  all.query.erase("sort");
  all.query.erase("filter");
  all.query["page_size"] = std::to_string(kMaxPageSize);
  json::array items;
  json::value first;
  Response resp;
  int64_t total = 0;
  for (int p = 1; p <= kMaxFetchPages; ++p) {
    all.query["page"] = std::to_string(p);
    RequestContext sub{all, ctx.params, ctx.scope, ctx.session_token, ctx.via_api_token};
    PARKHQ_ASSIGN_OR_RETURN(Response r, route.handler(sub, s));
    if (r.status != 200) return r;
    boost::system::error_code ec;
    json::value v = json::parse(r.body, ec);
    json::object* list = ec ? nullptr : AsList(v);
    if (!list) return r;
    total = (*list)["total"].to_number<int64_t>();
    auto& page_items = (*list)["items"].as_array();
    const bool last = page_items.size() < static_cast<size_t>(kMaxPageSize);
    for (auto& it : page_items) items.push_back(std::move(it));
    if (p == 1) {
      resp = std::move(r);
      first = std::move(v);
    }
    if (last || static_cast<int64_t>(items.size()) >= total) break;
  }
  json::object& list = first.as_object();
  list["items"] = std::move(items);
  list["total"] = total;
  return Shape(std::move(resp), first, list, q, PageParams{}.page_size);
}

}  // namespace

StatusOr<Response> RunListRoute(const Route& route, RequestContext& ctx, const Services& s) {
  if (route.method != "GET") return route.handler(ctx, s);
  PARKHQ_ASSIGN_OR_RETURN(ListQuery q, Parse(ctx.request));
  if (!q.any()) return route.handler(ctx, s);
  if (PagedInDatabase(route)) {
    if (q.filters.empty() && (q.sort.empty() || SortsNatively(route, q.sort))) return route.handler(ctx, s);
    return FetchAll(route, ctx, s, q);
  }
  PARKHQ_ASSIGN_OR_RETURN(Response resp, route.handler(ctx, s));
  if (resp.status != 200 || resp.content_type.find("json") == std::string::npos) return resp;
  boost::system::error_code ec;
  json::value body = json::parse(resp.body, ec);
  json::object* list = ec ? nullptr : AsList(body);
  if (!list) return resp;
  return Shape(std::move(resp), body, *list, q, 0);
}

bool IsListRoute(std::string_view method, std::string_view pattern) {
  if (const RouteDoc* d = FindRouteDoc(method, pattern))
    if (d->kind == RouteDoc::kList || d->kind == RouteDoc::kPagedList) return true;
  if (method != "GET") return false;
  static const std::set<std::string_view> kLists = {
      "/api/v1/audit",
      "/api/v1/briefings",
      "/api/v1/enterprises",
      "/api/v1/enterprises/{id}/report-queue",
      "/api/v1/enterprises/{id}/reports",
      "/api/v1/task-reports/{id}/attachments",
      "/api/v1/enterprises/{id}/reports/{period}/revisions",
      "/api/v1/enterprises/{id}/revisions",
      "/api/v1/indicators",
      "/api/v1/industries",
      "/api/v1/instructions",
      "/api/v1/investors",
      "/api/v1/jobs",
      "/api/v1/leads",
      "/api/v1/me/sessions",
      "/api/v1/meetings",
      "/api/v1/notifications",
      "/api/v1/parks",
      "/api/v1/parks/{park_id}/chain-links/{link_id}/enterprises",
      "/api/v1/parks/{park_id}/chains",
      "/api/v1/parks/{park_id}/evaluations/{year}",
      "/api/v1/parks/{park_id}/evaluations/{year}/appeals",
      "/api/v1/parks/{park_id}/evaluations/{year}/inputs",
      "/api/v1/parks/{park_id}/evaluations/{year}/policies",
      "/api/v1/parks/{park_id}/indicator-values/history",
      "/api/v1/parks/{park_id}/inefficient-land",
      "/api/v1/parks/{park_id}/land-contracts",
      "/api/v1/parks/{park_id}/land-disposals",
      "/api/v1/parks/{park_id}/lead-reminders",
      "/api/v1/parks/{park_id}/leading-group-mapping",
      "/api/v1/parks/{park_id}/parcels",
      "/api/v1/parks/{park_id}/project-lights",
      "/api/v1/parks/{park_id}/project-warnings",
      "/api/v1/parks/{park_id}/report-fields",
      "/api/v1/parks/{park_id}/report-rules",
      "/api/v1/parks/{park_id}/review-queue",
      "/api/v1/parks/{park_id}/zombies",
      "/api/v1/projects",
      "/api/v1/projects/{id}/approvals",
      "/api/v1/projects/{id}/milestones",
      "/api/v1/projects/{id}/problems",
      "/api/v1/projects/{id}/stage-log",
      "/api/v1/regions",
      "/api/v1/report-fields",
      "/api/v1/supervision",
      "/api/v1/task-items",
      "/api/v1/task-plans",
      "/api/v1/tasks",
      "/api/v1/tokens",
      "/api/v1/units",
      "/api/v1/users",
  };
  return kLists.count(pattern) > 0;
}

}  // namespace parkhq::http
