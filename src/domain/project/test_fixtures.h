// Test-only helpers to build Project values tersely in the *_test.cc files of this folder.
#pragma once
#include <string>

#include "common/time.h"
#include "domain/project/project.h"

namespace parkhq::project::testing {

// "YYYY-MM-DD" → Date; a malformed literal is a bug in the test, so it aborts via .value().
inline Date D(const char* s) { return Date::Parse(s).value(); }
inline Period P(const char* s) { return Period::Parse(s).value(); }

class ProjectBuilder {
 public:
  explicit ProjectBuilder(int64_t id, Kind kind = Kind::kNew) {
    p_.id = id;
    p_.park_id = 1;
    p_.name = "项目" + std::to_string(id);
    p_.kind = kind;
    p_.total_investment = 10000;
    p_.contracted_investment = 8000;
  }
  ProjectBuilder& Planned(Stage s, const char* d) {
    p_.planned[s] = D(d);
    return *this;
  }
  // Sets an actual date; the current stage becomes the highest stage with an actual date.
  ProjectBuilder& Actual(Stage s, const char* d) {
    p_.actual[s] = D(d);
    if (StageIndex(s) > StageIndex(p_.stage)) p_.stage = s;
    return *this;
  }
  ProjectBuilder& Suspended(const char* d) {
    p_.suspended_on = D(d);
    return *this;
  }
  ProjectBuilder& Terminated(const char* d) {
    p_.terminated_on = D(d);
    return *this;
  }
  ProjectBuilder& Resumed(const char* d) {
    p_.resumed_on.push_back(D(d));
    return *this;
  }
  ProjectBuilder& Plan(int year, double planned) {
    p_.annual_plans.push_back({year, planned});
    return *this;
  }
  ProjectBuilder& Month(const char* period, double completed, double funds = 0) {
    MonthlyInvestment m;
    m.period = P(period);
    m.completed = completed;
    m.funds_in_place = funds;
    p_.monthly.push_back(m);
    return *this;
  }
  ProjectBuilder& Investment(double total, double contracted) {
    p_.total_investment = total;
    p_.contracted_investment = contracted;
    return *this;
  }
  Project Build() const { return p_; }

 private:
  Project p_;
};

}  // namespace parkhq::project::testing
