#include "io/table.h"

namespace parkhq::io {

Status ImportFailed(const std::vector<ImportError>& errors, size_t max_details) {
  std::vector<FieldError> details;
  for (const auto& e : errors) {
    if (details.size() >= max_details) break;
    details.push_back({"rows[" + std::to_string(e.row) + "]." + e.column,
                       "第 " + std::to_string(e.row) + " 行「" + e.column + "」：" + e.message});
  }
  std::string msg = "导入未执行：共 " + std::to_string(errors.size()) + " 处错误，请修改后重新导入（全部或全不导入）";
  return Status::Validation(msg, std::move(details));
}

const std::string& InputRow::at(size_t i) const {
  static const std::string kEmpty;
  return i < cells.size() ? cells[i] : kEmpty;
}

}  // namespace parkhq::io
