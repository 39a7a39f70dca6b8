#include "http/token_modules.h"

#include <array>
#include <utility>

namespace parkhq::http {

std::string_view ModuleOfRoute(std::string_view pattern) {
  // The first segment after /api/v1/, or after /api/v1/parks/{park_id}/ or /regions/{region_id}/.
  std::string_view rest = pattern.substr(pattern.rfind("/api/v1/", 0) == 0 ? 8 : 0);
  std::string_view seg = rest.substr(0, rest.find('/'));
  const bool bare = seg.size() == rest.size();
  if ((seg == "parks" || seg == "regions") && !bare) {
    std::string_view sub = rest.substr(seg.size() + 1);
    size_t slash = sub.find('/');
    if (slash != std::string_view::npos) {
      sub = sub.substr(slash + 1);
      seg = sub.substr(0, sub.find('/'));
    }
  }
  if (auto dot = seg.find('.'); dot != std::string_view::npos) seg = seg.substr(0, dot);
  auto starts = [&](std::string_view p) { return seg.substr(0, p.size()) == p; };
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 40> kExact = {{
      {"me", "common"}, {"parks", "common"}, {"regions", "common"}, {"units", "common"}, {"health", "common"},
      {"openapi", "common"}, {"auth", "common"}, {"{park_id}", "common"}, {"{region_id}", "common"},
      {"monitoring", "monitoring"}, {"indicators", "monitoring"}, {"indicator-values", "monitoring"},
      {"targets", "monitoring"}, {"dashboard", "monitoring"},
      {"leads", "projects"}, {"investors", "projects"}, {"chains", "projects"}, {"chain-links", "projects"},
      {"lead-reminders", "projects"},
      {"industries", "enterprises"}, {"zombies", "enterprises"}, {"zombie-settings", "enterprises"},
      {"cultivation", "enterprises"}, {"review-queue", "enterprises"}, {"leading-group-mapping", "enterprises"},
      {"disposals", "enterprises"},
      {"parcels", "land"}, {"inefficient-land", "land"}, {"inefficiency-rules", "land"},
      {"evaluations", "evaluation"},
      {"meetings", "tasks"}, {"meeting-agenda", "tasks"}, {"assessment", "tasks"}, {"supervision", "tasks"},
      {"instructions", "tasks"}, {"my-queue", "tasks"},
      {"briefings", "briefings"},
      {"users", "admin"}, {"tokens", "admin"}, {"audit", "admin"},
  }};
  for (const auto& [name, module] : kExact)
    if (seg == name) return module;
  if (starts("project")) return "projects";
  if (starts("enterprise") || starts("report")) return "enterprises";
  if (starts("land")) return "land";
  if (starts("evaluation")) return "evaluation";
  if (starts("task")) return "tasks";
  // Issues 13-16: parks compared, talent and rewards, safety and environment, gates and money, the
  // SME park.
  if (starts("park-evaluation") || starts("chemical-park")) return "comparison";
  if (starts("talent") || starts("reward")) return "talent";
  if (starts("hazard") || starts("facilit") || starts("inspection") || starts("risk") || starts("energy") ||
      starts("retrofit"))
    return "safety";
  if (starts("admission") || starts("bond-project") || starts("delegated-power") || starts("funding") ||
      starts("land-quota") || starts("polic"))
    return "gates";
  if (starts("sme-") || starts("lease") || starts("expiring-lease") || starts("occupancy") || starts("financing"))
    return "sme";
  return "admin";
}

}  // namespace parkhq::http
