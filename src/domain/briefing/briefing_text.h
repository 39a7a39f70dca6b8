// Sentence templates of a briefing: placeholders bound to named figures, sign-aware wording and
// number formatting (issue 12). Pure functions; thread-safe. Rules: docs/briefings.md.
//
// A placeholder is {figure} or {figure|format}. Formats:
//   (none)  the figure with its unit: 万元 two decimals, % and 个百分点 one, 户/个/人 whole
//   亿元    a 万元 figure ÷ 10000, two decimals, "亿元"        81234.5 → "8.12亿元"
//   万元    two decimals, "万元"
//   %       one decimal, "%"                                   37.25 → "37.3%"
//   增减    "增长5.2%" / "下降3.1%" / "持平" (one decimal; 0.0 after rounding is 持平)
//   序时    "超序时进度2.1个百分点" / "低于序时进度2.1个百分点" / "与序时进度持平"
//   增减额  "增加12.50万元" / "减少3.00万元" / "持平" (a signed 万元 change)
//   数      the number alone, in the unit's decimals
// A figure without a value renders as "—" (增减: "无可比数据", read as 同比无可比数据).
#pragma once
#include <string>
#include <string_view>

#include "common/status_or.h"
#include "domain/briefing/briefing.h"

namespace parkhq::briefing {

inline constexpr size_t kMaxTemplateChars = 2000;  // bytes of one template
inline constexpr size_t kMaxNoteChars = 20000;     // bytes of one section's free text

// `v` rounded half away from zero to `decimals` places, written without exponent ("-0" never).
std::string FormatNumber(double v, int decimals);
// The decimals a unit is shown with (万元 2, 亿元 2, % 1, 个百分点 1, 户/个/人/家 0, others 2).
int DecimalsForUnit(std::string_view unit);

// One figure in one format (see above). Validation (field "format") for an unknown format.
StatusOr<std::string> FormatFigure(const Figure& f, std::string_view format);

// Renders a template. Validation naming `field` when a placeholder is unknown or malformed.
StatusOr<std::string> Render(std::string_view tmpl, const Figures& figures, const std::string& field = "tmpl");

// Checks a template a user edited: at most kMaxTemplateChars, every placeholder known, and no
// digit outside the placeholders (numbers come from data, never typed). Validation naming `field`.
Status CheckUserTemplate(std::string_view tmpl, const Figures& figures, const std::string& field);

// A deterministic text of the figures' values (the input of the data version hash).
std::string FiguresFingerprint(const Figures& figures);

}  // namespace parkhq::briefing
