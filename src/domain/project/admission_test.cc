#include "domain/project/admission.h"

#include <gtest/gtest.h>

#include <cmath>

#include "domain/project/test_fixtures.h"

namespace parkhq::project {
namespace {

using testing::D;
using testing::ProjectBuilder;
const Date kToday = D("2023-06-30");
constexpr auto kRejected = AdmissionDecision::kRejected;

Project Reserve() { return ProjectBuilder(1).Actual(Stage::kReserve, "2023-01-05").Build(); }
Project Signed() {
  return ProjectBuilder(2).Actual(Stage::kReserve, "2023-01-05").Actual(Stage::kSigned, "2023-02-01").Build();
}

TEST(AdmissionGate, RejectedProjectCannotBeSigned) {
  bool used = true;
  Status st = CheckSigningGate(Reserve(), Stage::kSigned, kRejected, false, false, "", &used);
  EXPECT_TRUE(st.IsConflict()) << st.message();
  EXPECT_FALSE(used);
  // Skipping past 签约 is signing too.
  EXPECT_TRUE(CheckSigningGate(Reserve(), Stage::kStarted, kRejected, false, true, "", &used).IsConflict());
}

TEST(AdmissionGate, OnlyRejectedBlocks) {
  bool used = true;
  EXPECT_TRUE(CheckSigningGate(Reserve(), Stage::kSigned, std::nullopt, false, false, "", &used).ok());
  EXPECT_TRUE(
      CheckSigningGate(Reserve(), Stage::kSigned, AdmissionDecision::kApproved, false, false, "", &used).ok());
  EXPECT_TRUE(
      CheckSigningGate(Reserve(), Stage::kSigned, AdmissionDecision::kConditional, false, false, "", &used).ok());
  EXPECT_FALSE(used);
}

TEST(AdmissionGate, MovesAfterSigningAreNotGated) {
  bool used = true;
  EXPECT_TRUE(CheckSigningGate(Signed(), Stage::kLanded, kRejected, false, false, "", &used).ok());
  EXPECT_FALSE(used);
}

TEST(AdmissionGate, OverrideNeedsParkAdminAndReason) {
  bool used = false;
  // A non-admin asking for the override is refused like any other caller.
  EXPECT_TRUE(CheckSigningGate(Reserve(), Stage::kSigned, kRejected, true, false, "急需", &used).IsConflict());
  EXPECT_FALSE(used);
  Status no_reason = CheckSigningGate(Reserve(), Stage::kSigned, kRejected, true, true, "", &used);
  ASSERT_TRUE(no_reason.IsValidation());
  EXPECT_EQ(no_reason.details()[0].field, "reason");
  EXPECT_FALSE(used);
  EXPECT_TRUE(CheckSigningGate(Reserve(), Stage::kSigned, kRejected, true, true, "市政府专题会议同意", &used).ok());
  EXPECT_TRUE(used);
}

Admission Valid() {
  Admission a;
  a.decision = AdmissionDecision::kConditional;
  a.reasons = {"能耗偏高，须落实节能措施"};
  a.scores = {{"industry_policy", std::nullopt, true, "C3985 鼓励类"}, {"energy_per_output", 62, std::nullopt, ""}};
  a.opinions = {{"工信局", "张三", "同意有条件准入"}};
  a.decided_on = D("2023-06-01");
  return a;
}

std::string FirstField(const Status& st) { return st.details().empty() ? "" : st.details()[0].field; }

TEST(AdmissionValidate, FieldsNamed) {
  EXPECT_TRUE(ValidateAdmission(Valid(), kToday).ok());
  struct Case {
    const char* name;
    void (*edit)(Admission&);
    const char* field;
  } cases[] = {
      {"conditional without reasons", [](Admission& a) { a.reasons.clear(); }, "reasons"},
      {"score above 100", [](Admission& a) { a.scores[1].score = 101; }, "scores.energy_per_output"},
      {"score NaN", [](Admission& a) { a.scores[1].score = std::nan(""); }, "scores.energy_per_output"},
      {"neither score nor pass", [](Admission& a) { a.scores[0].pass.reset(); }, "scores.industry_policy"},
      {"opinion without unit", [](Admission& a) { a.opinions[0].unit.clear(); }, "opinions[0].unit"},
      {"future date", [](Admission& a) { a.decided_on = D("2023-07-01"); }, "decided_on"},
  };
  for (const auto& c : cases) {
    Admission a = Valid();
    c.edit(a);
    Status st = ValidateAdmission(a, kToday);
    EXPECT_TRUE(st.IsValidation()) << c.name;
    EXPECT_EQ(FirstField(st), c.field) << c.name;
  }
  Admission approved = Valid();
  approved.decision = AdmissionDecision::kApproved;
  approved.reasons.clear();
  EXPECT_TRUE(ValidateAdmission(approved, kToday).ok()) << "准入 needs no reason";
}

TEST(AdmissionDecisionCodes, RoundTrip) {
  for (auto d : {AdmissionDecision::kApproved, AdmissionDecision::kConditional, kRejected})
    EXPECT_EQ(ParseAdmissionDecision(AdmissionDecisionCode(d)), d);
  EXPECT_FALSE(ParseAdmissionDecision("maybe"));
}

}  // namespace
}  // namespace parkhq::project
