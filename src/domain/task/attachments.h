// Attachments of progress reports (台账附件): the accepted types, checked by extension and by the
// file's first bytes (magic), and the size limit. Pure.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parkhq::task {

inline constexpr std::size_t kMaxAttachmentBytes = 10u << 20;  // 10 MiB

struct Attachment {
  int64_t id = 0;
  int64_t park_id = 0;
  int64_t report_id = 0;
  std::string sha256;  // hex of the content
  std::string filename;
  std::string content_type;
  int64_t size = 0;
  std::string created_by;
  std::string created_at;
};

// The content type of an attachment named `filename` with content `bytes`: pdf, png, jpg/jpeg,
// docx, xlsx whose first bytes match the extension; nullopt otherwise.
std::optional<std::string> AttachmentType(std::string_view filename, std::string_view bytes);
// "" when the name is acceptable (1–200 bytes, no control characters, no / or \); else the problem.
std::string AttachmentNameProblem(std::string_view filename);

}  // namespace parkhq::task
