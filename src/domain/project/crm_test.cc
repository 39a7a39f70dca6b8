// Lead stage rules and the project a signed lead creates.
#include "domain/project/crm.h"

#include <gtest/gtest.h>

namespace parkhq::project {
namespace {

Lead At(LeadStage s) {
  Lead l;
  l.id = 5;
  l.park_id = 1;
  l.investor_id = 2;
  l.investor_name = "某集团";
  l.title = "某项目";
  l.planned_investment = 3000;
  l.stage = s;
  return l;
}

TEST(CrmTest, LeadMoves) {
  struct Case {
    LeadStage from, to;
    const char* reason;
    StatusCode want;
  };
  const Case cases[] = {
      {LeadStage::kLead, LeadStage::kContact, "", StatusCode::kOk},
      {LeadStage::kLead, LeadStage::kSigned, "", StatusCode::kOk},  // skipping forward is fine
      {LeadStage::kNegotiation, LeadStage::kContact, "", StatusCode::kConflict},
      {LeadStage::kContact, LeadStage::kContact, "", StatusCode::kConflict},
      {LeadStage::kContact, LeadStage::kAbandoned, "", StatusCode::kValidation},
      {LeadStage::kContact, LeadStage::kAbandoned, "战略调整", StatusCode::kOk},
      {LeadStage::kSigned, LeadStage::kAbandoned, "x", StatusCode::kConflict},
      {LeadStage::kAbandoned, LeadStage::kLead, "", StatusCode::kConflict},
  };
  for (const auto& c : cases)
    EXPECT_EQ(CheckLeadMove(At(c.from), c.to, c.reason).code(), c.want)
        << LeadStageCode(c.from) << " -> " << LeadStageCode(c.to);
}

TEST(CrmTest, SignedLeadMakesAValidSignedProject) {
  ProjectRecord p = ProjectFromLead(At(LeadStage::kNegotiation), Date{2023, 6, 25});
  EXPECT_EQ(p.core.stage, Stage::kSigned);
  EXPECT_EQ(p.core.actual[Stage::kSigned], (Date{2023, 6, 25}));
  EXPECT_EQ(p.lead_id, 5);
  EXPECT_EQ(p.investor, "某集团");
  EXPECT_TRUE(ValidateProject(p.core, Date{2023, 6, 30}).ok());
}

TEST(CrmTest, LeadAndFollowUpValidation) {
  Lead l = At(LeadStage::kLead);
  l.intent = "huge";
  l.title = "";
  auto s = ValidateLead(l);
  ASSERT_TRUE(s.IsValidation());
  EXPECT_EQ(s.details().size(), 2u);
  FollowUp f;
  f.kind = "fax";
  f.date = Date{2023, 6, 1};
  f.next_date = Date{2023, 5, 1};
  EXPECT_EQ(ValidateFollowUp(f, Date{2023, 6, 30}).details().size(), 3u);  // kind, content, next_date
}

}  // namespace
}  // namespace parkhq::project
