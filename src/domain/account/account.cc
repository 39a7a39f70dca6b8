#include "domain/account/account.h"

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

bool IsLocked(const User& u, int64_t now) { return u.locked_until > now; }

LoginFailure NextLoginFailure(const User& u, int64_t now, const AccountPolicy& p) {
  // A lock that has expired starts a fresh count.
  int failed = (u.locked_until != 0 && u.locked_until <= now) ? 1 : u.failed_logins + 1;
  if (failed >= p.max_failed_logins) return {0, now + p.lockout_seconds};
  return {failed, u.locked_until > now ? u.locked_until : 0};
}

}  // namespace parkhq
