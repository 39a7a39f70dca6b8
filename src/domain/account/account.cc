#include "domain/account/account.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "common/crypto.h"
#include "common/embedded.h"

namespace parkhq {

Status ValidatePassword(std::string_view pw, const std::string& field) {
  size_t chars = 0;
  bool lower = false, upper = false, digit = false, other = false;
  for (unsigned char c : pw) {
    if ((c & 0xC0) != 0x80) ++chars;  // count UTF-8 code points
    if (c >= 'a' && c <= 'z') lower = true;
    else if (c >= 'A' && c <= 'Z') upper = true;
    else if (c >= '0' && c <= '9') digit = true;
    else other = true;
  }
  if (chars < 10) return Status::FieldInvalid(field, "密码至少 10 个字符");
  if (pw.size() > 128) return Status::FieldInvalid(field, "密码过长（最多 128 字节）");
  int classes = lower + upper + digit + other;
  if (classes < 3)
    return Status::FieldInvalid(field, "密码须包含大写字母、小写字母、数字、符号中的至少三类");
  if (IsCommonPassword(pw)) return Status::FieldInvalid(field, "密码过于常见，容易被猜中，请换一个");
  return Status::Ok();
}

Status ValidateUsername(std::string_view u) {
  if (u.size() < 3 || u.size() > 32) return Status::FieldInvalid("username", "用户名长度应为 3 到 32 个字符");
  for (size_t i = 0; i < u.size(); ++i) {
    char c = u[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '_' && c != '.' && c != '-')))
      return Status::FieldInvalid("username", "用户名只能包含字母、数字和 _ . -，并以字母或数字开头");
  }
  return Status::Ok();
}

LoginThrottle NextLoginFailure(const LoginThrottle& t, int64_t now, const AccountPolicy& p) {
  LoginThrottle n;
  // A quiet day forgives: failures older than a day (lock long expired) start a fresh count.
  const bool stale = t.locked_until != 0 && t.locked_until + 24 * 3600 <= now;
  n.failures = stale ? 1 : t.failures + 1;
  if (n.failures < p.max_failed_logins) return n;
  int64_t lock = 60;
  for (int i = p.max_failed_logins; i < n.failures && lock < p.lockout_seconds; ++i) lock *= 2;
  n.locked_until = now + std::min(lock, p.lockout_seconds);
  return n;
}

std::string SessionPublicId(const std::string& token_hash) { return Sha256Hex("session:" + token_hash).substr(0, 24); }

std::vector<std::string> CommonPasswordForms(std::string_view pw) {
  std::string lower;
  for (unsigned char c : pw) lower += static_cast<char>(std::tolower(c));
  auto unleet = [](std::string s) {
    for (auto& c : s) {
      switch (c) {
        case '@': case '4': c = 'a'; break;
        case '0': c = 'o'; break;
        case '1': case '!': case '|': c = 'i'; break;
        case '3': c = 'e'; break;
        case '$': case '5': c = 's'; break;
        case '7': case '+': c = 't'; break;
        case '8': c = 'b'; break;
        case '9': c = 'g'; break;
        default: break;
      }
    }
    return s;
  };
  auto strip = [](std::string s) {  // trailing digits and symbols, then leading digits
    while (!s.empty() && !std::isalpha(static_cast<unsigned char>(s.back()))) s.pop_back();
    size_t i = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    return s.substr(i);
  };
  std::vector<std::string> forms = {lower, unleet(lower), strip(lower), unleet(strip(lower)), strip(unleet(lower))};
  std::sort(forms.begin(), forms.end());
  forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
  forms.erase(std::remove(forms.begin(), forms.end(), std::string()), forms.end());
  return forms;
}

namespace {
const std::unordered_set<std::string>& CommonPasswords() {
  static const std::unordered_set<std::string> kList = [] {
    std::unordered_set<std::string> out;
    std::string_view data = SeedFile("common_passwords.txt");
    size_t pos = 0;
    while (pos < data.size()) {
      size_t end = data.find('\n', pos);
      if (end == std::string_view::npos) end = data.size();
      std::string_view line = data.substr(pos, end - pos);
      pos = end + 1;
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (line.empty() || line.front() == '#') continue;
      std::string w;
      for (unsigned char c : line) w += static_cast<char>(std::tolower(c));
      out.insert(w);
    }
    return out;
  }();
  return kList;
}
}  // namespace

bool IsCommonPassword(std::string_view pw) {
  const auto& list = CommonPasswords();
  for (const auto& f : CommonPasswordForms(pw))
    if (list.count(f)) return true;
  return false;
}

}  // namespace parkhq
