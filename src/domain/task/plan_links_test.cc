// The current plan rule, a parcel's stage as progress, and the attachment type check.
#include <gtest/gtest.h>

#include "domain/task/attachments.h"
#include "domain/task/task_service.h"

namespace parkhq::task {
namespace {

TEST(TaskPlanCurrent, ThisYearElseLatestBeforeElseEarliest) {
  std::vector<Plan> plans = {{1, 1, 2023, "a", "", false}, {2, 1, 2025, "b", "", false}, {3, 1, 2027, "c", "", false}};
  EXPECT_EQ(CurrentPlanId(plans, 2025), 2);  // the plan of this year
  EXPECT_EQ(CurrentPlanId(plans, 2026), 2);  // else the latest before it
  EXPECT_EQ(CurrentPlanId(plans, 2024), 1);
  EXPECT_EQ(CurrentPlanId(plans, 2030), 3);
  EXPECT_EQ(CurrentPlanId(plans, 2020), 1);  // all later: the earliest
  EXPECT_EQ(CurrentPlanId({}, 2025), std::nullopt);
}

TEST(TaskParcelProgress, FollowsTheStage) {
  ParcelFacts f;
  std::string stage;
  const Date today{2024, 6, 1};
  EXPECT_EQ(ParcelProgress(f, today, stage), 0);
  EXPECT_EQ(stage, "planned");
  f.approved = Date{2024, 1, 1};
  f.supplied = Date{2024, 2, 1};
  EXPECT_DOUBLE_EQ(ParcelProgress(f, today, stage), 0.4);
  EXPECT_EQ(stage, "supplied");
  f.actual_start = Date{2024, 7, 1};  // a future date does not count yet
  EXPECT_DOUBLE_EQ(ParcelProgress(f, today, stage), 0.4);
  f.actual_start = Date{2024, 3, 1};
  EXPECT_DOUBLE_EQ(ParcelProgress(f, today, stage), 0.6);
  f.completed = Date{2024, 5, 1};
  f.production = Date{2024, 6, 1};  // the day itself counts
  EXPECT_DOUBLE_EQ(ParcelProgress(f, today, stage), 1.0);
  EXPECT_EQ(stage, "producing");
}

TEST(TaskAttachmentType, ExtensionAndMagicMustAgree) {
  EXPECT_EQ(AttachmentType("a.pdf", "%PDF-1.7 ..."), "application/pdf");
  EXPECT_EQ(AttachmentType("A.PDF", "%PDF-1.7"), "application/pdf");
  EXPECT_EQ(AttachmentType("a.png", std::string("\x89PNG\r\n\x1a\n", 8) + "x"), "image/png");
  EXPECT_EQ(AttachmentType("a.jpeg", "\xFF\xD8\xFF\xE0"), "image/jpeg");
  const std::string docx = std::string("PK\x03\x04", 4) + "....word/document.xml";
  const std::string xlsx = std::string("PK\x03\x04", 4) + "....xl/workbook.xml";
  EXPECT_TRUE(AttachmentType("a.docx", docx));
  EXPECT_TRUE(AttachmentType("a.xlsx", xlsx));
  EXPECT_FALSE(AttachmentType("a.docx", xlsx));
  EXPECT_FALSE(AttachmentType("a.pdf", "\xFF\xD8\xFF"));
  EXPECT_FALSE(AttachmentType("a.exe", "MZ"));
  EXPECT_FALSE(AttachmentType("pdf", "%PDF-"));
  EXPECT_FALSE(AttachmentType("a.pdf", ""));
  EXPECT_EQ(AttachmentNameProblem("进展.pdf"), "");
  EXPECT_NE(AttachmentNameProblem(""), "");
  EXPECT_NE(AttachmentNameProblem("../a.pdf"), "");
  EXPECT_NE(AttachmentNameProblem(std::string("a\nb.pdf")), "");
}

}  // namespace
}  // namespace parkhq::task
