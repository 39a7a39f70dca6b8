// libFuzzer: the report rule expressions (parse, then evaluate on sample values).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/enterprise/report.h"
#include "domain/enterprise/rule_expr.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parkhq::enterprise;
  static const std::vector<ReportField> fields = DefaultReportFields();
  static const FieldValues current = {{"output", 1000}, {"revenue", 990}, {"value_added", 0}, {"tax", -3}};
  static const FieldValues last = {{"output", 900}, {"revenue", 1e13}};
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const EvalContext ctx{&current, &last, nullptr};
  if (auto e = Expr::Parse(text, &fields, "expr"); e.ok()) (void)e->Evaluate(ctx);
  if (auto e = Expr::Parse(text, nullptr, "expr"); e.ok()) (void)e->Evaluate(ctx);
  if (auto c = Condition::Parse(text, &fields, "when"); c.ok()) (void)c->Evaluate(ctx);
  return 0;
}
