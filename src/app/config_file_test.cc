// Configuration precedence: defaults < TOML file < PARKHQ_* environment < flags; unknown keys,
// wrong types and bad values fail naming the key and where it came from.
#include "app/config_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace parkhq::app {
namespace {

class ConfigFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/parkhq-config-XXXXXX";
    int fd = mkstemp(tmpl);
    ASSERT_GE(fd, 0);
    close(fd);
    path_ = tmpl;
  }
  void TearDown() override { std::remove(path_.c_str()); }
  void Write(const std::string& text) { std::ofstream(path_) << text; }
  StatusOr<LoadedConfig> Load(std::map<std::string, std::string> flags = {},
                              std::map<std::string, std::string> env = {}) {
    flags.emplace("config", path_);
    return LoadConfig(flags, [env = std::move(env)](const char* name) -> const char* {
      auto it = env.find(name);
      return it == env.end() ? nullptr : it->second.c_str();
    });
  }
  std::string path_;
};

TEST_F(ConfigFileTest, FileThenEnvironmentThenFlags) {
  Write(R"([server]
listen = "0.0.0.0:9000"
idle_timeout_minutes = 45
[database]
url = "/var/lib/parkhq/parkhq.db"
pool_size = 8
[log]
format = "json"
[metrics]
allow = ["10.0.0.5", "127.0.0.1"]
[backup]
keep = 7
)");
  auto r = Load();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->config.listen, "0.0.0.0:9000");
  EXPECT_EQ(r->config.idle_timeout_seconds, 45 * 60);
  EXPECT_EQ(r->config.db, "/var/lib/parkhq/parkhq.db");
  EXPECT_EQ(r->config.db_pool, 8);
  EXPECT_EQ(r->config.log_format, "json");
  EXPECT_EQ(r->config.metrics_allow, (std::vector<std::string>{"10.0.0.5", "127.0.0.1"}));
  EXPECT_EQ(r->config.backup_keep, 7);
  EXPECT_EQ(r->config.web_root, "web/dist");  // not set anywhere: the default
  EXPECT_EQ(r->sources["server.web_root"], "default");
  EXPECT_EQ(r->sources["server.listen"], "file " + path_ + ":2");

  // The environment beats the file; a flag beats both.
  r = Load({}, {{"PARKHQ_LISTEN", "127.0.0.1:9100"}, {"PARKHQ_DB_POOL", "4"}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->config.listen, "127.0.0.1:9100");
  EXPECT_EQ(r->config.db_pool, 4);
  EXPECT_EQ(r->sources["server.listen"], "env PARKHQ_LISTEN");
  r = Load({{"listen", "127.0.0.1:9200"}, {"metrics-allow", "any"}}, {{"PARKHQ_LISTEN", "127.0.0.1:9100"}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->config.listen, "127.0.0.1:9200");
  EXPECT_EQ(r->sources["server.listen"], "flag --listen");
  EXPECT_EQ(r->config.metrics_allow, (std::vector<std::string>{"any"}));
  EXPECT_EQ(r->config.db_pool, 8);  // still from the file
}

TEST_F(ConfigFileTest, UnknownKeysWrongTypesAndBadValuesFail) {
  struct Case {
    const char* text;
    const char* error;
  } cases[] = {
      {"[server]\nlisten_on = \"x\"\n", "unknown key server.listen_on"},
      {"[server]\nidle_timeout_minutes = \"30\"\n", "must be a integer, not string"},
      {"[metrics]\nallow = \"127.0.0.1\"\n", "must be an array of strings"},
      {"[metrics]\nenabled = 1\n", "must be a boolean"},
      {"[server]\nlisten = \"nohost\"\n", "server.listen: expected HOST:PORT"},
      {"[database]\npool_size = 0\n", "database.pool_size: expected an integer from 1"},
      {"[log]\nformat = \"xml\"\n", "expected text or json"},
      {"[log]\nlevel = \"loud\"\n", "log.level"},
      {"[server\n", "line 1"},
  };
  for (const auto& c : cases) {
    Write(c.text);
    auto r = Load();
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_NE(r.status().message().find(c.error), std::string::npos) << c.text << " → " << r.status().message();
  }
  Write("");
  auto r = Load({}, {{"PARKHQ_BACKUP_KEEP", "many"}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("env PARKHQ_BACKUP_KEEP"), std::string::npos) << r.status().message();
}

TEST_F(ConfigFileTest, AMissingExplicitFileFails) {
  std::remove(path_.c_str());
  auto r = Load();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("cannot read"), std::string::npos);
}

TEST(ConfigKeysTest, EveryKeyIsDocumented) {
  // Run from the repository root (make test) or from build/.
  std::ifstream in("docs/configuration.md");
  if (!in) in.open("../docs/configuration.md");
  ASSERT_TRUE(in) << "docs/configuration.md not found from the working directory";
  std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const auto& k : ConfigKeys()) {
    std::string key(k.key);
    std::string name = key.substr(key.find('.') + 1);
    EXPECT_NE(doc.find("`" + name + "`"), std::string::npos) << key;
    EXPECT_NE(doc.find(k.env), std::string::npos) << k.env;
    EXPECT_NE(doc.find(std::string("--") + k.flag), std::string::npos) << k.flag;
  }
}

}  // namespace
}  // namespace parkhq::app
