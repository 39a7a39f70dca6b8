// Versioned schema migrations, embedded in the binary, applied in order inside a transaction each.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.h"

namespace parkhq::storage {

// Translates the portable migration dialect ({{ID}}) for the engine.
std::string TranslateMigration(std::string_view sql, Engine engine);

// Applies every embedded migration not yet recorded in schema_migrations. Returns the versions
// applied now (empty when the schema was current).
StatusOr<std::vector<std::string>> Migrate(Database& db);

}  // namespace parkhq::storage
