#pragma once
// The stores' SQL is written once, with SQLite's parameter markers (`?` and
// `?N`); PostgreSQL numbers its parameters `$N`. This rewrites the markers and
// nothing else: quoted strings and identifiers pass through untouched.

#include <string>
#include <string_view>

namespace exam::storage::postgresql {

// "a = ? AND b = ?" -> "a = $1 AND b = $2"; "id > ?1 AND at >= ?2" -> "id > $1 AND at >= $2".
// A bare `?` takes the number one above the largest used so far, as in SQLite.
std::string postgresql_placeholders(std::string_view sql);

}  // namespace exam::storage::postgresql
