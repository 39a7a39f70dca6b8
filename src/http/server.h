// The HTTP server: Boost.Beast + Asio with C++20 coroutines. The only files that include Beast.
// Connections are read and written on an I/O thread pool; handlers (which block on the database)
// run on a separate worker pool so slow queries never stall other connections' I/O.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <optional>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "http/request.h"

namespace parkhq::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;
  int io_threads = 0;                  // 0: hardware concurrency
  int worker_threads = 0;              // 0: 4 x hardware concurrency
  size_t header_limit = 16 * 1024;
  size_t body_limit = 10 * 1024 * 1024;
  size_t upload_limit = 256 * 1024 * 1024;
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds idle_timeout{60};  // a connection waiting for its next request closes after this
  // Connections open at once from one client address (beyond it a new one gets 429 and is closed),
  // and in total. Trusted proxies (whose clients all share the proxy's address) are exempt from
  // the per-address cap.
  int max_connections_per_ip = 64;
  int max_connections = 8192;
  std::vector<std::string> trusted_proxies;
  // After SIGTERM: how long requests in flight may take before the server exits anyway.
  std::chrono::milliseconds shutdown_grace{5000};
};

struct ServerHooks {
  // Produces the response for a request. Must not throw (the dispatcher catches everything).
  std::function<Response(Request&)> handle;
  // True when the route accepts bodies up to upload_limit.
  std::function<bool(std::string_view method, std::string_view path)> is_upload;
  // True for a request `handle` answers without blocking (no database, no file: the health probe).
  // Such a request is answered on the connection's I/O thread, without the two hops through the
  // worker pool that a blocking handler needs.
  std::function<bool(std::string_view method, std::string_view path)> is_inline;
  // Called with the headers only (empty body) of a request that has a body, before the body is
  // read: a returned response (401, 403, 415 ...) is sent instead and the body is never stored.
  std::function<std::optional<Response>(Request&)> pre_authorize;
  // Called once the socket listens, with the bound port (useful with port 0).
  std::function<void(uint16_t port)> on_listening;
};

// Serves until SIGTERM or SIGINT, then stops accepting, lets requests in flight finish and returns.
Status RunServer(const ServerOptions& options, const ServerHooks& hooks);

// Parses "host:port" (port 0 allowed). Returns false when malformed.
bool ParseListen(std::string_view s, std::string& host, uint16_t& port);

}  // namespace parkhq::http
