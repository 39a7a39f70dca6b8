#include "domain/enterprise/rule_expr.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace parkhq::enterprise {
namespace {

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

// Recursive-descent parser. Each Parse* method returns a node index, or -1 after recording the
// first error in status_.
class ExprParser {
 public:
  ExprParser(std::string_view text, const std::vector<ReportField>* fields, const std::string& field)
      : text_(text), fields_(fields), error_field_(field) {}

  Status CheckText() {
    if (text_.find_first_not_of(" \t\r\n") == std::string_view::npos)
      return Status::FieldInvalid(error_field_, "表达式不能为空");
    if (text_.size() > kMaxExpressionLength)
      return Status::FieldInvalid(error_field_, "表达式过长（最多1000个字符）");
    return Status::Ok();
  }

  // One expression starting at the current position, into `out`.
  Status ParseInto(Expr& out) {
    expr_ = &out;
    out.root_ = ParseSum(0);
    return status_;
  }

  // A comparison operator at the current position, or an error.
  StatusOr<RuleOperator> ParseComparison() {
    SkipSpace();
    static constexpr std::string_view kOps[] = {"<=", ">=", "==", "!=", "<", ">"};
    for (std::string_view op : kOps) {
      if (text_.substr(pos_, op.size()) == op) {
        pos_ += op.size();
        return *ParseRuleOperator(op);
      }
    }
    return Fail("此处应为比较运算符（<、<=、==、!=、>=、>）");
  }

  Status ExpectEnd() {
    SkipSpace();
    if (pos_ < text_.size()) return Fail("多余的内容“" + std::string(text_.substr(pos_)) + "”");
    return Status::Ok();
  }

 private:
  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\r' ||
                                   text_[pos_] == '\n'))
      ++pos_;
  }

  // 1-based character (not byte) position of pos_.
  size_t CharPosition() const {
    size_t n = 0;
    for (size_t i = 0; i < pos_ && i < text_.size(); ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++n;
    return n + 1;
  }

  // Records the first error at the current position.
  Status Fail(const std::string& what) {
    if (status_.ok()) {
      std::string where = pos_ >= text_.size() ? "表达式末尾："
                                               : "第" + std::to_string(CharPosition()) + "个字符处：";
      status_ = Status::FieldInvalid(error_field_, where + what);
    }
    return status_;
  }
  int FailNode(const std::string& what) {
    Status ignored = Fail(what);
    (void)ignored;
    return -1;
  }

  int Add(Expr::Node node) {
    expr_->nodes_.push_back(node);
    return static_cast<int>(expr_->nodes_.size()) - 1;
  }

  int Binary(Expr::Kind kind, int a, int b) {
    Expr::Node n;
    n.kind = kind;
    n.a = a;
    n.b = b;
    return Add(n);
  }

  bool Peek(char c) {
    SkipSpace();
    return pos_ < text_.size() && text_[pos_] == c;
  }

  int ParseSum(int depth) {
    int left = ParseProduct(depth);
    while (left >= 0) {
      Expr::Kind kind;
      if (Peek('+')) kind = Expr::Kind::kAdd;
      else if (Peek('-')) kind = Expr::Kind::kSub;
      else break;
      ++pos_;
      int right = ParseProduct(depth);
      if (right < 0) return -1;
      left = Binary(kind, left, right);
    }
    return left;
  }

  int ParseProduct(int depth) {
    int left = ParseUnary(depth);
    while (left >= 0) {
      Expr::Kind kind;
      if (Peek('*')) kind = Expr::Kind::kMul;
      else if (Peek('/')) kind = Expr::Kind::kDiv;
      else break;
      ++pos_;
      int right = ParseUnary(depth);
      if (right < 0) return -1;
      left = Binary(kind, left, right);
    }
    return left;
  }

  int ParseUnary(int depth) {
    if (depth > kMaxExpressionDepth) {
      return FailNode("表达式嵌套过深");
    }
    if (Peek('-')) {
      ++pos_;
      int operand = ParseUnary(depth + 1);
      return operand < 0 ? -1 : Binary(Expr::Kind::kNeg, operand, -1);
    }
    return ParsePrimary(depth);
  }

  // '(' expr ')' after the opening parenthesis was consumed.
  int ParseParenthesized(int depth) {
    int inner = ParseSum(depth + 1);
    if (inner < 0) return -1;
    if (!Peek(')')) {
      return FailNode("缺少右括号“)”");
    }
    ++pos_;
    return inner;
  }

  int ParsePrimary(int depth) {
    SkipSpace();
    if (pos_ >= text_.size()) {
      return FailNode("表达式不完整，此处应为数字、字段、abs(…) 或括号");
    }
    char c = text_[pos_];
    if (c == '(') {
      ++pos_;
      return ParseParenthesized(depth);
    }
    if (IsDigit(c)) return ParseNumber();
    if (IsIdentStart(c)) return ParseName(depth);
    if (c == ')' || c == '+' || c == '*' || c == '/' || c == '<' || c == '>' || c == '=' || c == '!') {
      return FailNode("此处应为数字、字段、abs(…) 或括号，而不是“" + std::string(1, c) + "”");
    }
    size_t len = 1;
    while (pos_ + len < text_.size() && (static_cast<unsigned char>(text_[pos_ + len]) & 0xC0) == 0x80) ++len;
    return FailNode("无法识别的字符“" + std::string(text_.substr(pos_, len)) + "”");
  }

  int ParseNumber() {
    size_t start = pos_;
    while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (pos_ >= text_.size() || !IsDigit(text_[pos_])) {
        pos_ = start;
        return FailNode("数字格式错误");
      }
      while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
    }
    if (pos_ < text_.size() && IsIdentStart(text_[pos_])) {
      return FailNode("数字后不能紧跟字母");
    }
    Expr::Node n;
    n.kind = Expr::Kind::kNumber;
    n.number = std::strtod(std::string(text_.substr(start, pos_ - start)).c_str(), nullptr);
    return Add(n);
  }

  std::string_view ReadIdent() {
    size_t start = pos_;
    while (pos_ < text_.size() && IsIdentChar(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }

  int ParseName(int depth) {
    size_t start = pos_;
    std::string_view name = ReadIdent();
    if (name == "abs") {
      if (!Peek('(')) {
        return FailNode("abs 后应为“(”");
      }
      ++pos_;
      int inner = ParseParenthesized(depth);
      return inner < 0 ? -1 : Binary(Expr::Kind::kAbs, inner, -1);
    }
    if (Peek('(')) {
      pos_ = start;
      return FailNode("不支持的函数“" + std::string(name) + "”，只支持 abs()");
    }
    FieldRef ref;
    if (name == "last_month" || name == "last_year") {
      ref.period = name == "last_month" ? PeriodRef::kLastMonth : PeriodRef::kLastYear;
      if (pos_ >= text_.size() || text_[pos_] != '.' || pos_ + 1 >= text_.size() ||
          !IsIdentStart(text_[pos_ + 1])) {
        return FailNode(std::string(name) + " 后应为“.字段代码”，例如 " + std::string(name) + ".output");
      }
      ++pos_;
      start = pos_;
      name = ReadIdent();
    }
    if (fields_ != nullptr && FindField(*fields_, name) == nullptr) {
      pos_ = start;
      return FailNode("未知字段“" + std::string(name) + "”");
    }
    ref.field = std::string(name);
    expr_->refs_.push_back(ref);
    Expr::Node n;
    n.kind = Expr::Kind::kRef;
    n.ref = static_cast<int>(expr_->refs_.size()) - 1;
    return Add(n);
  }

  std::string_view text_;
  const std::vector<ReportField>* fields_;
  std::string error_field_;
  size_t pos_ = 0;
  Expr* expr_ = nullptr;
  Status status_;
};

StatusOr<Expr> Expr::Parse(std::string_view text, const std::vector<ReportField>* fields,
                           const std::string& error_field) {
  ExprParser parser(text, fields, error_field);
  PARKHQ_RETURN_IF_ERROR(parser.CheckText());
  Expr expr;
  PARKHQ_RETURN_IF_ERROR(parser.ParseInto(expr));
  PARKHQ_RETURN_IF_ERROR(parser.ExpectEnd());
  return expr;
}

std::optional<double> Expr::Evaluate(const EvalContext& ctx) const {
  if (root_ < 0) return std::nullopt;
  std::optional<double> v = EvalNode(root_, ctx);
  if (v && !std::isfinite(*v)) return std::nullopt;
  return v;
}

std::optional<double> Expr::EvalNode(int index, const EvalContext& ctx) const {
  const Node& n = nodes_[static_cast<size_t>(index)];
  switch (n.kind) {
    case Kind::kNumber: return n.number;
    case Kind::kRef: {
      const FieldRef& r = refs_[static_cast<size_t>(n.ref)];
      const FieldValues* values = r.period == PeriodRef::kCurrent     ? ctx.current
                                  : r.period == PeriodRef::kLastMonth ? ctx.last_month
                                                                      : ctx.last_year;
      if (values == nullptr) return std::nullopt;
      auto it = values->find(r.field);
      if (it == values->end()) return std::nullopt;
      return it->second;
    }
    case Kind::kNeg:
    case Kind::kAbs: {
      std::optional<double> a = EvalNode(n.a, ctx);
      if (!a) return std::nullopt;
      return n.kind == Kind::kNeg ? -*a : std::fabs(*a);
    }
    default: break;
  }
  std::optional<double> a = EvalNode(n.a, ctx);
  std::optional<double> b = EvalNode(n.b, ctx);
  if (!a || !b) return std::nullopt;
  switch (n.kind) {
    case Kind::kAdd: return *a + *b;
    case Kind::kSub: return *a - *b;
    case Kind::kMul: return *a * *b;
    case Kind::kDiv:
      if (*b == 0) return std::nullopt;
      return *a / *b;
    default: return std::nullopt;
  }
}

StatusOr<Condition> Condition::Parse(std::string_view text, const std::vector<ReportField>* fields,
                                     const std::string& error_field) {
  ExprParser parser(text, fields, error_field);
  PARKHQ_RETURN_IF_ERROR(parser.CheckText());
  Condition c;
  PARKHQ_RETURN_IF_ERROR(parser.ParseInto(c.left));
  PARKHQ_ASSIGN_OR_RETURN(c.op, parser.ParseComparison());
  PARKHQ_RETURN_IF_ERROR(parser.ParseInto(c.right));
  PARKHQ_RETURN_IF_ERROR(parser.ExpectEnd());
  return c;
}

std::optional<bool> Condition::Evaluate(const EvalContext& ctx) const {
  std::optional<double> l = left.Evaluate(ctx);
  std::optional<double> r = right.Evaluate(ctx);
  if (!l || !r) return std::nullopt;
  return CompareValues(op, *l, *r, 0);
}

std::optional<bool> CompareValues(RuleOperator op, double l, double r, double threshold_pct) {
  const double eps = 1e-9 * std::max({1.0, std::fabs(l), std::fabs(r)});
  switch (op) {
    case RuleOperator::kLt: return l < r - eps;
    case RuleOperator::kLe: return l <= r + eps;
    case RuleOperator::kEq: return std::fabs(l - r) <= eps;
    case RuleOperator::kNe: return std::fabs(l - r) > eps;
    case RuleOperator::kGe: return l >= r - eps;
    case RuleOperator::kGt: return l > r + eps;
    case RuleOperator::kWithinPct:
      if (r == 0) return std::nullopt;
      return std::fabs(l - r) <= threshold_pct / 100.0 * std::fabs(r) + eps;
  }
  return std::nullopt;
}

}  // namespace parkhq::enterprise
