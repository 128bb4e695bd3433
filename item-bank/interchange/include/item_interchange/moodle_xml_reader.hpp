#pragma once
// Moodle XML: multichoice and truefalse questions become items (fractions as
// weights, Moodle's readings of single and shuffleanswers, feedback, tags and
// idnumber); every other question type is listed as skipped with its type.

#include <string>
#include <string_view>

#include "item_interchange/import_report.hpp"

namespace item_interchange {

// The XML declaration's encoding is honoured (an ISO-8859-1 file reads right).
FileReport read_moodle_xml(std::string_view content, const std::string& file, const ImportOptions& options);

}  // namespace item_interchange
