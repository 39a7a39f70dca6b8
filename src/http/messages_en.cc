#include "http/messages_en.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <mutex>
#include <tuple>
#include <unordered_set>

#include "common/embedded.h"
#include "http/request.h"

namespace parkhq::http {
namespace {

constexpr std::string_view kPlaceholder = "{}";
constexpr int kMaxDepth = 3;  // nested values translated at most this deep

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x | 0x20) == (y | 0x20);
         });
}

std::vector<std::string> SplitPlaceholders(std::string_view s) {
  std::vector<std::string> parts;
  size_t at = 0;
  for (size_t p = s.find(kPlaceholder); p != std::string_view::npos; p = s.find(kPlaceholder, at)) {
    parts.emplace_back(s.substr(at, p - at));
    at = p + kPlaceholder.size();
  }
  parts.emplace_back(s.substr(at));
  return parts;
}

// Splits the English side around its placeholders: "{}" takes the next value, "{2}" the second.
// False unless there are exactly `count` placeholders, each naming a value that exists.
bool SplitEnglish(std::string_view s, size_t count, std::vector<std::string>& parts, std::vector<size_t>& order) {
  size_t at = 0, next = 0;
  std::string piece;
  while (at < s.size()) {
    size_t close = s[at] == '{' ? s.find('}', at) : std::string_view::npos;
    std::string_view inside = close == std::string_view::npos ? std::string_view() : s.substr(at + 1, close - at - 1);
    const bool numbered = !inside.empty() && std::all_of(inside.begin(), inside.end(), [](char c) {
      return c >= '0' && c <= '9';
    });
    if (close != std::string_view::npos && (inside.empty() || numbered)) {
      size_t index = next++;
      if (numbered) {
        std::from_chars(inside.data(), inside.data() + inside.size(), index);
        if (index == 0) return false;
        --index;
      }
      if (index >= count) return false;
      parts.push_back(std::move(piece));
      piece.clear();
      order.push_back(index);
      at = close + 1;
    } else {
      piece += s[at++];
    }
  }
  parts.push_back(std::move(piece));
  return order.size() == count;
}

bool HasNonAscii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Matches `text` against literals[i..] from position `at`, each placeholder taking a non-empty
// run; backtracks over every occurrence of the next literal. Fills `values`.
bool MatchFrom(std::string_view text, size_t at, const std::vector<std::string>& literals, size_t i,
               std::vector<std::string_view>& values) {
  if (i + 1 == literals.size()) {
    const std::string& last = literals[i];
    if (text.size() < at + 1 + last.size()) return false;
    if (text.substr(text.size() - last.size()) != last) return false;
    values.push_back(text.substr(at, text.size() - last.size() - at));
    return true;
  }
  const std::string& next = literals[i];
  for (size_t p = text.find(next, at + 1); p != std::string_view::npos; p = text.find(next, p + 1)) {
    values.push_back(text.substr(at, p - at));
    if (MatchFrom(text, p + next.size(), literals, i + 1, values)) return true;
    values.pop_back();
  }
  return false;
}

bool Match(std::string_view text, const std::vector<std::string>& literals, std::vector<std::string_view>& values) {
  values.clear();
  const std::string& first = literals.front();
  if (text.substr(0, first.size()) != first) return false;
  return MatchFrom(text, first.size(), literals, 1, values);
}

}  // namespace

Language NegotiateLanguage(std::string_view header) {
  Language best = Language::kChinese;
  double best_q = -1;
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    size_t semi = item.find(';');
    std::string_view range = Trim(item.substr(0, semi));
    double q = 1;
    // The parameters after the range, one at a time (the old loop indexed `item` with positions
    // found in the rest and never ended on two or more ';' — found by the http_request fuzz target).
    std::string_view params = semi == std::string_view::npos ? std::string_view() : item.substr(semi + 1);
    for (bool more = semi != std::string_view::npos; more;) {
      const size_t next = params.find(';');
      std::string_view param = Trim(params.substr(0, next));
      more = next != std::string_view::npos;
      if (more) params = params.substr(next + 1);
      if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
        std::string_view v = param.substr(2);
        auto r = std::from_chars(v.data(), v.data() + v.size(), q);
        if (r.ec != std::errc() || r.ptr != v.data() + v.size() || q < 0 || q > 1) q = 0;  // malformed: ignore
      }
    }
    std::string_view primary = range.substr(0, range.find('-'));
    std::optional<Language> lang;
    if (IEquals(primary, "en")) lang = Language::kEnglish;
    else if (IEquals(primary, "zh") || primary == "*") lang = Language::kChinese;
    if (lang && q > 0 && q > best_q) {
      best = *lang;
      best_q = q;
    }
  }
  return best;
}

StatusOr<MessageCatalog> MessageCatalog::Parse(std::string_view tsv, std::string_view source) {
  MessageCatalog c;
  int line_no = 0;
  while (!tsv.empty()) {
    size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || line.front() == '#') continue;
    const std::string where = std::string(source) + ":" + std::to_string(line_no);
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return Status::InvalidArgument(where + ": expected chinese<TAB>english");
    std::string_view zh = line.substr(0, tab), en = line.substr(tab + 1);
    bool part = false;  // an optional third column "part": a name used only inside other messages
    if (size_t tab2 = en.find('\t'); tab2 != std::string_view::npos) {
      if (Trim(en.substr(tab2 + 1)) != "part") return Status::InvalidArgument(where + ": the third column may only be part");
      part = true;
      en = en.substr(0, tab2);
    }
    en = Trim(en);
    if (zh.empty() || en.empty()) return Status::InvalidArgument(where + ": empty text");
    std::vector<std::string> zh_parts = SplitPlaceholders(zh);
    std::vector<std::string> en_parts;
    std::vector<size_t> order;
    if (!SplitEnglish(en, zh_parts.size() - 1, en_parts, order))
      return Status::InvalidArgument(where + ": the English needs one {} (or {1}, {2} ...) per {} in the Chinese");
    if (zh_parts.size() == 1) {
      c.exact_[std::string(zh)] = std::string(en);
      continue;
    }
    Template t{std::move(zh_parts), std::move(en_parts), std::move(order), 0, part};
    for (const auto& l : t.literals) t.literal_chars += l.size();
    c.templates_.push_back(std::move(t));
  }
  return c;
}

void MessageCatalog::Merge(const MessageCatalog& other) {
  for (const auto& [zh, en] : other.exact_) exact_[zh] = en;
  templates_.insert(templates_.end(), other.templates_.begin(), other.templates_.end());
}

std::optional<std::string> MessageCatalog::Find(std::string_view zh) const {
  std::optional<Translation> t = FindAt(zh, 0);
  if (!t) return std::nullopt;
  return std::move(t->text);
}

std::optional<MessageCatalog::Translation> MessageCatalog::FindAt(std::string_view zh, int depth) const {
  if (auto it = exact_.find(std::string(zh)); it != exact_.end()) return Translation{it->second, true};
  // Ranking when several templates match: one whose Chinese values all translate beats one that
  // leaves Chinese behind; then one anchored by text at the start beats one starting with a value
  // ("第 3 行「列」：" + message is a row report, not a message about "第 3 行「列」：计划开工"); then
  // one anchored at the end; then more literal text. Parts (names such as "第{}个面的{}") only
  // translate values inside other messages, so "第2个面的外环未闭合" is "{}未闭合" of a name.
  const auto rank = [](const Template& t, bool complete) {
    return std::tuple(complete, !t.literals.front().empty(), !t.literals.back().empty(), t.literal_chars);
  };
  std::optional<Translation> best;
  std::tuple<bool, bool, bool, size_t> best_rank{};
  std::vector<std::string_view> values;
  for (const Template& t : templates_) {
    if (t.part && depth == 0) continue;
    if (best && rank(t, true) <= best_rank) continue;
    if (t.literal_chars >= zh.size()) continue;  // every placeholder takes at least one byte
    if (!Match(zh, t.literals, values)) continue;
    Translation filled = Fill(t, values, depth);
    if (!best || rank(t, filled.complete) > best_rank) {
      best_rank = rank(t, filled.complete);
      best = std::move(filled);
    }
  }
  return best;
}

MessageCatalog::Translation MessageCatalog::Fill(const Template& t, const std::vector<std::string_view>& values,
                                                 int depth) const {
  Translation out{t.english[0], true};
  for (size_t i = 0; i < t.order.size(); ++i) {
    std::string_view value = values[t.order[i]];
    std::optional<Translation> nested;
    if (HasNonAscii(value)) {
      if (depth < kMaxDepth) nested = FindAt(value, depth + 1);
      if (!nested || !nested->complete) out.complete = false;
    }
    out.text += nested ? nested->text : std::string(value);
    out.text += t.english[i + 1];
  }
  return out;
}

const MessageCatalog& EnglishMessages() {
  static const MessageCatalog catalog = [] {
    MessageCatalog all;
    for (const EmbeddedFile& f : kMessageFiles) {
      StatusOr<MessageCatalog> c = MessageCatalog::Parse(f.contents, f.name);
      if (!c.ok()) {
        spdlog::error("message catalog: {}", c.status().message());
        continue;
      }
      all.Merge(*c);
    }
    return all;
  }();
  return catalog;
}

std::string Localize(std::string_view zh, Language language) {
  if (language == Language::kChinese || zh.empty() || !HasNonAscii(zh)) return std::string(zh);
  if (std::optional<std::string> en = EnglishMessages().Find(zh)) return *en;
  static std::mutex mu;
  static std::unordered_set<std::string> logged;  // bounded: each text logged once, at most 10000
  {
    std::lock_guard<std::mutex> lock(mu);
    if (logged.size() < 10000 && logged.emplace(zh).second)
      spdlog::debug("no English for message: {}", zh);
  }
  return std::string(zh);
}

std::string Localize(const Request& req, std::string_view zh) {
  return Localize(zh, NegotiateLanguage(req.Header("accept-language")));
}

Status Localize(const Status& status, Language language) {
  if (language == Language::kChinese || status.ok()) return status;
  std::vector<FieldError> details;
  details.reserve(status.details().size());
  for (const FieldError& d : status.details()) details.push_back({d.field, Localize(d.message, language)});
  return Status(status.code(), Localize(status.message(), language), std::move(details));
}

}  // namespace parkhq::http
