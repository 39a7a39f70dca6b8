#include "domain/briefing/briefing_text.h"

#include <cmath>
#include <cstdio>

namespace parkhq::briefing {

const char* StateName(State s) {
  switch (s) {
    case State::kDraft: return "draft";
    case State::kApproved: return "approved";
    case State::kIssued: return "issued";
  }
  return "draft";
}

const char* StateNameZh(State s) {
  switch (s) {
    case State::kDraft: return "草稿";
    case State::kApproved: return "已审核";
    case State::kIssued: return "已印发";
  }
  return "草稿";
}

std::optional<State> ParseState(std::string_view s) {
  if (s == "draft") return State::kDraft;
  if (s == "approved") return State::kApproved;
  if (s == "issued") return State::kIssued;
  return std::nullopt;
}

std::string FormatNumber(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  // Half away from zero, after removing binary noise (2.675 stored as 2.67499999 rounds to 2.68).
  double r = std::round(std::round(v * scale * 1e6) / 1e6) / scale;
  if (r == 0) r = 0;  // no "-0"
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, r);
  return buf;
}

int DecimalsForUnit(std::string_view unit) {
  if (unit == "%" || unit == "个百分点") return 1;
  if (unit == "户" || unit == "个" || unit == "人" || unit == "家" || unit == "宗") return 0;
  return 2;
}

namespace {

// |v| in one decimal, and whether it rounds to zero.
std::pair<std::string, bool> AbsOneDecimal(double v) {
  std::string s = FormatNumber(std::fabs(v), 1);
  return {s, s == "0.0"};
}

}  // namespace

StatusOr<std::string> FormatFigure(const Figure& f, std::string_view format) {
  if (format != "" && format != "亿元" && format != "万元" && format != "%" && format != "增减" &&
      format != "序时" && format != "增减额" && format != "数")
    return Status::Validation("占位符格式不存在", {{"format", std::string("未知格式：") + std::string(format)}});
  if (!f.value) {
    if (!f.text.empty()) return f.text;
    return std::string(format == "增减" ? "无可比数据" : "—");  // 同比无可比数据: no last-year figure
  }
  const double v = *f.value;
  if (format == "亿元") return FormatNumber(v / 10000.0, 2) + "亿元";
  if (format == "万元") return FormatNumber(v, 2) + "万元";
  if (format == "%") return FormatNumber(v, 1) + "%";
  if (format == "增减") {
    auto [s, zero] = AbsOneDecimal(v);
    if (zero) return std::string("持平");
    return (v > 0 ? "增长" : "下降") + s + "%";
  }
  if (format == "序时") {
    auto [s, zero] = AbsOneDecimal(v);
    if (zero) return std::string("与序时进度持平");
    return (v > 0 ? "超序时进度" : "低于序时进度") + s + "个百分点";
  }
  if (format == "增减额") {
    const std::string s = FormatNumber(std::fabs(v), 2);
    if (s == "0.00") return std::string("持平");
    return (v > 0 ? "增加" : "减少") + s + "万元";
  }
  const std::string n = FormatNumber(v, DecimalsForUnit(f.unit));
  if (format == "数") return n;
  return n + f.unit;
}

namespace {

// Calls on_text for literal runs and on_placeholder for each {name|format}; Validation on a
// malformed or unknown placeholder.
template <typename OnText, typename OnPlaceholder>
Status Scan(std::string_view tmpl, const Figures& figures, const std::string& field, OnText on_text,
            OnPlaceholder on_placeholder) {
  size_t i = 0;
  while (i < tmpl.size()) {
    const size_t open = tmpl.find('{', i);
    const size_t close_stray = tmpl.find('}', i);
    if (close_stray != std::string_view::npos && (open == std::string_view::npos || close_stray < open))
      return Status::Validation("句子模板有误", {{field, "有多余的右花括号 }"}});
    if (open == std::string_view::npos) {
      on_text(tmpl.substr(i));
      break;
    }
    on_text(tmpl.substr(i, open - i));
    const size_t close = tmpl.find('}', open);
    if (close == std::string_view::npos)
      return Status::Validation("句子模板有误", {{field, "占位符缺少右花括号 }"}});
    std::string_view inner = tmpl.substr(open + 1, close - open - 1);
    std::string_view name = inner, format;
    if (auto bar = inner.find('|'); bar != std::string_view::npos) {
      name = inner.substr(0, bar);
      format = inner.substr(bar + 1);
    }
    auto it = figures.find(name);
    if (it == figures.end())
      return Status::Validation("句子模板有误", {{field, "未知的数据占位符：" + std::string(name)}});
    auto text = FormatFigure(it->second, format);
    if (!text.ok()) return Status::Validation("句子模板有误", {{field, "未知的占位符格式：" + std::string(format)}});
    on_placeholder(*text);
    i = close + 1;
  }
  return Status::Ok();
}

}  // namespace

StatusOr<std::string> Render(std::string_view tmpl, const Figures& figures, const std::string& field) {
  std::string out;
  PARKHQ_RETURN_IF_ERROR(Scan(
      tmpl, figures, field, [&](std::string_view t) { out += t; }, [&](const std::string& p) { out += p; }));
  return out;
}

Status CheckUserTemplate(std::string_view tmpl, const Figures& figures, const std::string& field) {
  if (tmpl.size() > kMaxTemplateChars)
    return Status::Validation("句子过长", {{field, "不能超过 2000 字节"}});
  bool digit = false;
  PARKHQ_RETURN_IF_ERROR(Scan(
      tmpl, figures, field,
      [&](std::string_view t) {
        for (char c : t)
          if (c >= '0' && c <= '9') digit = true;
      },
      [](const std::string&) {}));
  if (digit)
    return Status::Validation("句子中不能手工输入数字",
                              {{field, "数字须来自数据占位符，不能手工输入"}});
  return Status::Ok();
}

std::string FiguresFingerprint(const Figures& figures) {
  std::string out;
  for (const auto& [k, f] : figures) {
    out += k;
    out += '=';
    out += f.value ? FormatNumber(*f.value, 6) : f.text;
    out += ';';
  }
  return out;
}

}  // namespace parkhq::briefing
