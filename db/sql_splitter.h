// Splits a migration file into single statements, because SOCI's SQLite
// backend runs only the first statement of a string and MySQL's does not
// enable multi-statements.
#ifndef ADUAN_DB_SQL_SPLITTER_H_
#define ADUAN_DB_SQL_SPLITTER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace aduan::db {

// Returns the statements of `script`, trimmed, without the terminating ';'
// and without comments-only pieces. Rules:
//  - ';' ends a statement unless it is inside a '…', "…" or `…` literal, a
//    `-- …` / `# …` line comment or a `/* … */` block comment;
//  - inside a BEGIN … END block (trigger bodies) ';' does not end the
//    statement; BEGIN and CASE open a block, END closes one (keywords are
//    matched as whole words, case-insensitively). `BEGIN;` / `BEGIN
//    TRANSACTION` at statement start is not a block.
// Errors: kInvalidArgument for an unterminated literal, comment or block.
absl::StatusOr<std::vector<std::string>> SplitSqlStatements(
    absl::string_view script);

}  // namespace aduan::db

#endif  // ADUAN_DB_SQL_SPLITTER_H_
