// StatusOr<T>: either a value or a non-OK Status.
#pragma once
#include <cassert>
#include <utility>
#include <variant>

#include "common/status.h"

namespace parkhq {

template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  StatusOr(Status status) : v_(std::move(status)) { assert(!std::get<Status>(v_).ok()); }  // NOLINT

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

#define PARKHQ_CONCAT_INNER(a, b) a##b
#define PARKHQ_CONCAT(a, b) PARKHQ_CONCAT_INNER(a, b)
// Declares `lhs` from a StatusOr expression, returning its Status on failure.
#define PARKHQ_ASSIGN_OR_RETURN(lhs, expr)                              \
  auto PARKHQ_CONCAT(_so_, __LINE__) = (expr);                          \
  if (!PARKHQ_CONCAT(_so_, __LINE__).ok())                              \
    return PARKHQ_CONCAT(_so_, __LINE__).status();                      \
  lhs = std::move(PARKHQ_CONCAT(_so_, __LINE__)).value()

}  // namespace parkhq
