#include "http/router.h"

namespace parkhq::http {

const RoleSet kAnyRole = {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment, Role::kEnterprise,
                          Role::kLeader};
const RoleSet kSysadmin = {Role::kSysadmin};
const RoleSet kParkStaff = {Role::kSysadmin, Role::kParkAdmin};
const RoleSet kStaff = {Role::kSysadmin, Role::kParkAdmin, Role::kDepartment};
const RoleSet kReporters = {Role::kSysadmin, Role::kParkAdmin, Role::kEnterprise};

namespace {
std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) out.emplace_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}
}  // namespace

Router::Router(std::vector<Route> routes) : routes_(std::move(routes)) {
  for (const auto& r : routes_) segments_.push_back(Split(r.pattern));
}

Match Router::Find(std::string_view method, std::string_view path) const {
  Match m;
  auto parts = Split(path);
  for (size_t i = 0; i < routes_.size(); ++i) {
    const auto& segs = segments_[i];
    if (segs.size() != parts.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (size_t k = 0; k < segs.size() && ok; ++k) {
      const auto& s = segs[k];
      if (s.size() > 2 && s.front() == '{' && s.back() == '}') {
        params[s.substr(1, s.size() - 2)] = parts[k];
      } else if (auto close = s.find('}'); s.size() > 2 && s.front() == '{' && close != std::string::npos) {
        // "{id}.docx": a parameter followed by a fixed suffix.
        const std::string suffix = s.substr(close + 1);
        const std::string& part = parts[k];
        ok = part.size() > suffix.size() && part.compare(part.size() - suffix.size(), suffix.size(), suffix) == 0;
        if (ok) params[s.substr(1, close - 1)] = part.substr(0, part.size() - suffix.size());
      } else {
        ok = s == parts[k];
      }
    }
    if (!ok) continue;
    if (routes_[i].method != method && !(method == "HEAD" && routes_[i].method == "GET")) {
      m.method_mismatch = true;
      continue;
    }
    m.route = &routes_[i];
    m.params = std::move(params);
    m.method_mismatch = false;
    return m;
  }
  return m;
}

}  // namespace parkhq::http
