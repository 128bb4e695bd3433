#pragma once
// What the Moodle and QTI writers share: numbers written so they read back
// exactly, and the checks whose warnings apply to every target.

#include <string>
#include <vector>

#include "item_bank/item.hpp"
#include "item_interchange/item_export.hpp"

namespace item_interchange::detail {

// The shortest decimal that reads back as the same double ("0.5", "33.333333333333336").
std::string exact_number(double value);

// Importers name options A, B, C by position: other ids come back renamed
// (with the key renamed alike), which the warning says.
void warn_if_ids_not_positional(const item_bank::Item& item, std::vector<ExportWarning>& warnings);

}  // namespace item_interchange::detail
