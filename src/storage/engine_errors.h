// What a client is told when the database engine refuses a statement. The engine's own text (table,
// column and constraint names) is logged by the adapter and never reaches a response.
#pragma once

namespace parkhq::storage {

inline constexpr char kDuplicateMessage[] = "数据已存在，与已有记录重复";
inline constexpr char kConstraintMessage[] = "数据不符合约束：引用的记录不存在、不匹配或仍被使用";
inline constexpr char kBusyMessage[] = "数据库繁忙，请稍后重试";
// The database server cannot be reached (restarting, failing over): 503, the client retries.
inline constexpr char kUnavailableMessage[] = "数据库暂时不可用，请稍后重试";
// The disk is full or a write failed at the file system: 503, nothing of the request was saved.
inline constexpr char kStorageFullMessage[] = "存储空间不足或写入失败，本次修改未保存，请联系管理员";

}  // namespace parkhq::storage
