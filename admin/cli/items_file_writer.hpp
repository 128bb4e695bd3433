#pragma once
// Writes imported items in the bank's own items/1 format, so that
// `exam-admin validate` and the bank loader read them like any other file.

#include <filesystem>
#include <string>
#include <vector>

#include "item_bank/item.hpp"

namespace exam_admin {

std::string items_file_json(const std::string& unit, const std::vector<item_bank::Item>& items);

// Writes through a temporary file renamed into place, so a failed write never
// leaves a half-written file behind. Returns an error message, or "".
std::string write_file_atomically(const std::filesystem::path& path, const std::string& content);

}  // namespace exam_admin
