#pragma once
// Both engines answer INSERT ... RETURNING id (SQLite since 3.35), so the
// stores need neither SQLite's last_insert_rowid() nor PostgreSQL's lastval().

#include <cstdint>
#include <stdexcept>

#include "storage/statement_types.hpp"

namespace exam::storage::sql {

// Runs an INSERT ending in RETURNING id and gives the id.
template <class Statement>
std::int64_t run_returning_id(Statement& insert) {
    if (insert.step() != Step::row) throw std::logic_error("an INSERT ... RETURNING id returned no row");
    const std::int64_t id = insert.column_int64(0);
    insert.run();
    return id;
}

}  // namespace exam::storage::sql
