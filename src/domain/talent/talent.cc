#include "domain/talent/talent.h"

#include <array>
#include <utility>

namespace parkhq::talent {

namespace {

constexpr std::array<std::pair<const char*, const char*>, 6> kEducation = {{
    {"none", "不限"}, {"secondary", "中专/高中"}, {"college", "大专"},
    {"bachelor", "本科"}, {"master", "硕士"}, {"doctor", "博士"},
}};

template <size_t N>
bool In(std::string_view code, const std::array<const char*, N>& list) {
  for (const char* c : list)
    if (code == c) return true;
  return false;
}

}  // namespace

int EducationRank(std::string_view code) {
  for (size_t i = 0; i < kEducation.size(); ++i)
    if (code == kEducation[i].first) return static_cast<int>(i);
  return -1;
}

const char* EducationNameZh(std::string_view code) {
  const int r = EducationRank(code);
  return r < 0 ? "" : kEducation[static_cast<size_t>(r)].second;
}

bool IsProgram(std::string_view code) {
  return In(code, std::array<const char*, 3>{"none", "support", "internship"});
}

const char* ProgramNameZh(std::string_view code) {
  if (code == "support") return "支企";
  if (code == "internship") return "就业见习";
  if (code == "all") return "支企与就业见习合计";
  return "普通招聘";
}

bool IsUrgency(std::string_view code) { return In(code, std::array<const char*, 2>{"normal", "urgent"}); }
bool IsPostStatus(std::string_view code) {
  return In(code, std::array<const char*, 3>{"open", "filled", "closed"});
}
bool IsCandidateStatus(std::string_view code) {
  return In(code, std::array<const char*, 3>{"available", "placed", "withdrawn"});
}

}  // namespace parkhq::talent
