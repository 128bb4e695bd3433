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
};

// `unit` may be null when the item's unit is unknown; that is itself reported.
std::vector<ItemProblem> validate_item(const Item& item, const Unit* unit);

// Folds case and white space so "The  Manager" and "the manager" compare equal.
std::string normalise_for_comparison(std::string_view text);

}  // namespace item_bank
