// English for the server's messages. Domain code writes its messages in Chinese (the UI language);
// when a request asks for English (Accept-Language), the HTTP layer translates them here, in the
// one place responses are rendered (ErrorResponse, and the import reports handlers render).
//
// The catalog is data: src/http/messages/*.tsv, one "chinese<TAB>english" line per message,
// embedded in the binary. A Chinese key may hold "{}" placeholders for the values a message
// embeds ("本园区没有统一社会信用代码为“{}”的企业"); the English side has as many placeholders,
// "{}" filled in order or "{2}" naming the value when English needs another order. A third
// column "part" marks a name that only ever appears inside other messages ("第{}个面的{}"). A value that is itself a catalogued text (a role name, a column header,
// a nested message) is translated too. scripts/check_messages.py fails `make test` when a Chinese
// message in src/ has no entry.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status_or.h"

namespace parkhq::http {

struct Request;

enum class Language { kChinese, kEnglish };

// The language to answer in, from an Accept-Language header: the supported language (zh or en)
// with the highest q-value ("en-US,en;q=0.9", "fr, en;q=0.5" → English); ties go to the earlier
// one; q=0 excludes a language; "*", other languages, malformed or absent → Chinese.
Language NegotiateLanguage(std::string_view accept_language);

// Chinese → English messages, exact texts and "{}" templates. Immutable after construction, so
// it is safe to share between threads.
class MessageCatalog {
 public:
  // Parses "chinese<TAB>english[<TAB>part]" lines ('#' comments and blank lines skipped).
  // Returns kInvalidArgument naming the line for a line without a tab, an empty side, a
  // placeholder count that differs between the two sides, or a third column other than "part".
  static StatusOr<MessageCatalog> Parse(std::string_view tsv, std::string_view source = "catalog");
  // Adds the entries of another catalog (later entries win).
  void Merge(const MessageCatalog& other);

  // The English for a Chinese message, or nullopt when neither an exact entry nor a template
  // matches. When several templates match, the one whose Chinese values all translate wins, then
  // the one that reads as the sentence rather than a name inside it (see FindAt), then the most
  // literal characters.
  std::optional<std::string> Find(std::string_view zh) const;
  size_t size() const { return exact_.size() + templates_.size(); }

 private:
  struct Template {
    std::vector<std::string> literals;  // n+1 pieces around n placeholders
    std::vector<std::string> english;   // pieces around the English placeholders
    std::vector<size_t> order;          // which value fills each English placeholder
    size_t literal_chars = 0;
    bool part = false;                  // only for values inside other messages
  };
  struct Translation {
    std::string text;
    bool complete = true;  // no Chinese value was left untranslated
  };
  std::optional<Translation> FindAt(std::string_view zh, int depth) const;
  Translation Fill(const Template& t, const std::vector<std::string_view>& values, int depth) const;

  std::unordered_map<std::string, std::string> exact_;
  std::vector<Template> templates_;
};

// The catalog built into the binary (src/http/messages/*.tsv), loaded once.
const MessageCatalog& EnglishMessages();

// The text in the language asked for: Chinese unchanged; English from the catalog, falling back
// to the Chinese text (never empty) and logging the untranslated text once at debug level.
std::string Localize(std::string_view zh, Language language);
// The same, for the language the request asks for.
std::string Localize(const Request& req, std::string_view zh);
// A status with its message and detail messages in that language (code and fields unchanged).
Status Localize(const Status& status, Language language);

}  // namespace parkhq::http
