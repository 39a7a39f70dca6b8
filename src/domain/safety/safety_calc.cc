#include "domain/safety/safety_calc.h"

#include <cmath>

namespace parkhq::safety {

const char* LevelName(HazardLevel l) { return l == HazardLevel::kMajor ? "major" : "general"; }
const char* LevelNameZh(HazardLevel l) { return l == HazardLevel::kMajor ? "重大" : "一般"; }
std::optional<HazardLevel> ParseLevel(const std::string& s) {
  if (s == "general") return HazardLevel::kGeneral;
  if (s == "major") return HazardLevel::kMajor;
  return std::nullopt;
}

const char* StateName(HazardState s) {
  switch (s) {
    case HazardState::kOpen: return "open";
    case HazardState::kRectified: return "rectified";
    case HazardState::kClosed: return "closed";
    case HazardState::kReopened: return "reopened";
  }
  return "open";
}
const char* StateNameZh(HazardState s) {
  switch (s) {
    case HazardState::kOpen: return "待整改";
    case HazardState::kRectified: return "待复查";
    case HazardState::kClosed: return "已闭环";
    case HazardState::kReopened: return "复查未通过";
  }
  return "待整改";
}
std::optional<HazardState> ParseState(const std::string& s) {
  for (auto v : {HazardState::kOpen, HazardState::kRectified, HazardState::kClosed, HazardState::kReopened})
    if (s == StateName(v)) return v;
  return std::nullopt;
}

const char* LimitStateName(LimitState s) {
  switch (s) {
    case LimitState::kNone: return "none";
    case LimitState::kOk: return "ok";
    case LimitState::kNear: return "near";
    case LimitState::kOver: return "over";
  }
  return "none";
}

std::optional<double> SharePct(double value, std::optional<double> limit) {
  if (!limit || !(*limit > 0)) return std::nullopt;
  return value / *limit * 100.0;
}

LimitState LimitLevel(double value, std::optional<double> limit, double warn_pct) {
  if (!limit || !(*limit > 0)) return LimitState::kNone;
  // Compared as value against limit × share (not through a rounded percentage), so a value exactly
  // at 80% of the limit is "near" and one exactly at the limit is not "over".
  if (value > *limit) return LimitState::kOver;
  if (value * 100.0 >= *limit * warn_pct) return LimitState::kNear;
  return LimitState::kOk;
}

const char* PermitStateName(PermitState s) {
  switch (s) {
    case PermitState::kNone: return "none";
    case PermitState::kOk: return "ok";
    case PermitState::kExpiring: return "expiring";
    case PermitState::kExpired: return "expired";
  }
  return "none";
}

PermitState PermitLevel(std::optional<Date> expiry, Date today, int warn_days) {
  if (!expiry) return PermitState::kNone;
  const int64_t left = expiry->DaysSinceEpoch() - today.DaysSinceEpoch();
  if (left < 0) return PermitState::kExpired;
  if (left <= warn_days) return PermitState::kExpiring;
  return PermitState::kOk;
}

bool IsOverdue(HazardState state, Date deadline, Date today) {
  return (state == HazardState::kOpen || state == HazardState::kReopened) && today > deadline;
}

namespace {

void Add(HazardCount& c, const Hazard& h, Date today) {
  ++c.found;
  if (h.state == HazardState::kClosed) ++c.closed;
  if (IsOverdue(h.state, h.deadline, today)) ++c.overdue;
}

void Finish(HazardCount& c) {
  c.closure_pct = c.found == 0 ? 0.0 : std::round(c.closed * 10000.0 / c.found) / 100.0;
}

}  // namespace

HazardStats ComputeStats(const std::vector<Hazard>& hazards, int year, Date today) {
  HazardStats s;
  s.by_level["general"];
  s.by_level["major"];
  s.by_month.resize(12);
  for (const auto& h : hazards) {
    if (h.found_on.year != year) continue;
    Add(s.total, h, today);
    Add(s.by_level[LevelName(h.level)], h, today);
    Add(s.by_enterprise[h.enterprise_name], h, today);
    Add(s.by_category[h.category], h, today);
    Add(s.by_month[static_cast<size_t>(h.found_on.month - 1)], h, today);
  }
  Finish(s.total);
  for (auto* m : {&s.by_level, &s.by_enterprise, &s.by_category})
    for (auto& [k, c] : *m) Finish(c);
  for (auto& c : s.by_month) Finish(c);
  return s;
}

}  // namespace parkhq::safety
