#include "app/config_file.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/time.h"
#include "common/toml_lite.h"
#include "http/server.h"

namespace parkhq::app {

const std::vector<ConfigKey>& ConfigKeys() {
  static const std::vector<ConfigKey> keys = {
      {"server.listen", "PARKHQ_LISTEN", "listen", "string",
       "Address and port to listen on, HOST:PORT (port 0 picks a free one). Default 127.0.0.1:8080."},
      {"server.web_root", "PARKHQ_WEB_ROOT", "web-root", "string",
       "Directory of the built web app. Default web/dist (packaged: /usr/share/parkhq/web)."},
      {"server.idle_timeout_minutes", "PARKHQ_IDLE_TIMEOUT", "idle-timeout", "integer",
       "Minutes of inactivity that end a session (1..1440). Default 30."},
      {"server.time_zone", "PARKHQ_TIME_ZONE", "time-zone", "string",
       "The deployment's time zone (IANA name) for \"today\", months, deadlines and overdue counts. "
       "Default Asia/Shanghai. (PARKHQ_NOW=2023-06-30T00:30:00+08:00 pins the clock for tests.)"},
      {"server.session_lifetime_hours", "PARKHQ_SESSION_LIFETIME", "session-lifetime", "integer",
       "Absolute lifetime of a session in hours, however active (1..720). Default 12."},
      {"server.secure_cookies", "PARKHQ_SECURE_COOKIES", "secure-cookies", "boolean",
       "Behind HTTPS: the Secure attribute on the session cookie and HSTS on every response. Default false."},
      {"server.trusted_proxies", "PARKHQ_TRUSTED_PROXY", "trusted-proxy", "list",
       "Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (X-Forwarded-Proto: https "
       "then turns on Secure and HSTS); ignored from any other address. Default none."},
      {"server.max_connections_per_ip", "PARKHQ_MAX_CONNECTIONS_PER_IP", "max-connections-per-ip", "integer",
       "Connections open at once from one client address (1..100000). Default 64."},
      {"database.url", "PARKHQ_DB", "db", "string",
       "SQLite file path, or postgresql://user@host:port/db. Default data/parkhq.db "
       "(packaged: /var/lib/parkhq/parkhq.db)."},
      {"database.pool_size", "PARKHQ_DB_POOL", "db-pool", "integer",
       "Most database connections the server opens (1..256). Default 16."},
      {"database.replicas", "PARKHQ_DB_REPLICAS", "db-replica", "list",
       "Read replicas: postgresql:// URLs of streaming standbys of the primary (the flag may be repeated; "
       "env and flag comma-separated). GET/HEAD requests read from them, with read-your-writes for the "
       "session that wrote (docs/scaling.md). Default none."},
      {"log.level", "PARKHQ_LOG", "log-level", "string", "trace, debug, info, warn, error or off. Default info."},
      {"log.format", "PARKHQ_LOG_FORMAT", "log-format", "string",
       "text (human-readable) or json (one JSON object per line, for journald/ELK). Default text."},
      {"metrics.enabled", "PARKHQ_METRICS_ENABLED", "metrics-enabled", "boolean",
       "Serve GET /metrics (Prometheus text). Default true."},
      {"metrics.allow", "PARKHQ_METRICS_ALLOW", "metrics-allow", "list",
       "Client addresses that may read /metrics without logging in; \"any\" allows all. "
       "Default [\"127.0.0.1\", \"::1\", \"::ffff:127.0.0.1\"]."},
      {"backup.dir", "PARKHQ_BACKUP_DIR", "backup-dir", "string",
       "Where `parkhq backup` without a FILE writes (timestamped names). Default backups/ next to a SQLite "
       "database, else ./backups (packaged: /var/lib/parkhq/backups)."},
      {"backup.keep", "PARKHQ_BACKUP_KEEP", "backup-keep", "integer",
       "How many timestamped backups in backup.dir to keep; older ones are deleted after a backup "
       "(0 keeps all). Default 14."},
      {"api.token_rate", "PARKHQ_TOKEN_RATE", "token-rate", "integer",
       "Requests per second one API token may make on average (1..100000); past the burst 429 with "
       "Retry-After. Default 20."},
      {"api.token_burst", "PARKHQ_TOKEN_BURST", "token-burst", "integer",
       "Requests one API token may make at once before the rate applies (1..100000). Default 40."},
  };
  static const std::vector<ConfigKey> all = [] {
    std::vector<ConfigKey> v = keys;
    for (const auto& l : LimitKeys()) v.push_back({l.key, l.env, l.flag, "integer", l.doc});
    return v;
  }();
  return all;
}

// The limits on untrusted input (common/limits.h) as [limits] keys. Sizes are whole numbers
// (MiB where the name says mb); work_seconds and shutdown_grace accept decimals from env and flags.
const std::vector<LimitKey>& LimitKeys() {
  static const std::vector<LimitKey> keys = {
      {"limits.body_limit_mb", "PARKHQ_BODY_LIMIT_MB", "body-limit-mb", &Limits::body_bytes, 1u << 20,
       "Largest JSON request body in MiB. Default 10."},
      {"limits.upload_limit_mb", "PARKHQ_UPLOAD_LIMIT_MB", "upload-limit-mb", &Limits::upload_bytes, 1u << 20,
       "Largest upload (imports, GeoJSON files) in MiB. Default 64."},
      {"limits.xlsx_max_columns", "PARKHQ_XLSX_MAX_COLUMNS", "xlsx-max-columns", &Limits::xlsx_columns, 1,
       "Columns of an XLSX sheet read. Default 16384."},
      {"limits.xlsx_max_rows", "PARKHQ_XLSX_MAX_ROWS", "xlsx-max-rows", &Limits::xlsx_rows, 1,
       "Rows of an XLSX sheet read. Default 1048576."},
      {"limits.xlsx_max_cells", "PARKHQ_XLSX_MAX_CELLS", "xlsx-max-cells", &Limits::xlsx_cells, 1,
       "Non-empty cells of an XLSX sheet. Default 1000000."},
      {"limits.xlsx_max_shared_strings", "PARKHQ_XLSX_MAX_SHARED_STRINGS", "xlsx-max-shared-strings",
       &Limits::xlsx_shared_strings, 1, "Shared strings of an XLSX file. Default 1000000."},
      {"limits.xlsx_max_entry_mb", "PARKHQ_XLSX_MAX_ENTRY_MB", "xlsx-max-entry-mb", &Limits::xlsx_entry_bytes,
       1u << 20, "Uncompressed MiB of one entry of an XLSX file. Default 48."},
      {"limits.xlsx_max_total_mb", "PARKHQ_XLSX_MAX_TOTAL_MB", "xlsx-max-total-mb", &Limits::xlsx_total_bytes,
       1u << 20, "Uncompressed MiB of all entries read from one XLSX file. Default 96."},
      {"limits.geojson_max_points", "PARKHQ_GEOJSON_MAX_POINTS", "geojson-max-points", &Limits::geojson_points, 1,
       "Points in one GeoJSON geometry. Default 100000."},
      {"limits.geojson_max_ring_points", "PARKHQ_GEOJSON_MAX_RING_POINTS", "geojson-max-ring-points",
       &Limits::geojson_points_per_ring, 1, "Points in one ring. Default 20000."},
      {"limits.geojson_max_rings", "PARKHQ_GEOJSON_MAX_RINGS", "geojson-max-rings", &Limits::geojson_rings, 1,
       "Rings in one geometry. Default 1000."},
      {"limits.geojson_max_polygons", "PARKHQ_GEOJSON_MAX_POLYGONS", "geojson-max-polygons",
       &Limits::geojson_polygons, 1, "Polygons of one MultiPolygon. Default 500."},
      {"limits.geojson_max_request_points", "PARKHQ_GEOJSON_MAX_REQUEST_POINTS", "geojson-max-request-points",
       &Limits::geojson_request_points, 1, "Points in all geometries of one request. Default 500000."},
      {"limits.work_seconds", "PARKHQ_WORK_SECONDS", "work-seconds", nullptr, 0,
       "Seconds a request may work before it is cancelled (0 < S <= 86400). Default 20."},
      {"limits.shutdown_grace", "PARKHQ_SHUTDOWN_GRACE", "shutdown-grace", nullptr, 0,
       "Seconds requests in flight get after SIGTERM (0 < S <= 86400). Default 5."},
  };
  return keys;
}

namespace {

std::string fmt_seconds(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", d);
  return buf;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) {
    size_t a = item.find_first_not_of(" \t"), b = item.find_last_not_of(" \t");
    if (a != std::string::npos) out.push_back(item.substr(a, b - a + 1));
  }
  return out;
}

StatusOr<int64_t> ToInt(const std::string& key, const std::string& v, int64_t lo, int64_t hi) {
  try {
    size_t used = 0;
    long long n = std::stoll(v, &used);
    if (used == v.size() && n >= lo && n <= hi) return static_cast<int64_t>(n);
  } catch (const std::exception&) {
  }
  return Status::InvalidArgument(key + ": expected an integer from " + std::to_string(lo) + " to " +
                                 std::to_string(hi) + ", got \"" + v + "\"");
}

StatusOr<bool> ToBool(const std::string& key, const std::string& v) {
  if (v == "true" || v == "1" || v == "yes") return true;
  if (v == "false" || v == "0" || v == "no") return false;
  return Status::InvalidArgument(key + ": expected true or false, got \"" + v + "\"");
}

Status Apply(Config& c, const std::string& key, const std::string& v) {
  if (key == "server.listen") {
    std::string host;
    uint16_t port = 0;
    if (!http::ParseListen(v, host, port)) return Status::InvalidArgument(key + ": expected HOST:PORT, got \"" + v + "\"");
    c.listen = v;
  } else if (key == "server.web_root") {
    c.web_root = v;
  } else if (key == "server.time_zone") {
    if (!IsKnownTimeZone(v)) return Status::InvalidArgument(key + ": unknown time zone \"" + v + "\" (an IANA name such as Asia/Shanghai)");
    c.time_zone = v;
  } else if (key == "server.idle_timeout_minutes") {
    PARKHQ_ASSIGN_OR_RETURN(auto n, ToInt(key, v, 1, 1440));
    c.idle_timeout_seconds = n * 60;
  } else if (key == "server.session_lifetime_hours") {
    PARKHQ_ASSIGN_OR_RETURN(auto n, ToInt(key, v, 1, 720));
    c.session_lifetime_seconds = n * 3600;
  } else if (key == "server.secure_cookies") {
    // A bare --secure-cookies flag means true.
    if (v.empty()) {
      c.secure_cookies = true;
    } else {
      PARKHQ_ASSIGN_OR_RETURN(c.secure_cookies, ToBool(key, v));
    }
  } else if (key == "server.trusted_proxies") {
    c.trusted_proxies = SplitList(v);
  } else if (key == "server.max_connections_per_ip") {
    PARKHQ_ASSIGN_OR_RETURN(auto n, ToInt(key, v, 1, 100000));
    c.max_connections_per_ip = static_cast<int>(n);
  } else if (key == "database.url") {
    if (v.empty()) return Status::InvalidArgument(key + ": must not be empty");
    c.db = v;
  } else if (key == "database.pool_size") {
    PARKHQ_ASSIGN_OR_RETURN(auto n, ToInt(key, v, 1, 256));
    c.db_pool = static_cast<int>(n);
  } else if (key == "database.replicas") {
    c.db_replicas = SplitList(v);
    for (const auto& u : c.db_replicas)
      if (u.rfind("postgresql://", 0) != 0 && u.rfind("postgres://", 0) != 0)
        return Status::InvalidArgument(key + ": each replica must be a postgresql:// URL");
  } else if (key == "log.level") {
    static const char* kLevels[] = {"trace", "debug", "info", "warn", "error", "critical", "off"};
    if (std::find(std::begin(kLevels), std::end(kLevels), v) == std::end(kLevels))
      return Status::InvalidArgument(key + ": expected trace, debug, info, warn, error or off, got \"" + v + "\"");
    c.log_level = v;
  } else if (key == "log.format") {
    if (v != "text" && v != "json") return Status::InvalidArgument(key + ": expected text or json, got \"" + v + "\"");
    c.log_format = v;
  } else if (key == "metrics.enabled") {
    PARKHQ_ASSIGN_OR_RETURN(c.metrics_enabled, ToBool(key, v));
  } else if (key == "metrics.allow") {
    c.metrics_allow = SplitList(v);
  } else if (key == "backup.dir") {
    c.backup_dir = v;
  } else if (key == "backup.keep") {
    PARKHQ_ASSIGN_OR_RETURN(auto n, ToInt(key, v, 0, 100000));
    c.backup_keep = static_cast<int>(n);
  } else if (key.rfind("limits.", 0) == 0) {
    for (const auto& l : LimitKeys()) {
      if (key != l.key) continue;
      if (!l.field) {
        char* end = nullptr;
        const double d = std::strtod(v.c_str(), &end);
        if (v.empty() || *end != '\0' || !(d > 0 && d <= 86400))
          return Status::InvalidArgument(key + ": expected seconds (0 < S <= 86400), got \"" + v + "\"");
        (key == "limits.work_seconds" ? c.limits.request_work_seconds : c.limits.shutdown_grace_seconds) = d;
      } else {
        PARKHQ_ASSIGN_OR_RETURN(auto n, ToInt(key, v, 1, static_cast<int64_t>((1ull << 40) / l.scale)));
        c.limits.*l.field = static_cast<std::size_t>(n) * l.scale;
      }
    }
  } else if (key == "api.token_rate") {
    PARKHQ_ASSIGN_OR_RETURN(auto n, ToInt(key, v, 1, 100000));
    c.token_rate = static_cast<int>(n);
  } else if (key == "api.token_burst") {
    PARKHQ_ASSIGN_OR_RETURN(auto n, ToInt(key, v, 1, 100000));
    c.token_burst = static_cast<int>(n);
  }
  return Status::Ok();
}

}  // namespace

StatusOr<LoadedConfig> LoadConfig(const std::map<std::string, std::string>& flags, const EnvLookup& env) {
  LoadedConfig out;
  // The file: --config, $PARKHQ_CONFIG, or the packaged default when present.
  std::string file;
  bool explicit_file = true;
  if (auto it = flags.find("config"); it != flags.end()) file = it->second;
  else if (const char* e = env("PARKHQ_CONFIG"); e && *e) file = e;
  else {
    explicit_file = false;
    std::error_code ec;
    if (std::filesystem::exists(kDefaultConfigFile, ec)) file = kDefaultConfigFile;
  }
  std::map<std::string, const ConfigKey*> by_key;
  for (const auto& k : ConfigKeys()) by_key[k.key] = &k;

  if (!file.empty()) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      return Status::NotFound("cannot read the configuration file " + file +
                              (explicit_file ? "" : " (remove it or make it readable)"));
    }
    std::stringstream buf;
    buf << in.rdbuf();
    auto parsed = ParseToml(buf.str());
    if (!parsed.ok()) return Status::InvalidArgument(file + ": " + parsed.status().message());
    for (auto& [key, entry] : *parsed) {
      auto k = by_key.find(key);
      const std::string where = file + ":" + std::to_string(entry.line);
      if (k == by_key.end()) return Status::InvalidArgument(where + ": unknown key " + key);
      const std::string type = k->second->type;
      const char* got = TomlTypeName(entry.value);
      std::string text;
      if (type == "string" && std::holds_alternative<std::string>(entry.value)) text = std::get<std::string>(entry.value);
      else if (type == "integer" && std::holds_alternative<int64_t>(entry.value))
        text = std::to_string(std::get<int64_t>(entry.value));
      else if (type == "boolean" && std::holds_alternative<bool>(entry.value))
        text = std::get<bool>(entry.value) ? "true" : "false";
      else if (type == "list" && std::holds_alternative<std::vector<std::string>>(entry.value))
        text = Join(std::get<std::vector<std::string>>(entry.value));
      else
        return Status::InvalidArgument(where + ": " + key + " must be " +
                                       (type == "list" ? std::string("an array of strings") : "a " + type) +
                                       ", not " + got);
      out.values[key] = text;
      out.sources[key] = "file " + where;
    }
  }
  for (const auto& k : ConfigKeys()) {
    if (const char* e = env(k.env); e && *e) {
      out.values[k.key] = e;
      out.sources[k.key] = std::string("env ") + k.env;
    }
    if (auto it = flags.find(k.flag); it != flags.end()) {
      out.values[k.key] = it->second;
      out.sources[k.key] = std::string("flag --") + k.flag;
    }
  }
  for (const auto& [key, v] : out.values) {
    Status s = Apply(out.config, key, v);
    if (!s.ok()) return Status::InvalidArgument("configuration (" + out.sources[key] + "): " + s.message());
  }
  out.file = file;
  out.config.config_file = file;
  // Effective values of the keys nobody set, for `parkhq config check`.
  const Config& c = out.config;
  const std::map<std::string, std::string> effective = {
      {"server.listen", c.listen},
      {"server.web_root", c.web_root},
      {"server.idle_timeout_minutes", std::to_string(c.idle_timeout_seconds / 60)},
      {"server.time_zone", c.time_zone},
      {"server.session_lifetime_hours", std::to_string(c.session_lifetime_seconds / 3600)},
      {"server.secure_cookies", c.secure_cookies ? "true" : "false"},
      {"server.trusted_proxies", Join(c.trusted_proxies)},
      {"server.max_connections_per_ip", std::to_string(c.max_connections_per_ip)},
      {"database.url", c.db},
      {"database.pool_size", std::to_string(c.db_pool)},
      {"database.replicas", Join(c.db_replicas)},
      {"log.level", c.log_level},
      {"log.format", c.log_format},
      {"metrics.enabled", c.metrics_enabled ? "true" : "false"},
      {"metrics.allow", Join(c.metrics_allow)},
      {"backup.dir", c.backup_dir},
      {"backup.keep", std::to_string(c.backup_keep)},
      {"api.token_rate", std::to_string(c.token_rate)},
      {"api.token_burst", std::to_string(c.token_burst)},
  };
  std::map<std::string, std::string> limits;
  for (const auto& l : LimitKeys()) {
    if (l.field) limits[l.key] = std::to_string(c.limits.*l.field / l.scale);
  }
  limits["limits.work_seconds"] = fmt_seconds(c.limits.request_work_seconds);
  limits["limits.shutdown_grace"] = fmt_seconds(c.limits.shutdown_grace_seconds);
  for (const auto& [key, v] : limits) {
    out.values[key] = v;
    if (!out.sources.count(key)) out.sources[key] = "default";
  }
  for (const auto& [key, v] : effective) {
    out.values[key] = v;
    if (!out.sources.count(key)) out.sources[key] = "default";
  }
  return out;
}

}  // namespace parkhq::app
