#include "domain/briefing/briefing_calc.h"

#include <gtest/gtest.h>

#include "domain/briefing/briefing_text.h"

namespace parkhq::briefing {
namespace {

Figure N(double v, std::string unit) {
  Figure f;
  f.value = v;
  f.unit = std::move(unit);
  return f;
}

TEST(BriefingText, FormatsNumbersWithHalfAwayFromZeroRounding) {
  EXPECT_EQ(FormatNumber(2.675, 2), "2.68");
  EXPECT_EQ(FormatNumber(-2.675, 2), "-2.68");
  EXPECT_EQ(FormatNumber(-0.004, 2), "0.00");
  EXPECT_EQ(FormatNumber(81234.5, 0), "81235");
}

TEST(BriefingText, SignAwareWording) {
  struct Case {
    double v;
    const char* format;
    const char* want;
  } cases[] = {
      {5.24, "增减", "增长5.2%"},         {-3.05, "增减", "下降3.1%"},  {0.04, "增减", "持平"},
      {-0.04, "增减", "持平"},            {2.15, "序时", "超序时进度2.2个百分点"},
      {-7.5, "序时", "低于序时进度7.5个百分点"}, {0, "序时", "与序时进度持平"},
      {81234.5, "亿元", "8.12亿元"},      {-1250, "增减额", "减少1250.00万元"},
      {37.25, "%", "37.3%"},
  };
  for (const auto& c : cases) {
    auto s = FormatFigure(N(c.v, "万元"), c.format);
    ASSERT_TRUE(s.ok()) << c.format;
    EXPECT_EQ(*s, c.want) << c.v << " " << c.format;
  }
  EXPECT_FALSE(FormatFigure(N(1, "万元"), "千元").ok());
  Figure missing;
  EXPECT_EQ(*FormatFigure(missing, "亿元"), "—");
  EXPECT_EQ(*FormatFigure(missing, "增减"), "无可比数据");
}

TEST(BriefingText, RendersAndRefusesTypedNumbersAndUnknownPlaceholders) {
  Figures f;
  f["output.ytd"] = N(81234.5, "万元");
  f["output.yoy_pct"] = N(-3.05, "%");
  f["firms"] = N(12, "户");
  auto r = Render("产值{output.ytd|亿元}，同比{output.yoy_pct|增减}，企业{firms}。", f);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "产值8.12亿元，同比下降3.1%，企业12户。");
  EXPECT_FALSE(Render("{nope}", f).ok());
  EXPECT_FALSE(Render("{output.ytd", f).ok());
  EXPECT_FALSE(Render("a}b", f).ok());
  EXPECT_TRUE(CheckUserTemplate("园区产值达{output.ytd|亿元}。", f, "x").ok());
  const Status typed = CheckUserTemplate("园区产值达9亿元。", f, "sentences.a");
  ASSERT_FALSE(typed.ok());
  EXPECT_EQ(typed.details().at(0).field, "sentences.a");
  EXPECT_FALSE(CheckUserTemplate(std::string(kMaxTemplateChars + 1, 'a'), f, "x").ok());
}

BriefingInput Fixture() {
  BriefingInput in;
  in.park_name = "华亭工业园区";
  in.period = {2023, 6};
  in.query = "GET /api/v1/parks/1/monitoring?period=2023-06";
  IndicatorFacts o;
  o.code = "output";
  o.name = "工业总产值";
  o.unit = "万元";
  o.month = 14000;
  o.month_yoy_pct = -2.04;
  o.ytd = 81234.5;  // 8.12亿元
  o.ytd_last_year = 75000;
  o.yoy_pct = (81234.5 / 75000 - 1) * 100;  // 8.3127 → 增长8.3%
  o.target = 157000;
  o.completion_pct = 81234.5 / 157000 * 100;  // 51.742 → 51.7%
  o.time_progress = 50;
  o.gap = *o.completion_pct - 50;  // 1.742 → 超序时进度1.7个百分点
  IndicatorFacts fai;
  fai.code = "fai";
  fai.name = "固定资产投资";
  fai.unit = "万元";
  fai.ytd = 20000;
  fai.yoy_pct = -12.5;
  fai.target = 50000;
  fai.completion_pct = 40;
  fai.time_progress = 50;
  fai.gap = -10;
  in.indicators = {o, fai};
  in.sub_parks = {{"东区", {o}}};
  in.movers = {{"甲公司（演示）", 1250.5}, {"乙公司（演示）", -300}};
  in.reporting = ReportingFacts{10, 8, 80.0, {"丙公司（演示）", "丁10号厂（演示）"}};
  in.warnings = {{"华亭工业园区", "固定资产投资完成率低于序时进度10个百分点"}};
  return in;
}

const Sentence* FindSentence(const Content& c, const std::string& id) {
  for (const auto& s : c.sections)
    for (const auto& x : s.sentences)
      if (x.id == id) return &x;
  return nullptr;
}

TEST(BriefingCalc, IndustrySentenceStatesTheMonitoringFigures) {
  const Content c = BuildContent(Fixture());
  const Sentence* s = FindSentence(c, "industry.output");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->text, "1-6月，华亭工业园区完成工业总产值8.12亿元，同比增长8.3%，完成年度目标的51.7%，超序时进度1.7个百分点。");
  EXPECT_EQ(FindSentence(c, "industry.output.month")->text, "其中6月完成工业总产值1.40亿元，同比下降2.0%。");
  EXPECT_EQ(FindSentence(c, "investment.fai")->text,
            "1-6月，完成固定资产投资2.00亿元，同比下降12.5%，完成年度目标的40.0%，低于序时进度10.0个百分点。");
  EXPECT_EQ(FindSentence(c, "industry.movers")->text,
            "从企业看，甲公司（演示）（增加1250.50万元）、乙公司（演示）（减少300.00万元）对产值变动影响最大。");
  EXPECT_EQ(FindSentence(c, "enterprises.reporting")->text, "6月应报送月报企业10户，已报送8户，报送率80.0%。");
  EXPECT_EQ(FindSentence(c, "enterprises.late")->text, "尚未报送的企业2户：丙公司（演示）、丁10号厂（演示）。");
  EXPECT_EQ(c.figures.at("output.ytd").value, 81234.5);
  EXPECT_NE(c.figures.at("output.ytd").source.find("monitoring?period=2023-06"), std::string::npos);
  EXPECT_EQ(c.title, "华亭工业园区2023年6月经济运行通报");
  // Section numbering skips sections without content (no land, no attraction here).
  ASSERT_GE(c.sections.size(), 3u);
  EXPECT_EQ(c.sections[0].title, "一、工业经济运行情况");
  EXPECT_EQ(c.sections[1].title, "二、固定资产投资和项目建设");
  EXPECT_EQ(c.sections.back().key, "warnings");
  // The main table states ytd in 万元 as the API does.
  EXPECT_EQ(c.sections[0].tables[0].rows[0][3], "81234.50");
}

TEST(BriefingCalc, NoTargetUsesTheShortSentenceAndEditedTemplatesAreKept) {
  BriefingInput in = Fixture();
  in.indicators[0].target.reset();
  in.indicators[0].completion_pct.reset();
  in.indicators[0].gap.reset();
  const Content c = BuildContent(in, {{"investment.fai", "固定资产投资{fai.yoy_pct|增减}。"}});
  EXPECT_EQ(FindSentence(c, "industry.output")->text, "1-6月，华亭工业园区完成工业总产值8.12亿元，同比增长8.3%。");
  EXPECT_EQ(FindSentence(c, "investment.fai")->text, "固定资产投资下降12.5%。");
  EXPECT_TRUE(FindSentence(c, "investment.fai")->edited);
}

TEST(BriefingCalc, ChangesSinceListsRevisedFiguresOnly) {
  const Content issued = BuildContent(Fixture());
  BriefingInput revised = Fixture();
  revised.indicators[0].ytd = 82000;
  Content draft = BuildContent(Fixture());
  const int n = AddChangesSince(draft, issued.figures, CollectFigures(revised), issued.title);
  EXPECT_EQ(n, 1);
  ASSERT_EQ(draft.sections[0].key, "changes");
  EXPECT_EQ(draft.sections[0].sentences[0].text, "工业总产值1-6月累计由81234.50万元调整为82000.00万元。");
  Content same = BuildContent(Fixture());
  EXPECT_EQ(AddChangesSince(same, issued.figures, CollectFigures(Fixture()), issued.title), 0);
}

}  // namespace
}  // namespace parkhq::briefing
