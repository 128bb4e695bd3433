#pragma once
// Showing the server's replies to a person: tables and records by default,
// and errors as one plain line from the JSON error body ("error: /uln:
// expected 10 digits"), with the rows of a rejected import under it.

#include <boost/json/value.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace exam_admin {

void print_table(std::ostream& os, const boost::json::array& rows, std::vector<std::string> columns);
void print_record(std::ostream& os, const boost::json::value& value);
// The lines to show for a reply with an error status; a 401 also suggests logging in again.
std::string error_text(int status, const std::string& body, bool suggest_login = true);

}  // namespace exam_admin
