#pragma once
// The whole item bank in memory, as loaded from its files: specifications,
// items and test specifications, with every cross-reference checked.

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "item_bank/diagnostic.hpp"
#include "item_bank/item.hpp"
#include "item_bank/item_media.hpp"
#include "item_bank/qualification.hpp"
#include "item_bank/test_specification.hpp"

namespace item_bank {

class Bank {
public:
    const Unit* unit(const std::string& code) const;
    const Qualification* qualification(const std::string& id) const;
    const Item* item(const std::string& id) const;
    const TestSpecification* test_specification(const std::string& unit_code) const;
    // A picture some item shows, by its file name; loaded and checked with the bank.
    const MediaFile* media(std::string_view name) const;

    const std::vector<Unit>& units() const { return units_; }
    const std::vector<Qualification>& qualifications() const { return qualifications_; }
    const std::vector<Item>& items() const { return items_; }
    const std::vector<TestSpecification>& test_specifications() const { return test_specifications_; }

    std::vector<const Item*> items_of_unit(const std::string& unit_code) const;
    // Qualifications whose rules of combination include the unit.
    std::vector<const Qualification*> qualifications_containing(const std::string& unit_code) const;

private:
    friend class BankBuilder;
    std::vector<Unit> units_;
    std::vector<Qualification> qualifications_;
    std::vector<Item> items_;
    std::vector<TestSpecification> test_specifications_;
    std::map<std::string, std::size_t, std::less<>> unit_index_, qualification_index_, item_index_, spec_index_;
    std::map<std::string, MediaFile, std::less<>> media_;
};

struct LoadResult {
    std::shared_ptr<const Bank> bank;  // null when there were errors: nothing half-loaded
    Diagnostics errors;
    // Live-item rules broken by draft items ("rule options-3-to-6: ..."): not
    // errors, but what stands between each draft and going live.
    Diagnostics draft_rules;
    std::size_t files = 0;
};

// Loads files and folders (recursively, every *.json). Either the whole bank
// loads and checks clean, or `bank` is null and `errors` says why.
LoadResult load_bank(const std::vector<std::filesystem::path>& paths);

// Like load_bank, but with `context` files (specifications the given files
// refer to) loaded alongside; errors are reported for both.
LoadResult load_bank_with_context(const std::vector<std::filesystem::path>& paths,
                                  const std::vector<std::filesystem::path>& context);

// Whether any JSON file under the paths is a qualification specification (so
// items and tests given alone can be checked against the bundled ones).
bool holds_specifications(const std::vector<std::filesystem::path>& paths);

}  // namespace item_bank
