// The management loop's repository and service on both engines: the seeded plan, items with units
// and audit rows, reports, a linked item following approved monitoring months, the supervision flow.
#include "storage/task/sql_task_repository.h"

#include <gtest/gtest.h>

#include "domain/task/task_service.h"
#include "storage/sql_org_repository.h"
#include "testutil/test_db.h"

namespace parkhq::storage {
namespace {

class TaskRepositoryTest : public testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = testutil::MakeSeededDatabase(GetParam());
    if (!db_) GTEST_SKIP() << "engine not available (set PARKHQ_TEST_PG)";
    repo_ = std::make_unique<SqlTaskRepository>(*db_);
    org_ = std::make_unique<SqlOrgRepository>(*db_);
    service_ = std::make_unique<task::TaskService>(*repo_, *org_);
    auto c = db_->Acquire();
    park_ = (*(*c)->QueryOne("SELECT id FROM parks WHERE parent_id IS NULL ORDER BY id"))->Int(0);
    task3_ = (*(*c)->QueryOne("SELECT id FROM tasks WHERE park_id = ? AND no = 3", {park_}))->Int(0);
    zsfw_unit_ = (*(*c)->QueryOne("SELECT id FROM units WHERE name = '招商服务中心'"))->Int(0);
  }
  Scope Admin() {
    Scope s;
    s.role = Role::kSysadmin;
    s.all_parks = true;
    s.user_id = 1;
    s.username = "admin";
    return s;
  }
  Scope Dept(int64_t unit) {
    Scope s;
    s.role = Role::kDepartment;
    s.park_ids = {park_};
    s.unit_id = unit;
    s.user_id = 9;
    s.username = "dept";
    return s;
  }
  int64_t Count(const std::string& sql) {
    auto c = db_->Acquire();
    return (*(*c)->QueryOne(sql))->Int(0);
  }
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqlTaskRepository> repo_;
  std::unique_ptr<SqlOrgRepository> org_;
  std::unique_ptr<task::TaskService> service_;
  int64_t park_ = 0, task3_ = 0, zsfw_unit_ = 0;
};

TEST_P(TaskRepositoryTest, DemoPlanOwnsTheSeededTasks) {
  auto plans = repo_->ListPlans({park_});
  ASSERT_TRUE(plans.ok()) << plans.status().ToString();
  ASSERT_EQ(plans->size(), 1u);
  EXPECT_EQ((*plans)[0].year, 2023);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tasks WHERE plan_id IS NULL"), 0);
  auto t = repo_->FindTask(task3_);
  ASSERT_TRUE(t.ok() && t->has_value());
  EXPECT_EQ((*t)->plan_year, 2023);
  EXPECT_EQ((*t)->lead_unit_ids.size(), 2u);  // 工业园区、工信局
}

TEST_P(TaskRepositoryTest, ItemReportsAndSupervisionWithAudit) {
  task::ItemInput in;
  in.content = "测试指标";
  in.target_value = 4;
  in.target_unit = "户";
  in.weight = 5;
  in.lead_units = {"工业园区"};
  in.responsible_units = {"招商服务中心"};
  in.deadline = "2030-12-31";
  in.frequency = "quarterly";
  const int64_t audits = Count("SELECT COUNT(*) FROM audit_log");
  auto item = service_->CreateItem(Admin(), task3_, in);
  ASSERT_TRUE(item.ok()) << item.status().ToString();
  EXPECT_EQ(item->responsible_units, std::vector<std::string>{"招商服务中心"});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), audits + 1);
  // Another unit is refused; the responsible unit reports.
  EXPECT_EQ(service_->AddReport(Dept(zsfw_unit_ + 1000), item->item.id, {"x", 1, std::nullopt, ""}).status().code(),
            StatusCode::kPermissionDenied);
  auto r = service_->AddReport(Dept(zsfw_unit_), item->item.id, {"已完成1户", 1, std::nullopt, ""});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto v = service_->GetItem(Admin(), item->item.id);
  ASSERT_TRUE(v.ok());
  EXPECT_DOUBLE_EQ(*v->progress, 0.25);

  task::TaskService::NewSupervision ns;
  ns.title = "督办测试";
  ns.units = {"招商服务中心"};
  ns.deadline = "2030-06-30";
  auto s = service_->IssueSupervision(Admin(), ns);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->s.units.size(), 1u);
  auto done = service_->UnitStep(Dept(zsfw_unit_), s->s.id, "done", "办结", "证明", "");
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  auto closed = service_->IssuerStep(Admin(), s->s.id, "confirm", "", "");
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  EXPECT_EQ(closed->s.state, "closed");
  EXPECT_EQ(closed->s.events.size(), 3u);  // issue, done, confirm
  EXPECT_GE(Count("SELECT COUNT(*) FROM audit_log WHERE entity = 'supervision_unit'"), 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, TaskRepositoryTest, testing::ValuesIn(testutil::TestEngines()),
                         testutil::EngineParamName);

}  // namespace
}  // namespace parkhq::storage
