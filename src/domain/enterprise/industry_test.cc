#include "domain/enterprise/industry.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace parkhq::enterprise {
namespace {

constexpr char kSmallTable[] =
    "code,level,name,parent\n"
    "C,section,制造业,\n"
    "25,division,石油、煤炭及其他燃料加工业,C\n"
    "252,group,煤炭加工,25\n"
    "2523,class,煤制液体燃料生产,252\n"
    "26,division,化学原料和化学制品制造业,C\n"
    "261,group,基础化学原料制造,26\n"
    "2614,class,有机化学原料制造,261\n"
    "D,section,电力、热力、燃气及水生产和供应业,\n"
    "44,division,电力、热力生产和供应业,D\n";

TEST(IndustryTableTest, ParsesAndLooksUp) {
  StatusOr<IndustryTable> t = IndustryTable::ParseCsv(kSmallTable);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->rows().size(), 9u);
  EXPECT_EQ(t->CountAt(IndustryLevel::kSection), 2u);
  EXPECT_EQ(t->CountAt(IndustryLevel::kDivision), 3u);
  ASSERT_NE(t->Find("2523"), nullptr);
  EXPECT_EQ(t->Find("2523")->name, "煤制液体燃料生产");
  EXPECT_EQ(t->Find("2524"), nullptr);
  std::vector<const IndustryCode*> path = t->Path("2523");
  ASSERT_EQ(path.size(), 4u);
  EXPECT_EQ(path[0]->code, "C");
  EXPECT_EQ(path[1]->code, "25");
  EXPECT_EQ(path[2]->code, "252");
  EXPECT_TRUE(t->Path("99").empty());
  ASSERT_EQ(t->Children("C").size(), 2u);
  EXPECT_EQ(t->Children("C")[1]->code, "26");
}

TEST(IndustryTableTest, AcceptsCrlfAndBom) {
  std::string crlf = "\xEF\xBB\xBF" "code,level,name,parent\r\nC,section,制造业,\r\n25,division,燃料加工,C\r\n";
  StatusOr<IndustryTable> t = IndustryTable::ParseCsv(crlf);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->rows().size(), 2u);
  EXPECT_EQ(t->Find("25")->parent, "C");
}

struct BadCsv {
  const char* name;
  std::string csv;
  std::string field;
};

TEST(IndustryTableTest, RejectsBadRows) {
  const std::string h = "code,level,name,parent\nC,section,制造业,\n";
  const BadCsv kCases[] = {
      {"header", "code,name\nC,制造业\n", "header"},
      {"columns", h + "25,division,燃料加工\n", "rows[2].code"},
      {"level", h + "25,divsion,燃料加工,C\n", "rows[2].level"},
      {"code shape", h + "255,division,燃料加工,C\n", "rows[2].code"},
      {"empty name", h + "25,division,,C\n", "rows[2].name"},
      {"duplicate", h + "25,division,燃料加工,C\n25,division,燃料加工,C\n", "rows[3].code"},
      {"missing parent", h + "252,group,煤炭加工,25\n", "rows[2].parent"},
      {"parent wrong level", h + "25,division,燃料,C\n2523,class,煤制,25\n", "rows[3].parent"},
      {"parent not prefix", h + "25,division,燃料,C\n26,division,化学,C\n261,group,基础,25\n",
       "rows[4].parent"},
      {"section with parent", "code,level,name,parent\nC,section,制造业,B\n", "rows[1].parent"},
      {"no rows", "code,level,name,parent\n", "rows"},
  };
  for (const BadCsv& c : kCases) {
    SCOPED_TRACE(c.name);
    StatusOr<IndustryTable> t = IndustryTable::ParseCsv(c.csv);
    ASSERT_FALSE(t.ok());
    EXPECT_TRUE(t.status().IsValidation());
    ASSERT_FALSE(t.status().details().empty());
    EXPECT_EQ(t.status().details()[0].field, c.field);
  }
}

TEST(IndustryTableTest, ValidatesEnterpriseCode) {
  IndustryTable t = IndustryTable::ParseCsv(kSmallTable).value();
  EXPECT_TRUE(t.ValidateEnterpriseCode("2523").ok());
  EXPECT_TRUE(t.ValidateEnterpriseCode("25").ok());
  Status unknown = t.ValidateEnterpriseCode("2599");
  ASSERT_TRUE(unknown.IsValidation());
  EXPECT_EQ(unknown.details()[0].field, "industry_code");
  EXPECT_EQ(unknown.details()[0].message, "行业代码不存在：2599");
  Status section = t.ValidateEnterpriseCode("C");
  ASSERT_TRUE(section.IsValidation());
  EXPECT_EQ(section.details()[0].message, "行业代码须精确到大类（2位）或更细");
}

TEST(LeadingGroupTest, DefaultMapping) {
  LeadingGroupMapping m = LeadingGroupMapping::Default();
  struct Case { const char* code; LeadingGroup group; };
  const Case kCases[] = {
      {"2523", LeadingGroup::kCoalChemical},      // 煤制液体燃料生产 under 252
      {"2521", LeadingGroup::kCoalChemical},      // 炼焦
      {"252", LeadingGroup::kCoalChemical},
      {"2511", LeadingGroup::kOther},             // 原油加工: 25 but not 252
      {"25", LeadingGroup::kOther},               // division only: not specific enough for 252
      {"2614", LeadingGroup::kCoalChemical},      // 有机化学原料制造 (甲醇)
      {"2621", LeadingGroup::kCoalChemical},      // 氮肥制造 (合成氨—尿素)
      {"4411", LeadingGroup::kPower},             // 火力发电
      {"4420", LeadingGroup::kPower},             // 电力供应
      {"3110", LeadingGroup::kMetallurgy},        // 炼铁
      {"3216", LeadingGroup::kMetallurgy},        // 铝冶炼
      {"3011", LeadingGroup::kBuildingMaterials}, // 水泥制造
      {"3071", LeadingGroup::kBuildingMaterials}, // 建筑陶瓷制品制造
      {"2922", LeadingGroup::kOther},             // 塑料板、管、型材制造
      {"C", LeadingGroup::kOther},
      {"", LeadingGroup::kOther},
  };
  for (const Case& c : kCases) EXPECT_EQ(m.Classify(c.code), c.group) << c.code;
}

TEST(LeadingGroupTest, LongestPrefixWinsInEditedMapping) {
  // 2651 初级形态塑料及合成树脂制造 (polypropylene) moved out of coal_chemical, 2922 moved in.
  StatusOr<LeadingGroupMapping> m = LeadingGroupMapping::Create(
      {{"26", LeadingGroup::kCoalChemical}, {"2651", LeadingGroup::kOther},
       {"29", LeadingGroup::kBuildingMaterials}},
      nullptr);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->Classify("2614"), LeadingGroup::kCoalChemical);
  EXPECT_EQ(m->Classify("2651"), LeadingGroup::kOther);
  EXPECT_EQ(m->Classify("2922"), LeadingGroup::kBuildingMaterials);
}

TEST(LeadingGroupTest, CreateRejectsBadRules) {
  IndustryTable t = IndustryTable::ParseCsv(kSmallTable).value();
  StatusOr<LeadingGroupMapping> m = LeadingGroupMapping::Create(
      {{"26", LeadingGroup::kCoalChemical}, {"2", LeadingGroup::kPower}, {"26", LeadingGroup::kPower},
       {"C", LeadingGroup::kPower}, {"99", LeadingGroup::kPower}},
      &t);
  ASSERT_FALSE(m.ok());
  const std::vector<FieldError>& d = m.status().details();
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d[0].field, "rules[1].code_prefix");
  EXPECT_EQ(d[1].field, "rules[2].code_prefix");
  EXPECT_EQ(d[1].message, "行业代码重复：26");
  EXPECT_EQ(d[2].field, "rules[3].code_prefix");
  EXPECT_EQ(d[3].field, "rules[4].code_prefix");
  EXPECT_EQ(d[3].message, "行业代码不存在：99");
}

TEST(LeadingGroupTest, CodesRoundTrip) {
  for (LeadingGroup g : kAllLeadingGroups) EXPECT_EQ(ParseLeadingGroup(LeadingGroupCode(g)), g);
  EXPECT_FALSE(ParseLeadingGroup("coal"));
  EXPECT_STREQ(LeadingGroupNameZh(LeadingGroup::kMetallurgy), "环保型冶金");
}

// The shipped seed table (src/app/seed/gbt4754.csv). Found relative to the working directory,
// which is the repository root or a build directory below it.
std::string ReadSeedTable() {
  for (const char* prefix : {"", "../", "../../", "../../../"}) {
    std::ifstream in(std::string(prefix) + "src/app/seed/gbt4754.csv", std::ios::binary);
    if (!in) continue;
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  return {};
}

TEST(IndustryTableTest, SeedTableIsComplete) {
  std::string csv = ReadSeedTable();
  if (csv.empty()) GTEST_SKIP() << "src/app/seed/gbt4754.csv not reachable from the working directory";
  StatusOr<IndustryTable> t = IndustryTable::ParseCsv(csv);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  // Counts of GB/T 4754-2017 with Amendment No. 1 (data README).
  EXPECT_EQ(t->CountAt(IndustryLevel::kSection), 20u);
  EXPECT_EQ(t->CountAt(IndustryLevel::kDivision), 97u);
  EXPECT_EQ(t->CountAt(IndustryLevel::kGroup), 473u);
  EXPECT_EQ(t->CountAt(IndustryLevel::kClass), 1382u);
  // Every default mapping prefix exists in the shipped table.
  EXPECT_TRUE(LeadingGroupMapping::Create(LeadingGroupMapping::Default().rules(), &*t).ok());
  ASSERT_NE(t->Find("4411"), nullptr);
  EXPECT_EQ(t->Find("4411")->name, "火力发电");
}

}  // namespace
}  // namespace parkhq::enterprise
