#pragma once
// The rules every item must keep, shared by the file loader and (later) the
// server's authoring API so both refuse the same things in the same words.

#include <string>
#include <vector>

#include "item_bank/item.hpp"
#include "item_bank/qualification.hpp"

namespace item_bank {

struct ItemProblem {
    std::string pointer;  // JSON Pointer relative to the item ("/options/2/text")
    std::string message;
    // The name of the live-item rule broken ("options-3-to-6"), or empty for a
    // problem no item may have. A draft may break live-item rules: that is
    // how imported true/false, unmapped or odd-sized items enter the bank.
    std::string rule = {};
};

// `unit` may be null when the item's unit is unknown; that is itself reported.
// Reports every problem, live-item rules included, whatever the item's status.
std::vector<ItemProblem> validate_item(const Item& item, const Unit* unit);

// Whether the problem stops the item loading: every problem does, except a
// broken live-item rule on a draft.
bool blocks_item(const Item& item, const ItemProblem& problem);

// Folds case and white space so "The  Manager" and "the manager" compare equal.
std::string normalise_for_comparison(std::string_view text);

}  // namespace item_bank
