// What handlers can reach: the services built by the composition root (app/). Handlers hold no
// state of their own; everything here is thread-safe.
#pragma once
#include <string>

namespace parkhq {
class AccountService;
class OrgService;
namespace storage {
class Database;
}
}  // namespace parkhq

namespace parkhq::http {

struct Services {
  storage::Database* db = nullptr;
  AccountService* accounts = nullptr;
  OrgService* org = nullptr;
  // Module services, each added below its marker.
  // -- monitoring --

  // -- projects --
  struct ProjectsModule* projects = nullptr;  // http/handlers/project_module.h

  // -- enterprises --

  // -- land and evaluation --

  std::string version;
  bool secure_cookies = false;  // add the Secure attribute (behind HTTPS)
};

}  // namespace parkhq::http
