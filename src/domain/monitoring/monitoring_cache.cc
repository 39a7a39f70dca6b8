// The service's in-memory cache of stored figures per park and year (see monitoring_service.h).
#include "domain/monitoring/monitoring_service.h"

namespace parkhq::monitoring {
namespace {

using Clock = std::chrono::steady_clock;

template <typename T>
bool Fresh(const T& entry, Clock::time_point now) {
  return now - entry.at < std::chrono::seconds(MonitoringService::kCacheSeconds);
}

}  // namespace

StatusOr<std::map<int64_t, MonitoringService::ParkYear>> MonitoringService::Years(const std::vector<int64_t>& parks,
                                                                                  int year) const {
  std::map<int64_t, ParkYear> out;
  std::vector<int64_t> missing;
  const auto now = Clock::now();
  {
    std::lock_guard<std::mutex> lock(cache_mu_);
    for (int64_t id : parks) {
      auto it = years_.find({id, year});
      if (it != years_.end() && Fresh(it->second, now)) out[id] = it->second.value;
      else missing.push_back(id);
    }
  }
  if (missing.empty()) return out;
  PARKHQ_ASSIGN_OR_RETURN(auto values, repo_.ListValues(missing, year, year));
  PARKHQ_ASSIGN_OR_RETURN(auto states, repo_.ListMonthStates(missing, year, year));
  std::map<int64_t, ParkYear> loaded;
  for (int64_t id : missing) loaded[id].states = std::move(states[id]);
  for (const auto& v : values) loaded[v.park_id].values[v.code][v.period.month - 1] = v.value;
  std::lock_guard<std::mutex> lock(cache_mu_);
  for (auto& [id, py] : loaded) {
    years_[{id, year}] = {now, py};
    out[id] = std::move(py);
  }
  return out;
}

StatusOr<std::map<int64_t, YearTargets>> MonitoringService::Targets(const std::vector<int64_t>& parks, int year) const {
  std::map<int64_t, YearTargets> out;
  std::vector<int64_t> missing;
  const auto now = Clock::now();
  {
    std::lock_guard<std::mutex> lock(cache_mu_);
    for (int64_t id : parks) {
      auto it = targets_.find({id, year});
      if (it != targets_.end() && Fresh(it->second, now)) out[id] = it->second.value;
      else missing.push_back(id);
    }
  }
  if (missing.empty()) return out;
  PARKHQ_ASSIGN_OR_RETURN(auto loaded, repo_.ListTargets(missing, year));
  std::lock_guard<std::mutex> lock(cache_mu_);
  for (int64_t id : missing) {
    targets_[{id, year}] = {now, loaded[id]};
    out[id] = std::move(loaded[id]);
  }
  return out;
}

StatusOr<MonitoringSettings> MonitoringService::Settings(int64_t park_id) const {
  const auto now = Clock::now();
  {
    std::lock_guard<std::mutex> lock(cache_mu_);
    auto it = settings_.find(park_id);
    if (it != settings_.end() && Fresh(it->second, now)) return it->second.value;
  }
  PARKHQ_ASSIGN_OR_RETURN(auto kv, repo_.GetSettings(park_id));
  MonitoringSettings s = SettingsFromPairs(kv);
  std::lock_guard<std::mutex> lock(cache_mu_);
  settings_[park_id] = {now, s};
  return s;
}

StatusOr<std::vector<Indicator>> MonitoringService::Catalog() const {
  const auto now = Clock::now();
  {
    std::lock_guard<std::mutex> lock(cache_mu_);
    if (catalog_ && Fresh(*catalog_, now)) return catalog_->value;
  }
  PARKHQ_ASSIGN_OR_RETURN(auto list, repo_.ListIndicators());
  std::lock_guard<std::mutex> lock(cache_mu_);
  catalog_ = Cached<std::vector<Indicator>>{now, list};
  return list;
}

void MonitoringService::Invalidate(int64_t park_id) const {
  std::lock_guard<std::mutex> lock(cache_mu_);
  for (auto it = years_.lower_bound({park_id, 0}); it != years_.end() && it->first.first == park_id;)
    it = years_.erase(it);
  for (auto it = targets_.lower_bound({park_id, 0}); it != targets_.end() && it->first.first == park_id;)
    it = targets_.erase(it);
  settings_.erase(park_id);
  ++generation_;
}

void MonitoringService::InvalidateCatalog() const {
  std::lock_guard<std::mutex> lock(cache_mu_);
  catalog_.reset();
  ++generation_;
}

MonitoringService::CachedLookup MonitoringService::CachedResult(const std::string& key) const {
  const auto now = Clock::now();
  const auto ttl = std::chrono::seconds(sources_.empty() ? kCacheSeconds : kSourceResultSeconds);
  std::lock_guard<std::mutex> lock(cache_mu_);
  auto it = results_.find(key);
  if (it == results_.end() || it->second.value.first != generation_) return {};
  const auto age = now - it->second.at;
  if (age >= std::chrono::seconds(kMaxStaleSeconds)) return {};
  return {it->second.value.second, age >= ttl};
}

void MonitoringService::RefreshLater(RegionJob job) const {
  {
    std::lock_guard<std::mutex> lock(cache_mu_);
    if (!refreshing_.insert(job.key).second) return;  // already queued
  }
  const std::string key = job.key;
  const bool queued = refresher_.Post([this, job = std::move(job)] {
    (void)ComputeRegion(job);  // a failure leaves the last result; the next stale read retries
    std::lock_guard<std::mutex> lock(cache_mu_);
    refreshing_.erase(job.key);
  });
  if (!queued) {
    std::lock_guard<std::mutex> lock(cache_mu_);
    refreshing_.erase(key);
  }
}

std::shared_ptr<const Dashboard> MonitoringService::StoreResult(const std::string& key, uint64_t generation,
                                                                Dashboard d) const {
  auto shared = std::make_shared<const Dashboard>(std::move(d));
  std::lock_guard<std::mutex> lock(cache_mu_);
  if (results_.size() > 500) results_.clear();  // bounded: a few regions × periods in practice
  // A write after `generation` makes the entry stale at once (CachedResult compares generations).
  results_[key] = {Clock::now(), {generation, shared}};
  return shared;
}

}  // namespace parkhq::monitoring
