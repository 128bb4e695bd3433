#pragma once
// One unit of a loaded bank exported: its items (any status, in the bank's
// order) with its test specification, or one form's items in the form's order
// with the form as the test. What exam-admin export and exam-server's
// GET /api/v1/bank/export both do, so they write the same bytes.

#include <string>

#include "item_bank/bank.hpp"
#include "item_interchange/item_export.hpp"

namespace item_interchange {

struct UnitExport {
    enum class Failure { none, unknown_unit, unknown_form, not_made };
    Failure failure = Failure::none;
    std::string error;    // for a person, when failure is not none
    ExportResult result;  // a form naming another version than the bank holds is a warning first
};

// `form_id` empty: the whole unit.
UnitExport export_unit(const item_bank::Bank& bank, const std::string& unit, const std::string& form_id,
                       ExportFormat format);

}  // namespace item_interchange
