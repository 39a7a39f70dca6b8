// Turns a Request into a Response: route lookup, authentication (session cookie or Bearer token),
// the route's role check, CSRF and read-only checks on writes, the handler, and errors as JSON.
// Everything that is not /api/ goes to the static web app.
#pragma once
#include <atomic>
#include <memory>

#include "http/handlers/services.h"
#include "http/router.h"
#include "http/static_files.h"

namespace parkhq::http {

inline constexpr char kSessionCookie[] = "phq_session";

class Dispatcher {
 public:
  Dispatcher(Router router, Services services, std::unique_ptr<StaticFiles> web)
      : router_(std::move(router)), services_(std::move(services)), web_(std::move(web)) {}

  // Never throws: an exception becomes a logged 500 with a request id.
  Response Handle(Request& req);
  bool IsUpload(std::string_view method, std::string_view path) const;
  const Router& router() const { return router_; }

 private:
  StatusOr<Response> HandleApi(Request& req);
  const Router router_;
  const Services services_;
  const std::unique_ptr<StaticFiles> web_;
  std::atomic<uint64_t> next_id_{1};
};

}  // namespace parkhq::http
