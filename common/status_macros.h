// Early-return helpers for absl::Status / absl::StatusOr, which abseil
// 20220623 does not ship.
#ifndef ADUAN_COMMON_STATUS_MACROS_H_
#define ADUAN_COMMON_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Evaluates `expr` (an absl::Status); returns it from the enclosing function
// when it is not OK.
#define RETURN_IF_ERROR(expr)                      \
  do {                                             \
    const ::absl::Status aduan_status_ = (expr);   \
    if (!aduan_status_.ok()) return aduan_status_; \
  } while (false)

#define ADUAN_STATUS_CONCAT_INNER_(a, b) a##b
#define ADUAN_STATUS_CONCAT_(a, b) ADUAN_STATUS_CONCAT_INNER_(a, b)

// Evaluates `expr` (an absl::StatusOr<T>); on error returns its status from
// the enclosing function, otherwise moves the value into `lhs`, which may be
// a declaration (`ASSIGN_OR_RETURN(auto x, F());`).
#define ASSIGN_OR_RETURN(lhs, expr) \
  ADUAN_ASSIGN_OR_RETURN_IMPL_(     \
      ADUAN_STATUS_CONCAT_(aduan_statusor_, __LINE__), lhs, expr)

#define ADUAN_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                                 \
  if (!statusor.ok()) return statusor.status();           \
  lhs = std::move(statusor).value()

#endif  // ADUAN_COMMON_STATUS_MACROS_H_
