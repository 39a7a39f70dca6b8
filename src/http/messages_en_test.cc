// English messages: Accept-Language negotiation, the catalog (exact texts, templates with
// embedded values, nested values, reordering, fallback) and the catalog built into the binary.
#include "http/messages_en.h"

#include <gtest/gtest.h>

#include "common/embedded.h"
#include "http/error_response.h"
#include "io/table.h"

namespace parkhq::http {
namespace {

TEST(NegotiateLanguageTest, PicksTheSupportedLanguageWithTheHighestQ) {
  struct Case {
    const char* header;
    Language want;
  } cases[] = {
      {"", Language::kChinese},
      {"en", Language::kEnglish},
      {"en-US", Language::kEnglish},
      {"EN-gb", Language::kEnglish},
      {"zh-CN", Language::kChinese},
      {"zh-CN,zh;q=0.9,en;q=0.8", Language::kChinese},
      {"en-US,en;q=0.9,zh-CN;q=0.8", Language::kEnglish},
      {"zh;q=0.5, en;q=0.8", Language::kEnglish},
      {"en;q=0.5, zh;q=0.8", Language::kChinese},
      {"fr-FR, en;q=0.5", Language::kEnglish},     // French is not offered: English is the best we have
      {"fr-FR, de;q=0.9", Language::kChinese},     // nothing we offer: the default
      {"en;q=0, zh;q=0.1", Language::kChinese},    // q=0 means "not this"
      {"en;q=0", Language::kChinese},
      {"*", Language::kChinese},
      {"*, en;q=0.5", Language::kChinese},
      {"en, zh", Language::kEnglish},              // a tie goes to the earlier one
      {"zh, en", Language::kChinese},
      {" en ; q=0.7 , zh ; q=0.6", Language::kEnglish},
      {"en;q=abc", Language::kChinese},            // a malformed q ignores the entry
      {"en;q=1.5", Language::kChinese},
      {"english", Language::kChinese},             // not the tag "en"
      {",,;", Language::kChinese},
  };
  for (const Case& c : cases) EXPECT_EQ(NegotiateLanguage(c.header), c.want) << "'" << c.header << "'";
}

MessageCatalog Catalog(std::string_view tsv) {
  StatusOr<MessageCatalog> c = MessageCatalog::Parse(tsv, "test.tsv");
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return c.ok() ? std::move(c).value() : MessageCatalog();
}

TEST(MessageCatalogTest, ExactTextsAndTemplatesWithEmbeddedValues) {
  MessageCatalog c = Catalog(
      "# a comment\n"
      "\n"
      "园区不存在\tThe park does not exist\n"
      "本园区没有统一社会信用代码为“{}”的企业\tNo enterprise in this park has the unified social credit code “{}”\n"
      "应为 1 到 {} 之间的整数\tMust be an integer from 1 to {}\r\n");
  EXPECT_EQ(c.size(), 3u);
  EXPECT_EQ(c.Find("园区不存在"), "The park does not exist");
  EXPECT_EQ(c.Find("本园区没有统一社会信用代码为“91620800MA00000001”的企业"),
            "No enterprise in this park has the unified social credit code “91620800MA00000001”");
  EXPECT_EQ(c.Find("应为 1 到 500 之间的整数"), "Must be an integer from 1 to 500");
  EXPECT_EQ(c.Find("园区不存在！"), std::nullopt);
  EXPECT_EQ(c.Find("本园区没有统一社会信用代码为“”的企业"), std::nullopt);  // a value is never empty
}

TEST(MessageCatalogTest, NestedValuesAreTranslatedAndPlaceholdersCanBeReordered) {
  MessageCatalog c = Catalog(
      "当前角色（{}）无权执行此操作\tYour role ({}) may not perform this operation\n"
      "园区管理员\tpark administrator\n"
      "外环\tthe outer ring\n"
      "第{}个面的{}\t{2} of polygon {1}\tpart\n"
      "{}未闭合\t{} is not closed\n"
      "第 {} 行「{}」：{}\tRow {}, column “{}”: {}\n"
      "企业编号\tEnterprise ID\n"
      "必填\tRequired\n");
  EXPECT_EQ(c.Find("当前角色（园区管理员）无权执行此操作"), "Your role (park administrator) may not perform this operation");
  EXPECT_EQ(c.Find("当前角色（巡视员）无权执行此操作"), "Your role (巡视员) may not perform this operation");
  EXPECT_EQ(c.Find("第2个面的外环未闭合"), "the outer ring of polygon 2 is not closed");
  EXPECT_EQ(c.Find("第2个面的外环"), std::nullopt);  // a part is never a whole message
  EXPECT_EQ(c.Find("第 7 行「企业编号」：必填"), "Row 7, column “Enterprise ID”: Required");
  // A value that is not in the catalog stays as it is (a user's column name, say).
  EXPECT_EQ(c.Find("第 7 行「备注二」：必填"), "Row 7, column “备注二”: Required");
}

TEST(MessageCatalogTest, TheMostSpecificTemplateWins) {
  MessageCatalog c = Catalog(
      "{}不能为空\t{} cannot be empty\n"
      "项目名称\tThe project name\n"
      "规则「{}」：{}\tRule “{}”: {}\n"
      "规则「{}」：项目已终止\tRule “{}”: the project is terminated\n");
  EXPECT_EQ(c.Find("项目名称不能为空"), "The project name cannot be empty");
  EXPECT_EQ(c.Find("规则「甲」：项目已终止"), "Rule “甲”: the project is terminated");
  EXPECT_EQ(c.Find("规则「甲」：其他"), "Rule “甲”: 其他");
}

TEST(MessageCatalogTest, MalformedLinesAreRefusedWithTheirLine) {
  for (const char* bad : {"没有制表符 no tab\n", "\tEnglish only\n", "中文\t \n", "第{}行\tRow\n",
                          "第{}行\tRow {} {}\n", "第{}行\tRow {2}\n", "第{}行\tRow {0}\n",
                          "第{}行\tRow {}\tname\n"}) {
    StatusOr<MessageCatalog> c = MessageCatalog::Parse(std::string("ok\tOK\n") + bad, "x.tsv");
    ASSERT_FALSE(c.ok()) << bad;
    EXPECT_NE(c.status().message().find("x.tsv:2"), std::string::npos) << c.status().message();
  }
  // Braces that are not placeholders are text.
  MessageCatalog c = Catalog("应为对象，如 {\"a\":1}\tMust be an object, e.g. {\"a\":1}\n");
  EXPECT_EQ(c.Find("应为对象，如 {\"a\":1}"), "Must be an object, e.g. {\"a\":1}");
}

TEST(LocalizeTest, ChineseIsUnchangedAndUntranslatedTextFallsBackToChinese) {
  EXPECT_EQ(Localize("园区不存在", Language::kChinese), "园区不存在");
  EXPECT_EQ(Localize("园区不存在", Language::kEnglish), "The park does not exist");
  const std::string unknown = "一条没有译文的消息（测试）";
  EXPECT_EQ(Localize(unknown, Language::kEnglish), unknown);
  EXPECT_EQ(Localize(unknown, Language::kEnglish), unknown);  // logged once, still the text
  EXPECT_EQ(Localize("not found", Language::kEnglish), "not found");
  EXPECT_EQ(Localize("", Language::kEnglish), "");
}

TEST(LocalizeTest, EveryBuiltInCatalogFileParses) {
  ASSERT_FALSE(kMessageFiles.empty());
  size_t total = 0;
  for (const EmbeddedFile& f : kMessageFiles) {
    StatusOr<MessageCatalog> c = MessageCatalog::Parse(f.contents, f.name);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    total += c->size();
  }
  EXPECT_GT(total, 700u);
  EXPECT_GT(EnglishMessages().size(), 700u);
}

// Every whole-message entry of the built-in catalog translates its own text (values filled in),
// so no entry is unreachable or shadowed by a looser one into Chinese.
TEST(LocalizeTest, EveryBuiltInEntryTranslatesItsOwnText) {
  size_t checked = 0;
  for (const EmbeddedFile& f : kMessageFiles) {
    std::string_view rest = f.contents;
    while (!rest.empty()) {
      const size_t nl = rest.find('\n');
      const std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      if (line.empty() || line.front() == '#' || line.find("\tpart") != std::string_view::npos) continue;
      std::string zh(line.substr(0, line.find('\t')));
      for (size_t p = zh.find("{}"); p != std::string::npos; p = zh.find("{}", p)) zh.replace(p, 2, "7");
      const std::string en = Localize(zh, Language::kEnglish);
      EXPECT_NE(en, zh) << f.name << ": " << line;
      EXPECT_EQ(en.find("{"), en.find("{\"")) << "unfilled placeholder: " << en;
      ++checked;
    }
  }
  EXPECT_GT(checked, 700u);
}

TEST(LocalizeTest, RealMessagesOfTheServerInEnglish) {
  const std::pair<std::string, std::string> cases[] = {
      {"本园区没有统一社会信用代码为“91620800MA00000001”的企业",
       "No enterprise in this park has the unified social credit code “91620800MA00000001”"},
      {"当前角色（领导）无权执行此操作", "Your role (leader) may not perform this operation"},
      {"第2个面的外环第3个点坐标无效(经度须在-180~180，纬度须在-90~90)",
       "Invalid coordinates at point 3 of the outer ring of polygon 2 (the longitude must be within -180 to 180 "
       "and the latitude within -90 to 90)"},
      {"实际签约日期（2023-05-01）不能早于实际储备日期（2023-06-01）",
       "The actual signing date (2023-05-01) cannot be earlier than the actual reserve date (2023-06-01)"},
      {"月报当前状态为“已审核”，不能修改", "The report is “approved” and cannot be edited"},
      {"统一社会信用代码第5位字符“i”不合法，字母须大写",
       "Character 5 (“i”) of the unified social credit code is invalid; letters must be upper case"},
      {"第 4 行「计划开工日期」：计划开工日期（2023-01-01）不能早于计划签约日期（2023-02-01）",
       "Row 4, column “planned construction start date”: The planned construction start date (2023-01-01) cannot be "
       "earlier than the planned signing date (2023-02-01)"},
      {"第 3 行「实缴税收（万元）」：应为数字", "Row 3, column “Taxes paid (10,000 yuan)”: Must be a number"},
      {"2023年6月月报已审核，已锁定；如需修改请先由园区管理员解锁",
       "The 2023-6 report is approved and locked; to change it, a park administrator must unlock it first"},
  };
  for (const auto& [zh, en] : cases) EXPECT_EQ(Localize(zh, Language::kEnglish), en) << zh;
}

TEST(LocalizeTest, StatusesAndErrorResponsesKeepCodeAndFields) {
  Status st = io::ImportFailed({{3, "企业编号", "必填"}});
  Status en = Localize(st, Language::kEnglish);
  EXPECT_EQ(en.code(), StatusCode::kValidation);
  EXPECT_EQ(en.message(), "Nothing was imported: 1 error(s) found. Correct them and import again (all rows or none "
                          "are imported)");
  ASSERT_EQ(en.details().size(), 1u);
  EXPECT_EQ(en.details()[0].field, "rows[3].企业编号");
  EXPECT_EQ(en.details()[0].message, "Row 3, column “Enterprise ID”: Required");

  Response r = ErrorResponse(Status::FieldInvalid("months", "应为 1 到 60 之间的整数"), "7", Language::kEnglish);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("\"code\":\"validation_failed\""), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"field\":\"months\",\"message\":\"Must be an integer from 1 to 60\""), std::string::npos)
      << r.body;
  Response zh = ErrorResponse(Status::NotFound("园区不存在"), "8");
  EXPECT_NE(zh.body.find("园区不存在"), std::string::npos) << zh.body;
  Response internal = ErrorResponse(Status::Internal("secret"), "9", Language::kEnglish);
  EXPECT_NE(internal.body.find("Internal server error"), std::string::npos) << internal.body;
}

}  // namespace
}  // namespace parkhq::http
