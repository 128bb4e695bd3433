#pragma once
// A unit's test specification (length, duration, pass mark, blueprint) and the
// forms candidates sit: fixed forms authored in the bank, or forms drawn per candidate.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace item_bank {

struct BlueprintEntry {
    std::string learning_outcome;  // "1"
    int min_items = 1;
    int max_items = 1;
};

enum class ReleasePolicy { immediate, held };
enum class FormStatus { draft, published };

struct FormItem {
    std::string item_id;
    int version = 1;
    // The order options are presented in; empty on a fixed form until it is
    // presented to a candidate (then authored or drawn order is recorded).
    std::vector<std::string> option_order;
};

struct Form {
    std::string id;
    std::string unit;
    FormStatus status = FormStatus::draft;
    std::vector<FormItem> items;
    std::optional<std::uint64_t> seed;  // set on drawn or presented forms
};

struct TestSpecification {
    std::string unit;
    int item_count = 0;
    int duration_minutes = 0;
    int pass_mark = 0;
    std::vector<BlueprintEntry> blueprint;
    bool shuffle_items = true;
    bool shuffle_options = true;
    ReleasePolicy release = ReleasePolicy::immediate;
    std::vector<Form> forms;
    std::string source_file;

    const BlueprintEntry* entry(const std::string& learning_outcome) const;
};

std::string_view to_string(ReleasePolicy p);
std::string_view to_string(FormStatus s);

}  // namespace item_bank
