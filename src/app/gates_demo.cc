// Demo data of the gates-and-money module (issue 15), drawn from the one demo world: admission
// decisions on the demo park's projects (the reserve projects get one of each decision, signed
// projects an 准入 dated on their signing), four policies of the plan (研发费用加计扣除, 高新技术企业
// 所得税减免, 小微企业普惠性税收减免, a “一事一议” award) labelled （演示）, and applications with
// 兑现 by the demo firms the policies fit. Runs after the projects and enterprises are seeded.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "common/time.h"
#include "domain/gates/policy_match_calc.h"
#include "domain/project/admission.h"
#include "storage/database.h"
#include "storage/gates/sql_delegated_power_repository.h"
#include "storage/gates/sql_funding_repository.h"
#include "storage/gates/sql_land_quota_repository.h"
#include "storage/gates/sql_policy_repository.h"
#include "storage/project/sql_project_repository.h"

namespace parkhq::app {

namespace {

using gates::CompareOp;
using gates::Criterion;
using gates::CriterionKind;

Status SeedAdmissions(storage::Connection& c, int64_t park) {
  using project::AdmissionDecision;
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, stage, actual_signed FROM projects WHERE park_id = ? "
                                             "ORDER BY id",
                                             {park}));
  int reserve = 0, signed_count = 0;
  const Date today = Today();
  for (const auto& r : rows) {
    project::Admission a;
    a.park_id = park;
    a.project_id = r.Int(0);
    a.decided_by = "parkadmin";
    a.is_demo = true;
    a.scores = {{"industry_policy", std::nullopt, true, "GB/T 4754 行业代码不在限制类、淘汰类目录（演示）"},
                {"energy_per_output", 80, std::nullopt, "单位产值能耗低于园区准入值（演示）"},
                {"investment_intensity", 75, std::nullopt, "投资强度对照标准地控制指标（演示）"}};
    a.opinions = {{"工信局", "评审组（演示）", "符合园区产业定位（演示）"}};
    if (r.Text(1) == "reserve" && reserve < 3) {
      static const AdmissionDecision kOrder[] = {AdmissionDecision::kApproved, AdmissionDecision::kConditional,
                                                 AdmissionDecision::kRejected};
      a.decision = kOrder[reserve++];
      a.decided_on = Date{today.year, today.month, 1};
      if (a.decision == AdmissionDecision::kConditional) {
        a.reasons = {"单位产值能耗偏高，须落实节能改造方案后签约（演示）"};
        a.scores[1].score = 58;
      } else if (a.decision == AdmissionDecision::kRejected) {
        a.reasons = {"产品属《产业结构调整指导目录》限制类，投资强度低于标准地要求（演示）"};
        a.scores[0].pass = false;
        a.scores[2].score = 40;
        a.opinions.push_back({"发改局", "评审组（演示）", "不同意准入（演示）"});
      }
    } else if (r.Text(1) != "reserve" && signed_count < 6 && r.OptText(2)) {
      auto d = Date::Parse(*r.OptText(2));
      if (!d) continue;
      a.decision = AdmissionDecision::kApproved;
      a.decided_on = *d;
      ++signed_count;
    } else {
      continue;
    }
    PARKHQ_RETURN_IF_ERROR(storage::SqlProjectRepository::InsertAdmission(c, a).status());
  }
  return Status::Ok();
}

// 用地计划单列: last year's and this year's quota, allocated to the park's projects (the first
// projects of the ledger), leaving a remainder (an allocation beyond it would carry an exception).
Status SeedLandQuota(storage::Connection& c, int64_t park, Date today) {
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, name FROM projects WHERE park_id = ? ORDER BY id LIMIT 6", {park}));
  const int years[] = {today.year - 1, today.year};
  const double quotas[] = {380, 450};
  const double areas[] = {120, 85.5, 96, 60, 140, 45};
  size_t next = 0;
  for (int k = 0; k < 2; ++k) {
    PARKHQ_RETURN_IF_ERROR(storage::SqlLandQuotaRepository::InsertQuota(
        c, gates::LandQuota{park, years[k], quotas[k], "市自然资源局下达（演示）", true}));
    double used = 0;
    for (int i = 0; i < 3 && next < rows.size(); ++i, ++next) {
      gates::LandAllocation a;
      a.park_id = park;
      a.year = years[k];
      a.project_id = rows[next].Int(0);
      a.title = rows[next].Text(1);
      a.area_mu = areas[next];
      a.allocated_on = k == 0 ? Date{years[k], 3 + 3 * i, 15} : Date{years[k], 1, 10 + i};
      if (a.allocated_on > today) a.allocated_on = today;
      a.created_by = "parkadmin";
      a.is_demo = true;
      if (used + a.area_mu > quotas[k]) a.exception_reason = "省重点项目用地，经市政府专题会议同意超指标安排（演示）";
      used += a.area_mu;
      PARKHQ_RETURN_IF_ERROR(storage::SqlLandQuotaRepository::InsertAllocation(c, a).status());
    }
  }
  return Status::Ok();
}

// 承接事项清单: approval powers the city delegated to the park, with handling counts for the
// accepted ones over the last six complete months.
Status SeedPowers(storage::Connection& c, int64_t park, Date today) {
  struct Item {
    const char* name;
    const char* basis;
    const char* unit;
    const char* status;
    int per_month;
  };
  const Item kItems[] = {
      {"企业投资项目备案（演示）", "《企业投资项目核准和备案管理条例》", "市发改局", "accepted", 6},
      {"建设工程规划许可（演示）", "《中华人民共和国城乡规划法》第四十条", "市自然资源局", "accepted", 3},
      {"建筑工程施工许可（演示）", "《中华人民共和国建筑法》第七条", "市住建局", "accepted", 4},
      {"排污许可证核发（演示）", "《排污许可管理条例》", "市生态环境局", "in_progress", 0},
      {"危险化学品经营许可（演示）", "《危险化学品安全管理条例》第三十五条", "市应急管理局", "not_accepted", 0},
  };
  const Period now{today.year, today.month};
  int k = 0;
  for (const auto& it : kItems) {
    gates::DelegatedPower p;
    p.park_id = park;
    p.name = it.name;
    p.legal_basis = it.basis;
    p.delegating_unit = it.unit;
    p.status = it.status;
    p.delegated_on = Date{2023, 3 + k, 1};
    p.is_demo = true;
    std::vector<gates::PowerCount> counts;
    if (it.per_month > 0)
      for (int m = 6; m >= 1; --m) counts.push_back({now.AddMonths(-m), it.per_month + (m + k) % 3});
    PARKHQ_RETURN_IF_ERROR(storage::SqlDelegatedPowerRepository::InsertDemo(c, p, counts).status());
    ++k;
  }
  return Status::Ok();
}

// 资金来源: this year's funding of the park's first projects — a special bond for the first two
// (infrastructure and a public platform), 债贷组合 for the third, 企业自筹 and bank loans — planned
// in January and in place month by month up to the current month.
Status SeedFunding(storage::Connection& c, int64_t park, Date today) {
  PARKHQ_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, total_investment FROM projects WHERE park_id = ? ORDER BY id "
                                             "LIMIT 5",
                                             {park}));
  const Period jan{today.year, 1};
  const int months = today.month;  // January .. the current month
  for (size_t i = 0; i < rows.size(); ++i) {
    const int64_t pid = rows[i].Int(0);
    const double total = std::max(1000.0, rows[i].Double(1));
    struct Share {
      const char* source;
      double share;
    };
    std::vector<Share> shares;
    if (i < 2) shares = {{"special_bond", 0.4}, {"budget", 0.1}, {"self", 0.3}, {"bank_loan", 0.2}};
    else if (i == 2) shares = {{"bond_loan", 0.5}, {"self", 0.5}};
    else shares = {{"self", 0.6}, {"bank_loan", 0.4}};
    for (const auto& sh : shares) {
      const double planned = std::round(total * sh.share * 0.25);  // this year's quarter of the total
      PARKHQ_RETURN_IF_ERROR(
          storage::SqlFundingRepository::InsertDemo(c, park, {pid, jan, sh.source, planned, 0}));
      for (int m = 1; m < months && m <= 10; ++m)
        PARKHQ_RETURN_IF_ERROR(storage::SqlFundingRepository::InsertDemo(
            c, park, {pid, jan.AddMonths(m), sh.source, 0, std::round(planned / 12 * (1 + (m + i) % 2))}));
    }
  }
  return Status::Ok();
}

std::vector<gates::Policy> DemoPolicies(int64_t park) {
  auto policy = [&](const char* title, const char* issuer, const char* category, const char* benefit,
                    std::vector<Criterion> criteria) {
    gates::Policy p;
    p.park_id = park;
    p.title = title;
    p.issuer = issuer;
    p.category = category;
    p.benefit = benefit;
    p.how_to_apply = "通过园区企业服务窗口或平台“惠企政策”页申报（演示）";
    p.criteria = std::move(criteria);
    p.is_demo = true;
    return p;
  };
  Criterion high_tech{CriterionKind::kFlag, "high_tech", "", {}, true, CompareOp::kGe, 0};
  Criterion rnd{CriterionKind::kFigure, "rnd", "", {}, true, CompareOp::kGt, 0};
  Criterion small{CriterionKind::kAboveScale, "", "", {}, false, CompareOp::kGe, 0};
  Criterion staff{CriterionKind::kEmployees, "", "", {}, true, CompareOp::kLe, 300};
  Criterion above{CriterionKind::kAboveScale, "", "", {}, true, CompareOp::kGe, 0};
  Criterion output{CriterionKind::kFigure, "output", "", {}, true, CompareOp::kGe, 20000};
  std::vector<gates::Policy> out = {policy("研发费用加计扣除（演示）", "市税务局", "tax", "研发费用按100%在税前加计扣除（演示）", {rnd}),
          policy("2024年度高新技术企业所得税减免（演示）", "市税务局", "tax", "减按15%的税率征收企业所得税（演示）",
                 {high_tech}),
          policy("小微企业普惠性税收减免（演示）", "市税务局", "tax", "小型微利企业所得税减免（演示）", {small, staff}),
          policy("规上工业企业稳增长奖励（“一事一议”）（演示）", "市工信局", "subsidy",
                 "年产值2亿元以上的规上工业企业按“一事一议”给予奖励（演示）", {above, output})};
  out[1].figures_year = 2024;  // the demo world's 高新技术企业 认定 run 2021-12 .. 2024-11
  return out;
}

}  // namespace

Status SeedGatesDemo(storage::Database& db) {
  int64_t park = 0;
  {
    PARKHQ_ASSIGN_OR_RETURN(auto conn, db.Acquire());
    PARKHQ_ASSIGN_OR_RETURN(auto parkRow, conn->QueryOne("SELECT id FROM parks WHERE parent_id IS NULL ORDER BY id"));
    if (!parkRow) return Status::Ok();
    park = parkRow->Int(0);
    PARKHQ_ASSIGN_OR_RETURN(auto existing, conn->QueryOne("SELECT COUNT(*) FROM policies WHERE park_id = ?", {park}));
    if (existing && existing->Int(0) > 0) return Status::Ok();
  }  // released: the repository below reads on its own connection
  storage::SqlPolicyRepository repo(db);
  const Date today = Today();
  std::vector<gates::Policy> policies = DemoPolicies(park);
  std::vector<std::vector<gates::PolicyMatch>> matches;
  for (const auto& p : policies) {
    PARKHQ_ASSIGN_OR_RETURN(auto facts, repo.Facts(park, std::nullopt, gates::FiguresYear(p, today)));
    matches.push_back(gates::MatchPolicy(p, facts, today));
  }
  PARKHQ_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  storage::Connection& c = *conn;
  storage::Transaction tx(c);
  PARKHQ_RETURN_IF_ERROR(tx.status());
  PARKHQ_RETURN_IF_ERROR(SeedAdmissions(c, park));
  PARKHQ_RETURN_IF_ERROR(SeedLandQuota(c, park, today));
  PARKHQ_RETURN_IF_ERROR(SeedPowers(c, park, today));
  PARKHQ_RETURN_IF_ERROR(SeedFunding(c, park, today));
  const int year = today.year - 1;
  for (size_t i = 0; i < policies.size(); ++i) {
    PARKHQ_ASSIGN_OR_RETURN(int64_t pid, storage::SqlPolicyRepository::InsertPolicy(c, policies[i]));
    // Up to three applications per policy: 兑现 (paid), approved, applied.
    for (size_t k = 0; k < matches[i].size() && k < 3; ++k) {
      gates::Application a;
      a.park_id = park;
      a.policy_id = pid;
      a.enterprise_id = matches[i][k].enterprise_id;
      a.applied_on = Date{year, 3 + static_cast<int>(i), 10 + static_cast<int>(k)};
      a.is_demo = true;
      a.note = "演示数据（演示）";
      if (k == 0) {
        a.status = "paid";
        a.amount = 12.5 * static_cast<double>(i + 1);
        a.paid_on = Date{year, 9, 28};
      } else {
        a.status = k == 1 ? "approved" : "applied";
      }
      PARKHQ_RETURN_IF_ERROR(storage::SqlPolicyRepository::InsertApplication(c, a).status());
    }
  }
  return tx.Commit();
}

}  // namespace parkhq::app
