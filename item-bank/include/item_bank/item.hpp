#pragma once
// A multiple-choice item: one unit, one or more of its assessment criteria,
// single or multiple response, versioned and with a review status.

#include <string>
#include <string_view>
#include <vector>

namespace item_bank {

enum class ItemStatus { draft, reviewed, live, retired };
enum class ResponseType { single, multiple };

struct ItemOption {
    std::string id;    // "A".."Z"
    std::string text;  // safe text
};

struct Item {
    std::string id;
    int version = 1;
    ItemStatus status = ItemStatus::draft;
    ResponseType type = ResponseType::single;
    std::string unit;                   // unit code
    std::vector<std::string> criteria;  // assessment criterion numbers; the first is primary
    std::string stem;                   // safe text
    std::vector<ItemOption> options;
    std::vector<std::string> key;  // option ids
    int choose = 1;                // how many options a candidate must choose
    std::string rationale;
    bool shuffle_options = true;
    std::string source_file;

    const ItemOption* option(std::string_view option_id) const;
    bool is_key(std::string_view option_id) const;
    // Learning outcome number of the primary criterion ("2" for "2.3").
    std::string primary_outcome() const;
};

// Every field that a candidate sees or that marking uses, in one unambiguous
// string: two versions differ exactly when their canonical texts differ. The
// server keeps a digest of it for every version it has delivered, so an item
// edited without a new version number is caught.
std::string canonical_item_text(const Item& item);

std::string_view to_string(ItemStatus s);
std::string_view to_string(ResponseType t);

}  // namespace item_bank
