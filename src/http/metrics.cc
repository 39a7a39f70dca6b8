#include "http/metrics.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "http/error_response.h"
#include "http/handlers/services.h"
#include "http/ops_settings.h"
#include "http/router.h"
#include "storage/database.h"

namespace parkhq::http {

namespace {

const int64_t kStartUnix =
    std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();

std::string Num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

}  // namespace

std::string EscapeLabel(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

Metrics& Metrics::Global() {
  static Metrics* m = new Metrics();
  return *m;
}

void Metrics::ObserveRequest(std::string_view method, std::string_view route, int status, double seconds) {
  std::lock_guard lock(mu_);
  ++requests_[{std::string(method), std::string(route), status}];
  Histogram& h = latency_[{std::string(method), std::string(route)}];
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++h.counts[i];
  ++h.count;
  h.sum += seconds;
}

void Metrics::CountImport(std::string_view route, bool ok) {
  std::lock_guard lock(mu_);
  ++imports_[{std::string(route), ok}];
}

void Metrics::CountJob(std::string_view job, bool ok, double seconds) {
  std::lock_guard lock(mu_);
  JobStat& j = jobs_[std::string(job)];
  (ok ? j.ok : j.failed)++;
  j.last_ok = ok;
  j.last_seconds = seconds;
  j.last_run_unix =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

uint64_t Metrics::requests_total() {
  std::lock_guard lock(mu_);
  uint64_t n = 0;
  for (const auto& [k, v] : requests_) n += v;
  return n;
}

uint64_t Metrics::errors_total() {
  std::lock_guard lock(mu_);
  uint64_t n = 0;
  for (const auto& [k, v] : requests_)
    if (std::get<2>(k) >= 500) n += v;
  return n;
}

std::map<std::string, Metrics::JobStat> Metrics::jobs() {
  std::lock_guard lock(mu_);
  return jobs_;
}

std::string Metrics::Render(storage::Database* db) {
  std::string out;
  out += "# HELP parkhq_build_info The running version.\n# TYPE parkhq_build_info gauge\n";
  out += "parkhq_build_info{version=\"" + EscapeLabel(PARKHQ_VERSION) + "\"} 1\n";
  out += "# HELP parkhq_process_start_time_seconds Start time of the process (Unix seconds).\n"
         "# TYPE parkhq_process_start_time_seconds gauge\n";
  out += "parkhq_process_start_time_seconds " + std::to_string(kStartUnix) + "\n";
  std::lock_guard lock(mu_);
  out += "# HELP parkhq_http_requests_total HTTP requests by method, route pattern and status.\n"
         "# TYPE parkhq_http_requests_total counter\n";
  for (const auto& [k, v] : requests_) {
    const auto& [method, route, status] = k;
    out += "parkhq_http_requests_total{method=\"" + EscapeLabel(method) + "\",route=\"" + EscapeLabel(route) +
           "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(v) + "\n";
  }
  out += "# HELP parkhq_http_request_duration_seconds Time to produce a response, by method and route.\n"
         "# TYPE parkhq_http_request_duration_seconds histogram\n";
  for (const auto& [k, h] : latency_) {
    const std::string labels = "method=\"" + EscapeLabel(k.first) + "\",route=\"" + EscapeLabel(k.second) + "\"";
    for (size_t i = 0; i < kBuckets.size(); ++i)
      out += "parkhq_http_request_duration_seconds_bucket{" + labels + ",le=\"" + Num(kBuckets[i]) + "\"} " +
             std::to_string(h.counts[i]) + "\n";
    out += "parkhq_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " + std::to_string(h.count) +
           "\n";
    out += "parkhq_http_request_duration_seconds_sum{" + labels + "} " + Num(h.sum) + "\n";
    out += "parkhq_http_request_duration_seconds_count{" + labels + "} " + std::to_string(h.count) + "\n";
  }
  out += "# HELP parkhq_imports_total File imports (upload routes) by route and result.\n"
         "# TYPE parkhq_imports_total counter\n";
  for (const auto& [k, v] : imports_)
    out += "parkhq_imports_total{route=\"" + EscapeLabel(k.first) + "\",result=\"" + (k.second ? "ok" : "failed") +
           "\"} " + std::to_string(v) + "\n";
  out += "# HELP parkhq_job_runs_total Runs of background and maintenance jobs by result.\n"
         "# TYPE parkhq_job_runs_total counter\n";
  for (const auto& [name, j] : jobs_) {
    out += "parkhq_job_runs_total{job=\"" + EscapeLabel(name) + "\",result=\"ok\"} " + std::to_string(j.ok) + "\n";
    out += "parkhq_job_runs_total{job=\"" + EscapeLabel(name) + "\",result=\"failed\"} " + std::to_string(j.failed) +
           "\n";
  }
  if (db) {
    auto p = db->pool_stats();
    out += "# HELP parkhq_db_pool_connections Database connections by state.\n"
           "# TYPE parkhq_db_pool_connections gauge\n";
    out += "parkhq_db_pool_connections{state=\"open\"} " + std::to_string(p.open) + "\n";
    out += "parkhq_db_pool_connections{state=\"idle\"} " + std::to_string(p.idle) + "\n";
    out += "parkhq_db_pool_connections{state=\"in_use\"} " + std::to_string(std::max(0, p.open - p.idle)) + "\n";
    out += "# HELP parkhq_db_pool_max_connections The most connections the pool opens.\n"
           "# TYPE parkhq_db_pool_max_connections gauge\n";
    out += "parkhq_db_pool_max_connections " + std::to_string(p.max) + "\n";
  }
  return out;
}

void ObserveDispatch(const Router& router, const Request& req, int status, double seconds) {
  const bool api = req.path.rfind("/api/", 0) == 0 || req.path == "/api";
  ObserveMatched(req, api ? router.Find(req.method, req.path).route : nullptr, status, seconds);
}

void ObserveMatched(const Request& req, const Route* route, int status, double seconds) {
  std::string_view label = "static";
  bool upload = false;
  if (req.path == "/metrics") {
    label = "/metrics";
  } else if (req.path.rfind("/api/", 0) == 0 || req.path == "/api") {
    label = route ? std::string_view(route->pattern) : std::string_view("unmatched");
    upload = route && route->upload && route->is_write();
  }
  auto& metrics = Metrics::Global();
  metrics.ObserveRequest(req.method, label, status, seconds);
  if (upload) metrics.CountImport(label, status < 300);
}

Response MetricsEndpoint(const Request& req, const Services& services) {
  MetricsAccess defaults;
  const MetricsAccess& access = services.ops ? services.ops->metrics : defaults;
  if (!access.enabled) return ErrorResponse(Status::NotFound("接口不存在：/metrics"));
  const bool allowed = std::any_of(access.allow.begin(), access.allow.end(), [&](const std::string& a) {
    return a == "any" || a == req.remote_ip;
  });
  if (!allowed) return ErrorResponse(Status::PermissionDenied("此地址不能读取监控指标（/metrics）"));
  Response r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.body = Metrics::Global().Render(services.db);
  r.AddHeader("Cache-Control", "no-store");
  return r;
}

}  // namespace parkhq::http
