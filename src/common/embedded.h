// Files embedded into the binary at build time (migrations, seed data, message catalogs).
#pragma once
#include <string_view>
#include <vector>

namespace parkhq {

struct EmbeddedFile {
  std::string_view name;      // file name, e.g. "0001_core.sql"
  std::string_view contents;  // the bytes of the file
};

// Sorted by name. Defined in generated code (cmake/embed_migrations.cmake).
extern const std::vector<EmbeddedFile> kEmbeddedMigrations;
extern const std::vector<EmbeddedFile> kSeedFiles;
// The English message catalogs (src/http/messages/*.tsv; read by http/messages_en.cc).
extern const std::vector<EmbeddedFile> kMessageFiles;

// Returns the seed file of that name, or an empty view when there is none.
std::string_view SeedFile(std::string_view name);

}  // namespace parkhq
