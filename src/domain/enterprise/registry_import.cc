// The CSV import of the registry (EnterpriseService::ImportEnterprises).
#include <algorithm>
#include <set>
#include <unordered_map>

#include "domain/enterprise/enterprise_service.h"
#include "domain/enterprise/uscc.h"

namespace parkhq::enterprise {
namespace {

std::string Trim(std::string_view s) { return std::string(TrimCell(s)); }

// Header aliases → canonical column.
const std::vector<std::pair<const char*, const char*>> kColumns = {
    {"uscc", "uscc"},         {"统一社会信用代码", "uscc"},   {"name", "name"},
    {"企业名称", "name"},     {"industry_code", "industry_code"}, {"行业代码", "industry_code"},
    {"sub_park", "sub_park"}, {"子园区", "sub_park"},         {"legal_rep", "legal_rep"},
    {"法定代表人", "legal_rep"}, {"address", "address"},      {"地址", "address"},
    {"contact_phone", "contact_phone"}, {"联系电话", "contact_phone"}, {"land_parcels", "land_parcels"},
    {"用地地块", "land_parcels"}, {"above_scale", "above_scale"}, {"规上", "above_scale"},
    {"employees", "employees"}, {"从业人员", "employees"},    {"founded_on", "founded_on"},
    {"成立日期", "founded_on"}, {"moved_in_on", "moved_in_on"}, {"入园日期", "moved_in_on"},
    {"status", "status"},     {"经营状态", "status"},         {"flags", "flags"},
    {"企业标识", "flags"},
};

std::vector<std::string> SplitFlags(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    cur = Trim(cur);
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ';' || s[i] == '|') flush();
    else if (s.compare(i, 3, "、") == 0) {
      flush();
      i += 2;
    } else cur += s[i];
  }
  flush();
  return out;
}

}  // namespace

StatusOr<ImportResult> EnterpriseService::ImportEnterprises(const Scope& s, int64_t park_id, std::istream& in) const {
  PARKHQ_ASSIGN_OR_RETURN(auto park, ReadablePark(s, park_id));
  if (!s.CanAdminPark(park_id)) return Status::PermissionDenied("只有园区管理员可以导入企业名录");
  const int64_t top = park.parent_id.value_or(park.id);
  PARKHQ_ASSIGN_OR_RETURN(const auto mapping, MappingFor(top));
  const std::shared_ptr<const IndustryTable> table = industries();
  PARKHQ_ASSIGN_OR_RETURN(auto parks, org_.ListParks());
  ImportResult result;
  auto add_error = [&](int64_t row, std::string column, std::string message) {
    if (result.errors.size() < kMaxImportErrors) result.errors.push_back({row, std::move(column), std::move(message)});
    else result.truncated = true;
  };
  std::vector<std::string> cells;
  if (!ReadCsvRecord(in, cells)) {
    add_error(0, "", "文件为空");
    return result;
  }
  if (!cells.empty() && cells[0].rfind("\xEF\xBB\xBF", 0) == 0) cells[0] = cells[0].substr(3);
  std::unordered_map<std::string, int> col;
  std::vector<std::string> names;
  for (size_t i = 0; i < cells.size(); ++i) {
    const std::string h = Trim(cells[i]);
    names.push_back(h);
    auto it = std::find_if(kColumns.begin(), kColumns.end(), [&](const auto& p) { return h == p.first; });
    if (it == kColumns.end()) {
      if (!h.empty()) add_error(0, h, "未知的列“" + h + "”");
    } else {
      col[it->second] = static_cast<int>(i);
    }
  }
  for (const char* need : {"uscc", "name", "industry_code"})
    if (!col.count(need)) add_error(0, need, std::string("缺少列 ") + need);
  if (!result.errors.empty()) return result;

  std::vector<Enterprise> items;
  std::set<std::string> seen;
  int64_t row_no = 0;
  while (ReadCsvRecord(in, cells)) {
    if (cells.size() == 1 && Trim(cells[0]).empty()) continue;
    ++row_no;
    if (auto bad = BadCell(cells)) {
      add_error(row_no, bad->first < names.size() ? names[bad->first] : "", bad->second);
      continue;
    }
    auto get = [&](const char* key) -> std::string {
      auto it = col.find(key);
      return it == col.end() || it->second >= static_cast<int>(cells.size()) ? "" : Trim(cells[it->second]);
    };
    Enterprise e;
    e.park_id = top;
    e.uscc = NormalizeUscc(get("uscc"));
    e.name = get("name");
    e.industry_code = get("industry_code");
    e.legal_rep = get("legal_rep");
    e.address = get("address");
    e.contact_phone = get("contact_phone");
    e.land_parcels = get("land_parcels");
    e.is_demo = false;
    bool ok = true;
    auto bad = [&](const char* key, const std::string& msg) {
      add_error(row_no, names[col[key]], msg);
      ok = false;
    };
    if (const std::string sp = get("sub_park"); !sp.empty()) {
      auto it = std::find_if(parks.begin(), parks.end(), [&](const Park& p) {
        return p.parent_id == top && (p.name == sp || std::to_string(p.id) == sp);
      });
      if (it == parks.end()) bad("sub_park", "子园区“" + sp + "”不存在");
      else e.sub_park_id = it->id;
    } else if (park.parent_id) {
      e.sub_park_id = park.id;
    }
    if (const std::string a = get("above_scale"); !a.empty()) {
      if (a == "1" || a == "是" || a == "规上" || a == "true") e.above_scale = true;
      else if (a == "0" || a == "否" || a == "规下" || a == "false") e.above_scale = false;
      else bad("above_scale", "应为 是/否 或 1/0");
    }
    if (const std::string n = get("employees"); !n.empty()) {
      try {
        size_t used = 0;
        e.employees = std::stoll(n, &used);
        if (used != n.size()) bad("employees", "应为整数");
      } catch (const std::exception&) {
        bad("employees", "应为整数");
      }
    }
    for (const char* key : {"founded_on", "moved_in_on"}) {
      const std::string d = get(key);
      if (d.empty()) continue;
      auto parsed = Date::Parse(d);
      if (!parsed) bad(key, "日期格式应为 YYYY-MM-DD");
      else (std::string(key) == "founded_on" ? e.founded_on : e.moved_in_on) = parsed;
    }
    if (const std::string st = get("status"); !st.empty()) {
      auto p = ParseEnterpriseStatus(st);
      if (!p)
        for (auto x : {EnterpriseStatus::kOperating, EnterpriseStatus::kStopped, EnterpriseStatus::kClosed})
          if (st == EnterpriseStatusNameZh(x)) p = x;
      if (!p) bad("status", "经营状态应为 在营、停产 或 注销");
      else e.status = *p;
    }
    for (const auto& fl : SplitFlags(get("flags"))) e.flags.push_back({fl, std::nullopt, std::nullopt});
    if (Status v = ValidateEnterprise(e, *table); !v.ok())
      for (const auto& d : v.details()) {
        const std::string key = d.field.rfind("flags", 0) == 0 ? "flags" : d.field;
        if (col.count(key)) add_error(row_no, names[col[key]], d.message);
        else add_error(row_no, key, d.message);
        ok = false;
      }
    if (ok && !seen.insert(e.uscc).second) bad("uscc", "统一社会信用代码在文件中重复");
    if (ok) {
      PARKHQ_ASSIGN_OR_RETURN(auto dup, repo_.FindIdByUscc(e.uscc));
      if (dup) bad("uscc", "统一社会信用代码已登记（企业编号 " + std::to_string(*dup) + "）");
    }
    if (!ok) continue;
    e.leading_group = mapping.Classify(e.industry_code);
    if (e.above_scale) e.scale_changed_on = e.moved_in_on;
    items.push_back(std::move(e));
  }
  result.rows = row_no;
  if (row_no == 0) add_error(0, "", "文件没有数据行");
  if (!result.errors.empty()) return result;
  PARKHQ_RETURN_IF_ERROR(repo_.CreateMany(items, s));
  result.imported = static_cast<int64_t>(items.size());
  return result;
}

}  // namespace parkhq::enterprise
