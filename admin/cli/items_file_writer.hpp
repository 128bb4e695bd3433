#pragma once
// Writes imported items in the bank's own items/1 format, so that
// `exam-admin validate` and the bank loader read them like any other file.

#include <filesystem>
#include <string>
#include <vector>

#include "item_bank/item.hpp"

namespace exam_admin {

std::string items_file_json(const std::string& unit, const std::vector<item_bank::Item>& items);

// Merges freshly imported items into an items/1 file written by an earlier
// import (`existing`, empty when there is none): an item from the same source
// (format and identifier) keeps its id and gets the next version if anything
// changed, the same version if nothing did; other items of the file are kept.
// Returns the new file text, or "" with `error` set when `existing` is not an
// items/1 file of the same unit (it is then left alone).
std::string merge_items_file(const std::string& existing, const std::string& unit, std::vector<item_bank::Item> items,
                             std::string& error);

// Writes through a temporary file renamed into place, so a failed write never
// leaves a half-written file behind. Returns an error message, or "".
std::string write_file_atomically(const std::filesystem::path& path, const std::string& content);

}  // namespace exam_admin
