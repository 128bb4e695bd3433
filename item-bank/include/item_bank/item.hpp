#pragma once
// A multiple-choice item: one unit, one or more of its assessment criteria,
// single or multiple response, versioned and with a review status; optionally
// weighted options (partial and negative credit) and where it was imported from.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace item_bank {

enum class ItemStatus { draft, reviewed, live, retired };
enum class ResponseType { single, multiple };

// A picture in a stem or an option: a media file of the bank, named by the
// SHA-256 of its bytes ("<64 hex>.png"), so identical pictures are stored once
// and a changed picture is a different file (see item_media.hpp).
struct ItemImage {
    std::string media;  // the file name in the bank's media folder
    std::string alt;    // what the picture shows, for those who cannot see it
};

struct ItemOption {
    std::string id;    // "A".."Z"
    std::string text;  // safe text; may be empty when the option is a picture
    // Share of the item's mark this option earns when chosen, -1 to 1. Absent
    // on every option: the item is marked right or wrong against its key.
    std::optional<double> weight = std::nullopt;
    std::string feedback = {};  // safe text for authors and reviews; never shown in a sitting
    std::optional<ItemImage> image = std::nullopt;
};

// Where an imported item came from, so a re-import of the same source item
// updates it (a new version) instead of duplicating it.
struct ItemSource {
    std::string format;      // "gift", "moodle-xml", "qti21", "qti22", "qti30"
    std::string identifier;  // the source's own id, title or position
    std::string file;        // the file name it was imported from
};

struct Item {
    std::string id;
    int version = 1;
    ItemStatus status = ItemStatus::draft;
    ResponseType type = ResponseType::single;
    std::string unit;                   // unit code
    std::vector<std::string> criteria;  // assessment criterion numbers; the first is primary
    std::string stem;                   // safe text
    std::optional<ItemImage> image;     // shown after the stem's text
    std::vector<ItemOption> options;
    std::vector<std::string> key;  // option ids
    int choose = 1;                // how many options a candidate must choose
    std::string rationale;
    bool shuffle_options = true;
    std::string feedback;  // general feedback kept from an import (safe text)
    std::optional<ItemSource> source;
    std::string source_file;  // the bank file it was loaded from

    const ItemOption* option(std::string_view option_id) const;
    bool is_key(std::string_view option_id) const;
    bool weighted() const;  // whether any option carries a weight
    // Every media file the item shows (stem first, then options in order).
    std::vector<std::string> media() const;
    // Learning outcome number of the primary criterion ("2" for "2.3").
    std::string primary_outcome() const;
};

// Every field that a candidate sees or that marking uses, in one unambiguous
// string: two versions differ exactly when their canonical texts differ. The
// server keeps a digest of it for every version it has delivered, so an item
// edited without a new version number is caught.
std::string canonical_item_text(const Item& item);

// The share of the item's mark (0 to 1) a response earns. Unweighted items:
// 1 exactly when the chosen options are the key. Weighted items: the sum of
// the chosen options' weights, floored at 0 and capped at 1.
double response_credit(const Item& item, const std::vector<std::string>& selected);

std::string_view to_string(ItemStatus s);
std::string_view to_string(ResponseType t);

}  // namespace item_bank
