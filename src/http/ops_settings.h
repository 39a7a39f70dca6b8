// Operations settings the HTTP layer reads (issue 17): who may read /metrics, where the data and
// backups live (for the status page). Filled by the composition root from the configuration.
#pragma once
#include <string>

#include "http/metrics.h"

namespace parkhq::http {

struct OpsSettings {
  MetricsAccess metrics;
  std::string config_file;  // the TOML file read at start ("" = none)
  std::string data_dir;     // where the SQLite file lives; disk space is reported for it
  std::string backup_dir;   // where scheduled or manual backups are expected
  int backup_keep = 14;     // retention (documented; `parkhq backup --keep` applies it)
};

}  // namespace parkhq::http
