// parkhq: the ParkHQ server and its administration commands.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/demo_seed.h"
#include "common/crypto.h"
#include "http/server.h"
#include "storage/migrations.h"
#include "storage/sqlite/sqlite_connection.h"

namespace {

using parkhq::Status;
using parkhq::app::Config;

const char kHelp[] = R"(parkhq — 园区高质量发展管理平台 ParkHQ server

Usage: parkhq COMMAND [OPTIONS]

Commands:
  serve                 Serve the API and the web app until SIGTERM/SIGINT.
      --db PATH|URL       SQLite file (default data/parkhq.db) or postgresql://user@host:port/db  [env PARKHQ_DB]
      --listen HOST:PORT  address to listen on (default 127.0.0.1:8080; port 0 picks a free one) [env PARKHQ_LISTEN]
      --web-root DIR      the built web app (default web/dist)                                    [env PARKHQ_WEB_ROOT]
      --idle-timeout MIN  session idle timeout in minutes (default 30)
  init                  Create the schema and the Huating demo data, print the demo accounts, exit.
      --db PATH|URL
      --demo-until YYYY-MM  the last complete month of the demo (default: the month before today);
                          figures run through the month before it, whose reports are being filed
  migrate               Apply pending schema migrations and exit.
      --db PATH|URL
  user add              Create an account.
      --db PATH|URL --username U --password P --role sysadmin|park_admin|department|enterprise|leader
      [--park ID] [--unit NAME] [--enterprise ID] [--display-name NAME]
  user passwd           Set a password:  --db ... --username U --password P
  user disable          Disable an account (and end its sessions):  --db ... --username U
  import-reports FILE   Import enterprise monthly reports from a CSV file, streamed from disk in
                        constant memory (the same checks and all-or-nothing rule as the web upload;
                        docs/enterprises.md). Prints the row-by-row error report on failure.
      --db PATH|URL --park ID [--approve]   (--approve: store them as approved)
  backup FILE           Write an online, consistent copy of the database to FILE
                        (SQLite: the backup API; PostgreSQL: pg_dump in custom format).
      --db PATH|URL
  help, --help          This text.

Environment: PARKHQ_LOG=debug|info|warn sets the log level; PARKHQ_FAST_HASH=1 (tests only)
uses the minimum Argon2id cost.
)";

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> flags;
};

Args ParseArgs(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string s = argv[i];
    if (s.rfind("--", 0) == 0 && s != "--help") {
      auto eq = s.find('=');
      if (eq != std::string::npos) a.flags[s.substr(2, eq - 2)] = s.substr(eq + 1);
      else if (i + 1 < argc && std::string_view(argv[i + 1]).rfind("--", 0) != 0) a.flags[s.substr(2)] = argv[++i];
      else a.flags[s.substr(2)] = "";
    } else {
      a.positional.push_back(s);
    }
  }
  return a;
}

std::string Flag(const Args& a, const std::string& name, const char* env, const std::string& def) {
  auto it = a.flags.find(name);
  if (it != a.flags.end()) return it->second;
  if (env) {
    if (const char* v = std::getenv(env); v && *v) return v;
  }
  return def;
}

Config MakeConfig(const Args& a) {
  Config c;
  c.db = Flag(a, "db", "PARKHQ_DB", c.db);
  c.listen = Flag(a, "listen", "PARKHQ_LISTEN", c.listen);
  c.web_root = Flag(a, "web-root", "PARKHQ_WEB_ROOT", c.web_root);
  const char* fast = std::getenv("PARKHQ_FAST_HASH");
  c.fast_hash = fast && std::string(fast) == "1";
  std::string idle = Flag(a, "idle-timeout", nullptr, "30");
  c.idle_timeout_seconds = std::max(1, std::atoi(idle.c_str())) * 60;
  return c;
}

int Fail(const Status& s) {
  std::fprintf(stderr, "parkhq: %s\n", s.ToString().c_str());
  return 1;
}

int Serve(const Config& c) {
  std::string host;
  uint16_t port = 0;
  if (!parkhq::http::ParseListen(c.listen, host, port))
    return Fail(Status::InvalidArgument("--listen must be HOST:PORT, got " + c.listen));
  auto app = parkhq::app::BuildApp(c);
  if (!app.ok()) return Fail(app.status());
  auto& dispatcher = *(*app)->dispatcher;
  parkhq::http::ServerOptions opt;
  opt.address = host;
  opt.port = port;
  parkhq::http::ServerHooks hooks;
  hooks.handle = [&dispatcher](parkhq::http::Request& r) { return dispatcher.Handle(r); };
  hooks.is_upload = [&dispatcher](std::string_view m, std::string_view p) { return dispatcher.IsUpload(m, p); };
  hooks.on_listening = [&](uint16_t bound) {
    std::printf("parkhq %s serving http://%s:%u (db: %s)\n", PARKHQ_VERSION, host.c_str(), bound,
                (*app)->db->description().c_str());
    std::fflush(stdout);
  };
  Status s = parkhq::http::RunServer(opt, hooks);
  if (!s.ok()) return Fail(s);
  spdlog::info("stopped cleanly");
  return 0;
}

int Init(const Args& a, const Config& c) {
  parkhq::Period until = parkhq::app::DefaultDemoUntil();
  if (auto it = a.flags.find("demo-until"); it != a.flags.end()) {
    auto p = parkhq::Period::Parse(it->second);
    if (!p || *p < parkhq::Period{2023, 1})
      return Fail(Status::InvalidArgument("--demo-until must be YYYY-MM, 2023-01 or later"));
    until = *p;
  }
  auto app = parkhq::app::BuildApp(c);
  if (!app.ok()) return Fail(app.status());
  Status s = parkhq::app::SeedDemo(*(*app)->db, c.fast_hash, until);
  if (!s.ok()) return Fail(s);
  std::printf("Database ready: %s\n\nDemo accounts (演示账号, demo passwords — change them for real use):\n",
              c.db.c_str());
  for (const auto& a : parkhq::app::DemoAccounts())
    std::printf("  %-10s %-16s %-11s %s\n", a.username.c_str(), a.password.c_str(), a.role.c_str(), a.note.c_str());
  std::printf("  %-10s %-16s %-11s %s\n", "qiye/qiye2", "Ent@2023demo", "enterprise",
              "企业用户，各属一家演示企业（演示）");
  return 0;
}

int Migrate(const Config& c) {
  auto db = parkhq::storage::Database::Open(c.db, 1);
  if (!db.ok()) return Fail(db.status());
  auto applied = parkhq::storage::Migrate(**db);
  if (!applied.ok()) return Fail(applied.status());
  std::printf("%zu migration(s) applied\n", applied->size());
  for (const auto& v : *applied) std::printf("  %s\n", v.c_str());
  return 0;
}

// Commands run as the system itself: a sysadmin scope named "cli".
parkhq::Scope CliScope() {
  parkhq::Scope cli;
  cli.role = parkhq::Role::kSysadmin;
  cli.all_parks = true;
  cli.username = "cli";
  cli.ip = "local";
  return cli;
}

int User(const Args& a, const Config& c) {
  if (a.positional.size() < 2) return Fail(Status::InvalidArgument("user needs add, passwd or disable"));
  const std::string& verb = a.positional[1];
  auto app = parkhq::app::BuildApp(c);
  if (!app.ok()) return Fail(app.status());
  const parkhq::Scope cli = CliScope();
  auto& accounts = *(*app)->accounts;
  const std::string username = Flag(a, "username", nullptr, "");
  if (verb == "add") {
    parkhq::NewUser u;
    u.username = username;
    u.password = Flag(a, "password", nullptr, "");
    u.role = Flag(a, "role", nullptr, "");
    u.display_name = Flag(a, "display-name", nullptr, "");
    if (auto p = Flag(a, "park", nullptr, ""); !p.empty()) u.park_id = std::atoll(p.c_str());
    if (auto n = Flag(a, "unit", nullptr, ""); !n.empty()) u.unit = n;
    if (auto e = Flag(a, "enterprise", nullptr, ""); !e.empty()) u.enterprise_id = std::atoll(e.c_str());
    auto r = accounts.CreateUser(cli, u);
    if (!r.ok()) return Fail(r.status());
    std::printf("user %s created (id %lld, role %s)\n", r->username.c_str(), static_cast<long long>(r->id),
                parkhq::RoleName(r->role));
    return 0;
  }
  auto found = (*app)->account_repo->FindUserByName(username);
  if (!found.ok()) return Fail(found.status());
  if (!*found) return Fail(Status::NotFound("no user " + username));
  if (verb == "passwd") {
    Status s = accounts.SetPassword(cli, (*found)->id, Flag(a, "password", nullptr, ""));
    if (!s.ok()) return Fail(s);
    std::printf("password of %s changed\n", username.c_str());
    return 0;
  }
  if (verb == "disable") {
    parkhq::UserPatch p;
    p.disabled = true;
    auto r = accounts.UpdateUser(cli, (*found)->id, p);
    if (!r.ok()) return Fail(r.status());
    std::printf("user %s disabled\n", username.c_str());
    return 0;
  }
  return Fail(Status::InvalidArgument("unknown user command " + verb));
}

int ImportReports(const Args& a, const Config& c) {
  if (a.positional.size() < 2) return Fail(Status::InvalidArgument("import-reports needs a FILE"));
  const std::string park = Flag(a, "park", nullptr, "");
  if (park.empty() || std::atoll(park.c_str()) <= 0) return Fail(Status::InvalidArgument("--park ID is required"));
  std::ifstream in(a.positional[1], std::ios::binary);
  if (!in) return Fail(Status::NotFound("cannot read " + a.positional[1]));
  auto app = parkhq::app::BuildApp(c);
  if (!app.ok()) return Fail(app.status());
  parkhq::enterprise::ImportOptions opt;
  opt.approve = a.flags.count("approve") > 0;
  auto r = (*app)->enterprises->ImportReports(CliScope(), std::atoll(park.c_str()), in, opt);
  if (!r.ok()) return Fail(r.status());
  if (!r->errors.empty()) {
    std::fprintf(stderr, "parkhq: import failed, nothing written (%zu%s errors):\n", r->errors.size(),
                 r->truncated ? "+" : "");
    for (const auto& e : r->errors)
      std::fprintf(stderr, "  row %lld%s%s: %s\n", static_cast<long long>(e.row), e.column.empty() ? "" : " ",
                   e.column.c_str(), e.message.c_str());
    return 1;
  }
  std::printf("%lld reports imported (%lld replaced, %lld rule warnings)\n", static_cast<long long>(r->imported),
              static_cast<long long>(r->replaced), static_cast<long long>(r->warnings));
  return 0;
}

int Backup(const Args& a, const Config& c) {
  if (a.positional.size() < 2) return Fail(Status::InvalidArgument("backup needs a FILE"));
  const std::string out = a.positional[1];
  if (c.db.rfind("postgres", 0) == 0) {
    std::string cmd = "pg_dump --format=custom --file='" + out + "' '" + c.db + "'";
    if (out.find('\'') != std::string::npos || c.db.find('\'') != std::string::npos)
      return Fail(Status::InvalidArgument("quotes are not allowed in the file name or URL"));
    int rc = std::system(cmd.c_str());
    if (rc != 0) return Fail(Status::Internal("pg_dump failed"));
  } else {
    auto conn = parkhq::storage::SqliteConnection::Open(c.db);
    if (!conn.ok()) return Fail(conn.status());
    auto* sq = static_cast<parkhq::storage::SqliteConnection*>(conn->get());
    Status s = sq->BackupTo(out);
    if (!s.ok()) return Fail(s);
  }
  std::printf("backup written to %s\n", out.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args a = ParseArgs(argc, argv);
  if (const char* lvl = std::getenv("PARKHQ_LOG")) spdlog::set_level(spdlog::level::from_str(lvl));
  if (!parkhq::CryptoInit()) {
    std::fprintf(stderr, "parkhq: libsodium failed to start\n");
    return 1;
  }
  if (a.positional.empty() || a.positional[0] == "help" || a.flags.count("help") ||
      std::find(argv, argv + argc, std::string("--help")) != argv + argc) {
    std::fputs(kHelp, stdout);
    return a.positional.empty() && argc > 1 ? 0 : (a.positional.empty() ? 2 : 0);
  }
  Config c = MakeConfig(a);
  const std::string& cmd = a.positional[0];
  if (cmd == "serve") return Serve(c);
  if (cmd == "init") return Init(a, c);
  if (cmd == "migrate") return Migrate(c);
  if (cmd == "user") return User(a, c);
  if (cmd == "backup") return Backup(a, c);
  if (cmd == "import-reports") return ImportReports(a, c);
  std::fprintf(stderr, "parkhq: unknown command '%s'\n\n%s", cmd.c_str(), kHelp);
  return 2;
}
