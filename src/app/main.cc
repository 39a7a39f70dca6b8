// parkhq: the ParkHQ server and its administration commands.
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <utility>
#include <string>
#include <vector>

#include "common/time.h"
#include "app/app.h"
#include "app/config_file.h"
#include "app/ops_cli.h"
#include "app/province_gen.h"
#include "app/demo_seed.h"
#include "common/crypto.h"
#include "common/deadline.h"
#include "common/limits.h"
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
      --session-lifetime H  absolute session lifetime in hours, however active (default 12)
      --secure-cookies    behind HTTPS: Secure session cookie and HSTS on every response
      --trusted-proxy IP[,IP]  a reverse proxy whose X-Forwarded-For / X-Forwarded-Proto are believed
                          (X-Forwarded-Proto: https then turns on Secure and HSTS); ignored from others
      --max-connections-per-ip N  connections open at once from one address (default 64)
      --db-replica URL    a PostgreSQL read replica (repeatable): GET/HEAD read from it, with
                          read-your-writes for the session that wrote (docs/scaling.md) [env PARKHQ_DB_REPLICAS]
Every command also takes:
      --time-zone ZONE    the deployment's time zone for "today", months and deadlines
                          (IANA name, default Asia/Shanghai)                                   [env PARKHQ_TIME_ZONE]
      env PARKHQ_NOW=2023-06-30T00:30:00+08:00  pins the clock (tests and demos); time runs on from there
    Limits on untrusted input (defaults in src/common/limits.h; docs/security.md):
      --body-limit-mb N          JSON request bodies (default 10)
      --upload-limit-mb N        upload routes: imports, GeoJSON (default 64)
      --xlsx-max-columns N       columns of an imported sheet (default 16384)
      --xlsx-max-rows N          rows of an imported sheet (default 1048576)
      --xlsx-max-cells N         non-empty cells of an imported sheet or CSV (default 1000000)
      --xlsx-max-shared-strings N  (default 1000000)
      --xlsx-max-entry-mb N      uncompressed size of one part of an XLSX file (default 48)
      --xlsx-max-total-mb N      uncompressed size of all parts read from one XLSX file (default 96)
      --geojson-max-points N     points of one geometry (default 100000)
      --geojson-max-ring-points N  points of one ring (default 20000)
      --geojson-max-rings N      rings of one geometry (default 1000)
      --geojson-max-polygons N   polygons of one MultiPolygon (default 500)
      --geojson-max-request-points N  points of all geometries in one request (default 500000)
      --work-seconds S           work deadline of one request; past it the request is cancelled (default 20)
      --shutdown-grace S         after SIGTERM, seconds requests in flight may take (default 5)
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
  backup [FILE]         Write an online, consistent copy of the database to FILE
                        (SQLite: the backup API; PostgreSQL: pg_dump in custom format). Without
                        FILE: a timestamped file in backup.dir, keeping the newest backup.keep.
      --db PATH|URL
  restore FILE --yes    Replace the database with a backup from `parkhq backup` (stop the service
                        first), then apply newer migrations.  --db PATH|URL
  gen                   Write a province-scale demo database for the scale benchmarks (parks,
                        enterprises with monthly reports, projects, figures; deterministic by seed).
      --db PATH|URL --parks 100 --enterprises 20000 --years 5 --seed N   (parkhq gen --help)
  config check          Read the configuration (file, environment, flags), print every key with
                        its value and where it came from; exit 1 when it is invalid.
  help, --help          This text.

Configuration: --config FILE (else $PARKHQ_CONFIG, else /etc/parkhq/parkhq.toml when present), then
PARKHQ_* environment variables, then flags; every key is in docs/configuration.md (also
--db-pool, --log-level, --log-format text|json, --metrics-enabled, --metrics-allow, --backup-dir,
--backup-keep). PARKHQ_FAST_HASH=1 (tests only) uses the minimum Argon2id cost.
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
      std::string name = s.substr(2, eq == std::string::npos ? std::string::npos : eq - 2), value;
      if (eq != std::string::npos) value = s.substr(eq + 1);
      else if (i + 1 < argc && std::string_view(argv[i + 1]).rfind("--", 0) != 0) value = argv[++i];
      // --db-replica may be repeated: the URLs join into one comma-separated list.
      auto prev = a.flags.find(name);
      if (name == "db-replica" && prev != a.flags.end() && !prev->second.empty()) a.flags[name] = prev->second + "," + value;
      else a.flags[name] = value;
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

// File (--config / $PARKHQ_CONFIG / /etc/parkhq/parkhq.toml), then PARKHQ_* env, then flags.
parkhq::StatusOr<Config> MakeConfig(const Args& a) {
  PARKHQ_ASSIGN_OR_RETURN(auto loaded,
                          parkhq::app::LoadConfig(a.flags, [](const char* name) { return std::getenv(name); }));
  Config c = std::move(loaded.config);
  const char* fast = std::getenv("PARKHQ_FAST_HASH");
  c.fast_hash = fast && std::string(fast) == "1";
  return c;
}

// The --xxx limit flags of `serve` over the defaults. Refuses values that are not positive numbers.
Status ApplyLimitFlags(const Args& a, parkhq::Limits& l) {
  struct SizeFlag {
    const char* name;
    std::size_t* field;
    std::size_t scale;
  };
  const SizeFlag sizes[] = {
      {"body-limit-mb", &l.body_bytes, 1u << 20},
      {"upload-limit-mb", &l.upload_bytes, 1u << 20},
      {"xlsx-max-columns", &l.xlsx_columns, 1},
      {"xlsx-max-rows", &l.xlsx_rows, 1},
      {"xlsx-max-cells", &l.xlsx_cells, 1},
      {"xlsx-max-shared-strings", &l.xlsx_shared_strings, 1},
      {"xlsx-max-entry-mb", &l.xlsx_entry_bytes, 1u << 20},
      {"xlsx-max-total-mb", &l.xlsx_total_bytes, 1u << 20},
      {"geojson-max-points", &l.geojson_points, 1},
      {"geojson-max-ring-points", &l.geojson_points_per_ring, 1},
      {"geojson-max-rings", &l.geojson_rings, 1},
      {"geojson-max-polygons", &l.geojson_polygons, 1},
      {"geojson-max-request-points", &l.geojson_request_points, 1},
  };
  for (const auto& f : sizes) {
    auto it = a.flags.find(f.name);
    if (it == a.flags.end()) continue;
    char* end = nullptr;
    const unsigned long long v = std::strtoull(it->second.c_str(), &end, 10);
    if (it->second.empty() || *end != '\0' || v == 0 || v > (1ull << 40) / f.scale)
      return Status::InvalidArgument(std::string("--") + f.name + " must be a positive whole number");
    *f.field = static_cast<std::size_t>(v) * f.scale;
  }
  for (auto [name, field] : {std::pair{"work-seconds", &l.request_work_seconds},
                             std::pair{"shutdown-grace", &l.shutdown_grace_seconds}}) {
    auto it = a.flags.find(name);
    if (it == a.flags.end()) continue;
    char* end = nullptr;
    const double v = std::strtod(it->second.c_str(), &end);
    if (it->second.empty() || *end != '\0' || !(v > 0 && v <= 86400))
      return Status::InvalidArgument(std::string("--") + name + " must be a number of seconds (0 < S <= 86400)");
    *field = v;
  }
  return Status::Ok();
}

int Fail(const Status& s) {
  std::fprintf(stderr, "parkhq: %s\n", s.ToString().c_str());
  return 1;
}

// The deployment's clock (design.md §2): its time zone, and PARKHQ_NOW to pin "now" for tests.
// Runs before any thread starts (the zone is process state).
Status ConfigureClock(const Config& c) {
  if (!parkhq::SetTimeZone(c.time_zone))
    return Status::InvalidArgument("unknown time zone '" + c.time_zone +
                                   "' (server.time_zone / --time-zone, an IANA name such as Asia/Shanghai)");
  if (const char* now = std::getenv("PARKHQ_NOW"); now && *now) {
    auto t = parkhq::ParseTimestamp(now);
    if (!t) return Status::InvalidArgument(std::string("PARKHQ_NOW must be YYYY-MM-DDTHH:MM:SS+08:00, got ") + now);
    parkhq::PinClock(*t);
  }
  return Status::Ok();
}

int Serve(const Args& a, const Config& c) {
  parkhq::Limits limits = c.limits;  // [limits] keys of the configuration; the flags below win
  if (Status ls = ApplyLimitFlags(a, limits); !ls.ok()) {
    std::fprintf(stderr, "parkhq: %s\n", ls.ToString().c_str());
    return 2;
  }
  parkhq::SetLimits(limits);
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
  opt.max_connections_per_ip = c.max_connections_per_ip;
  opt.trusted_proxies = c.trusted_proxies;
  opt.body_limit = limits.body_bytes;
  opt.upload_limit = limits.upload_bytes;
  opt.shutdown_grace = std::chrono::milliseconds(static_cast<int64_t>(limits.shutdown_grace_seconds * 1000));
  parkhq::http::ServerHooks hooks;
  // Each request runs under the work deadline: parsers and heavy checks give up past it (413).
  hooks.handle = [&dispatcher, work = limits.request_work_seconds](parkhq::http::Request& r) {
    parkhq::ScopedDeadline deadline(work);
    return dispatcher.Handle(r);
  };
  hooks.is_upload = [&dispatcher](std::string_view m, std::string_view p) { return dispatcher.IsUpload(m, p); };
  hooks.is_inline = parkhq::http::Dispatcher::IsInline;  // the health probe skips the worker pool
  hooks.pre_authorize = [&dispatcher](parkhq::http::Request& r) { return dispatcher.PreAuthorize(r); };
  hooks.on_listening = [&](uint16_t bound) {
    std::printf("parkhq %s serving http://%s:%u (db: %s)\n", PARKHQ_VERSION, host.c_str(), bound,
                (*app)->db->description().c_str());
    std::fflush(stdout);
  };
  // Scheduled jobs (issue 12) run inside the server; PARKHQ_SCHEDULER=0 turns them off.
  const char* sched = std::getenv("PARKHQ_SCHEDULER");
  if (!sched || std::string(sched) != "0") (*app)->briefings->jobs.Start();
  Status s = parkhq::http::RunServer(opt, hooks);
  (*app)->briefings->jobs.Stop();
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

}  // namespace

int main(int argc, char** argv) {
  Args a = ParseArgs(argc, argv);
  if (!parkhq::CryptoInit()) {
    std::fprintf(stderr, "parkhq: libsodium failed to start\n");
    return 1;
  }
  if (!a.positional.empty() && a.positional[0] == "gen" &&
      std::find(argv, argv + argc, std::string("--help")) != argv + argc) {
    std::fputs(parkhq::app::GenHelp(), stdout);
    return 0;
  }
  if (a.positional.empty() || a.positional[0] == "help" || a.flags.count("help") ||
      std::find(argv, argv + argc, std::string("--help")) != argv + argc) {
    std::fputs(kHelp, stdout);
    return a.positional.empty() && argc > 1 ? 0 : (a.positional.empty() ? 2 : 0);
  }
  const std::string& cmd = a.positional[0];
  if (cmd == "config") return parkhq::app::ConfigCommand(a.positional, a.flags);
  auto loaded = MakeConfig(a);
  if (!loaded.ok()) {
    // A bad limit flag (also a [limits] key) stays a usage error, exit 2, as before the keys existed.
    parkhq::Limits probe;
    if (Status ls = ApplyLimitFlags(a, probe); !ls.ok()) {
      std::fprintf(stderr, "parkhq: %s\n", ls.ToString().c_str());
      return 2;
    }
    return Fail(loaded.status());
  }
  const Config& c = *loaded;
  if (Status clock = ConfigureClock(c); !clock.ok()) return Fail(clock);
  parkhq::app::SetupLogging(c);
  if (cmd == "serve") return Serve(a, c);
  if (cmd == "init") return Init(a, c);
  if (cmd == "migrate") return Migrate(c);
  if (cmd == "user") return User(a, c);
  if (cmd == "backup") return parkhq::app::BackupCommand(a.positional, c);
  if (cmd == "restore") return parkhq::app::RestoreCommand(a.positional, a.flags, c);
  if (cmd == "import-reports") return ImportReports(a, c);
  if (cmd == "gen") return parkhq::app::GenCommand(a.flags, c.db, c.fast_hash);
  std::fprintf(stderr, "parkhq: unknown command '%s'\n\n%s", cmd.c_str(), kHelp);
  return 2;
}
