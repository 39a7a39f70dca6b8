// Operations commands of the parkhq binary (issue 17): config check, backup, restore; and the
// log setup (text or JSON lines).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "app/app.h"

namespace parkhq::app {

// `parkhq config check`: loads file + env + flags, prints every key with its value and source.
int ConfigCommand(const std::vector<std::string>& positional, const std::map<std::string, std::string>& flags);

// `parkhq backup [FILE]`: SQLite online backup API / pg_dump custom format. Without FILE writes a
// timestamped file into backup.dir and keeps the newest backup.keep of them.
int BackupCommand(const std::vector<std::string>& positional, const Config& c);

// `parkhq restore FILE --yes`: replaces the database with the backup, then applies migrations.
int RestoreCommand(const std::vector<std::string>& positional, const std::map<std::string, std::string>& flags,
                   const Config& c);

// Sets the spdlog level and format (log.level, log.format).
void SetupLogging(const Config& c);

}  // namespace parkhq::app
