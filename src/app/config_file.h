// The configuration: a TOML file, then PARKHQ_* environment variables, then command-line flags
// (each later source wins). Every key is listed in ConfigKeys() and docs/configuration.md.
// The file is --config PATH, else $PARKHQ_CONFIG, else /etc/parkhq/parkhq.toml when it exists.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "app/app.h"
#include "common/status_or.h"

namespace parkhq::app {

inline constexpr char kDefaultConfigFile[] = "/etc/parkhq/parkhq.toml";

struct ConfigKey {
  const char* key;   // TOML "table.key"
  const char* env;   // environment variable
  const char* flag;  // command-line flag without "--"
  const char* type;  // string | integer | boolean | list (array of strings; comma-separated in env/flags)
  const char* doc;
};
const std::vector<ConfigKey>& ConfigKeys();

// The [limits] keys (part of ConfigKeys()): a size field of Limits times scale, or (field null)
// limits.work_seconds / limits.shutdown_grace.
struct LimitKey {
  const char* key;
  const char* env;
  const char* flag;
  std::size_t Limits::*field;
  std::size_t scale;
  const char* doc;
};
const std::vector<LimitKey>& LimitKeys();

struct LoadedConfig {
  Config config;
  std::string file;                             // the file read ("" = none)
  std::map<std::string, std::string> values;    // key → effective value as text
  std::map<std::string, std::string> sources;   // key → "default" | "file:LINE" | "env NAME" | "flag --x"
};

using EnvLookup = std::function<const char*(const char*)>;

// Reads the file (if any), the environment and the flags; fails naming the key on an unknown key,
// a wrong type or a bad value.
StatusOr<LoadedConfig> LoadConfig(const std::map<std::string, std::string>& flags, const EnvLookup& env);

}  // namespace parkhq::app
