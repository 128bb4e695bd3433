#pragma once
// Writing CSV as RFC 4180 has it: CRLF line ends, a field quoted when it holds
// a comma, a quote, CR or LF, quotes inside doubled.
//
// Spreadsheets run a cell starting with = + - @ (and tab or CR) as a formula
// (OWASP, "CSV Injection"): such a field gets a leading single quote, so a
// candidate named "=HYPERLINK(...)" is shown as text. The quote is visible in
// the file; docs/results.md says so.

#include <string>
#include <string_view>
#include <vector>

namespace exam::api {

std::string csv_field(std::string_view value);
// The fields joined by commas, ending in CRLF.
std::string csv_row(const std::vector<std::string>& fields);

}  // namespace exam::api
