// Prometheus metrics: requests by route pattern and status, latency histograms, database pool use,
// imports, job runs. One process-wide registry; the dispatcher reports each request once
// (ObserveDispatch) and answers GET /metrics (MetricsEndpoint).
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "http/request.h"

namespace parkhq::storage {
class Database;
}

namespace parkhq::http {

class Router;
struct Route;
struct Services;

// Who may read /metrics without logging in (config [metrics]).
struct MetricsAccess {
  bool enabled = true;
  // Client addresses allowed; "any" allows everyone. Default: loopback only.
  std::vector<std::string> allow = {"127.0.0.1", "::1", "::ffff:127.0.0.1"};
};

class Metrics {
 public:
  static Metrics& Global();

  // Latency buckets in seconds (upper bounds; +Inf is implicit).
  static constexpr std::array<double, 11> kBuckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                      0.5,   1,    2.5,   5,    10};

  void ObserveRequest(std::string_view method, std::string_view route, int status, double seconds);
  void CountImport(std::string_view route, bool ok);
  void CountJob(std::string_view job, bool ok, double seconds);

  // The text exposition format; db (may be null) adds pool gauges.
  std::string Render(storage::Database* db);

  // Totals for the status page.
  uint64_t requests_total();
  uint64_t errors_total();  // status >= 500
  struct JobStat {
    uint64_t ok = 0, failed = 0;
    double last_seconds = 0;
    int64_t last_run_unix = 0;
    bool last_ok = true;
  };
  std::map<std::string, JobStat> jobs();

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> counts{};
    uint64_t count = 0;
    double sum = 0;
  };
  std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;  // method, route, status
  std::map<std::pair<std::string, std::string>, Histogram> latency_;        // method, route
  std::map<std::pair<std::string, bool>, uint64_t> imports_;
  std::map<std::string, JobStat> jobs_;
};

// Records one handled request: finds the route pattern (so ids do not explode the label set),
// counts it, and counts imports (upload routes). Called once at the end of Dispatcher::Handle.
void ObserveDispatch(const Router& router, const Request& req, int status, double seconds);
// The same, for a request whose route is already known (nullptr: an API path that matched none).
void ObserveMatched(const Request& req, const Route* route, int status, double seconds);

// GET /metrics: 404 when disabled, 403 for an address not allowed, else the text format.
Response MetricsEndpoint(const Request& req, const Services& services);

// Escapes a label value (backslash, quote, newline).
std::string EscapeLabel(std::string_view v);

}  // namespace parkhq::http
