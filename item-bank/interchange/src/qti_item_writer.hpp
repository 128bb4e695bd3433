#pragma once
// One item as a QTI 2.1 or 3.0 assessment item file: a choice interaction
// (shuffle, min/max choices, the key as correctResponse, weights as a mapping
// bounded to 0..1), the stem as the body, option feedback inline in each
// choice, general feedback as modal feedback and the rationale as a rubric
// block for scorers, which candidates are never shown.

#include <string>
#include <vector>

#include "item_bank/item.hpp"
#include "item_interchange/item_export.hpp"

namespace item_interchange::detail {

// An NCName for QTI identifiers: the item id itself when it is one (ids start
// with a letter in this bank), else the id behind "I-".
std::string qti_identifier(const std::string& item_id);

// Pictures are written as <img> after the stem's text and in their choice,
// with src `media_folder` + the media name (the package's media/, seen from
// the item file).
std::string qti_item_xml(const item_bank::Item& item, bool v3, std::vector<ExportWarning>& warnings,
                         const std::string& media_folder = "../media/");

}  // namespace item_interchange::detail
