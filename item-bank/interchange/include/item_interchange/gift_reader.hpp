#pragma once
// Moodle's GIFT text format: multiple choice (single and multiple response,
// weights), true/false and missing-word questions become items; every other
// question type is listed as skipped with its type.

#include <string>
#include <string_view>

#include "item_interchange/import_report.hpp"

namespace item_interchange {

// `content` is the file's bytes: UTF-8 (a BOM is stripped); any other bytes
// reject the file with the line they are on.
FileReport read_gift(std::string_view content, const std::string& file, const ImportOptions& options);

}  // namespace item_interchange
