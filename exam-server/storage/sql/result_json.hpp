#pragma once
// An attempt's result as the attempts table keeps it (JSON text in one
// column): written by the attempt store, read by it and by the results store.

#include <string>

#include "domain/sitting.hpp"

namespace exam::storage::sql {

std::string result_to_json(const domain::AttemptResult& r);
// Throws boost::system::system_error or std::exception on text not written by result_to_json.
domain::AttemptResult result_from_json(const std::string& text);

}  // namespace exam::storage::sql
