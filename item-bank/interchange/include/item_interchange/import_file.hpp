#pragma once
// One file of any format the bank imports, read whole: its format told from
// its content (format_detection.hpp) and the right reader run on it. What
// exam-admin import does for each file it is given and what exam-server does
// with an upload, so both report the same things in the same words.

#include <string>
#include <string_view>
#include <vector>

#include "item_interchange/import_report.hpp"

namespace item_interchange {

// `file` names the file in the report and in every message (a path, or the
// name an upload was given). A format that is none of these rejects the file.
FileReport import_file(std::string_view content, const std::string& file, const ImportOptions& options);

// The reports as one JSON object, the shape exam-admin import --json prints
// (docs/formats.md): {"files": [{"file", "format", "status", "error"?,
// "imported": [...], "skipped": [...], "warnings": [...]}]}.
std::string import_report_json(const std::vector<FileReport>& reports);

}  // namespace item_interchange
