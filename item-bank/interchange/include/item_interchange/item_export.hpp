#pragma once
// Writing a unit's items (and its test, or one form) for other systems: QTI 3.0
// and QTI 2.1 content packages and Moodle XML. Whatever the target cannot hold
// is a warning in the result, never dropped silently. The output is the same
// bytes for the same input, so an export can be compared and versioned.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "item_bank/item.hpp"
#include "item_bank/qualification.hpp"
#include "item_bank/test_specification.hpp"

namespace item_interchange {

enum class ExportFormat { qti30, qti21, moodle_xml };

std::optional<ExportFormat> export_format_named(std::string_view name);  // "qti30", "qti21", "moodle-xml"
std::string_view to_string(ExportFormat format);

struct ExportInput {
    const item_bank::Unit* unit = nullptr;       // required: its code, title, outcomes and criteria
    std::vector<const item_bank::Item*> items;   // written in this order
    const item_bank::TestSpecification* test = nullptr;  // the unit's, when it has one
    const item_bank::Form* form = nullptr;       // with --form: the test written is this form
    // The bytes of a picture the items show, by media name; null when it has
    // none (the picture is then a warning, not a broken reference).
    std::function<std::shared_ptr<const std::string>(const std::string& name)> media;
};

struct ExportWarning {
    std::string item;     // the item id, "" for the file or the test as a whole
    std::string message;  // what the target cannot hold, and what was written instead
};

struct ExportResult {
    std::string bytes;  // the file: a .zip for QTI, XML for Moodle
    std::size_t items = 0;
    std::size_t tests = 0;
    std::vector<ExportWarning> warnings;
};

ExportResult export_items(const ExportInput& input, ExportFormat format);

// The two writers behind export_items.
ExportResult write_moodle_xml(const ExportInput& input);
ExportResult write_qti_package(const ExportInput& input, ExportFormat version);  // qti30 or qti21

// The Moodle tag that says a multiple-response question is marked right or
// wrong as a whole (this bank's unweighted marking), not key by key.
inline constexpr std::string_view all_or_nothing_tag = "all-or-nothing";

}  // namespace item_interchange
