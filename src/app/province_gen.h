// `parkhq gen`: a province-scale demo database (issue 18 item 4), for the scale benchmarks.
// Adds to a database that holds the Huating demo world (seeded first when the database is empty):
// a province region （演示） with ten cities, `parks` parks spread over them, and for each park
// `years` years of approved monthly monitoring figures with targets, enterprises
// (`enterprises` in all) with approved monthly reports for those years, projects with annual plans
// and monthly investment, and every year's 亩均 evaluation inputs. Everything is labelled demo
// (（演示） in names, is_demo = 1).
//
// Deterministic: the same options (seed included) on the same engine give the same rows — every
// value comes from a std::mt19937_64 seeded with `seed`, every timestamp from `last_year`, never
// the clock. Written through the Database seam in portable SQL (SQLite and PostgreSQL), in
// multi-row INSERTs inside one transaction per table group; memory stays bounded by one batch.
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "common/status_or.h"
#include "storage/database.h"

namespace parkhq::app {

struct GenOptions {
  int parks = 100;
  int enterprises = 20000;
  int years = 5;
  uint64_t seed = 1;
  int last_year = 2025;  // the last complete year generated
  int projects_per_park = 20;
};

struct GenSummary {
  int64_t region_id = 0;  // the province
  int64_t first_park_id = 0;
  int64_t parks = 0, enterprises = 0, reports = 0, indicator_values = 0, projects = 0, project_months = 0,
          eval_inputs = 0;
};

// Refuses (InvalidArgument) parks outside 1..2000, enterprises outside 0..1,000,000, years outside
// 1..20, and a database that already holds a generated province (the province name is taken).
StatusOr<GenSummary> GenerateProvince(storage::Database& db, const GenOptions& options);

// The text of `parkhq gen --help`.
const char* GenHelp();

// `parkhq gen` with its --flags (see GenHelp): opens `db_url`, migrates it, seeds the demo world
// when it has no users, generates, prints a summary. Returns the process exit code (2: bad flags).
int GenCommand(const std::map<std::string, std::string>& flags, const std::string& db_url, bool fast_hash);

}  // namespace parkhq::app
