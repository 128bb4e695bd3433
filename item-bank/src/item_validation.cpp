#include "item_bank/item_validation.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "item_bank/diagnostic.hpp"
#include "item_bank/safe_text.hpp"

namespace item_bank {
namespace {

constexpr std::size_t min_options = 3;
constexpr std::size_t max_options = 6;

bool valid_item_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    });
}

bool valid_option_id(const std::string& id) { return id.size() == 1 && id[0] >= 'A' && id[0] <= 'Z'; }

void check_safe_text(std::vector<ItemProblem>& out, const std::string& pointer, const std::string& text) {
    auto parsed = parse_safe_text(text);
    if (auto* err = std::get_if<SafeTextError>(&parsed)) {
        out.push_back({pointer, err->message + " (at character " + std::to_string(err->offset + 1) + ")"});
    }
}

// A weighted item must still give full credit to its key and only to it:
// otherwise the key a reviewer reads and the marks a candidate gets disagree.
void check_weights(std::vector<ItemProblem>& out, const Item& item) {
    if (!item.weighted()) return;
    double key_sum = 0;
    for (std::size_t i = 0; i < item.options.size(); ++i) {
        const auto& o = item.options[i];
        if (!o.weight) {
            out.push_back({pointer_append("/options", i) + "/weight",
                           "a weighted item gives every option a weight (0 for none)"});
            return;
        }
        if (item.is_key(o.id)) {
            key_sum += *o.weight;
            if (*o.weight <= 0) {
                out.push_back({pointer_append("/options", i) + "/weight", "a key earns a positive weight",
                               "weights-full-credit"});
            }
        }
    }
    if (std::abs(key_sum - 1.0) > 1e-6) {
        out.push_back({"/options", "the key's weights add up to " + std::to_string(key_sum) + ", expected 1 (full credit)",
                       "weights-full-credit"});
    }
}

// The file itself is checked where it is found (the bank loader, an import);
// here what the item says of it.
void check_image(std::vector<ItemProblem>& out, const std::string& pointer, const std::optional<ItemImage>& image) {
    if (!image) return;
    if (image->alt.find_first_not_of(" \t\r\n") == std::string::npos) {
        out.push_back({pointer + "/alt", "a picture needs alt text saying what it shows, for candidates who cannot see it",
                       "image-alt"});
    }
}

}  // namespace

bool blocks_item(const Item& item, const ItemProblem& problem) {
    return !(item.status == ItemStatus::draft && !problem.rule.empty());
}

std::string normalise_for_comparison(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        const auto uc = static_cast<unsigned char>(c);
        if (std::isspace(uc)) {
            space = !out.empty();
            continue;
        }
        if (c == '*') continue;  // markup does not make two texts different
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(uc));
    }
    return out;
}

std::vector<ItemProblem> validate_item(const Item& item, const Unit* unit) {
    std::vector<ItemProblem> out;
    if (!valid_item_id(item.id)) {
        out.push_back({"/id", "expected 1 to 64 letters, digits, '-' or '_'"});
    }
    if (item.version < 1) out.push_back({"/version", "expected a version number of 1 or more"});

    if (unit == nullptr) {
        out.push_back({"/unit", "unit '" + item.unit + "' is not defined in any qualification specification"});
    }
    if (item.criteria.empty()) {
        out.push_back({"/criteria", "needs mapping: expected at least one assessment criterion of the unit", "mapped"});
    }
    std::set<std::string> seen_criteria;
    for (std::size_t i = 0; i < item.criteria.size(); ++i) {
        const auto& c = item.criteria[i];
        const std::string ptr = pointer_append("/criteria", i);
        if (!seen_criteria.insert(c).second) {
            out.push_back({ptr, "criterion " + c + " is listed twice"});
        } else if (unit != nullptr && unit->criterion(c) == nullptr) {
            out.push_back({ptr, "unit " + unit->code + " has no assessment criterion " + c});
        }
    }

    check_safe_text(out, "/stem", item.stem);
    check_image(out, "/image", item.image);
    if (!item.feedback.empty()) check_safe_text(out, "/feedback", item.feedback);

    if (item.options.size() < min_options || item.options.size() > max_options) {
        out.push_back(
            {"/options", "expected 3 to 6 options, found " + std::to_string(item.options.size()), "options-3-to-6"});
    }
    std::set<std::string> option_ids, option_texts;
    for (std::size_t i = 0; i < item.options.size(); ++i) {
        const auto& o = item.options[i];
        const std::string ptr = pointer_append("/options", i);
        if (!valid_option_id(o.id)) {
            out.push_back({ptr + "/id", "expected a single capital letter A to Z"});
        } else if (!option_ids.insert(o.id).second) {
            out.push_back({ptr + "/id", "option id " + o.id + " is used twice"});
        }
        if (o.text.find_first_not_of(" \t\r\n") == std::string::npos && !o.image) {
            out.push_back({ptr + "/text", "an option needs text, a picture or both"});
        } else if (!o.text.empty()) {
            check_safe_text(out, ptr + "/text", o.text);
        }
        check_image(out, ptr + "/image", o.image);
        if (!o.feedback.empty()) check_safe_text(out, ptr + "/feedback", o.feedback);
        // Two options differ when their text or their picture does.
        const std::string norm = normalise_for_comparison(o.text) + (o.image ? "\n" + o.image->media : "");
        if (!norm.empty() && !option_texts.insert(norm).second) {
            out.push_back({ptr + "/text", "two options have the same text", "distinct-options"});
        }
        if (o.weight && (*o.weight < -1.0 || *o.weight > 1.0)) {
            out.push_back({ptr + "/weight", "expected a weight from -1 to 1 (a share of the item's mark)"});
        }
    }
    check_weights(out, item);

    std::set<std::string> keys;
    for (std::size_t i = 0; i < item.key.size(); ++i) {
        const auto& k = item.key[i];
        const std::string ptr = pointer_append("/key", i);
        if (!keys.insert(k).second) {
            out.push_back({ptr, "key " + k + " is listed twice"});
        } else if (item.option(k) == nullptr) {
            out.push_back({ptr, "the key names option " + k + ", which the item does not have"});
        }
    }
    if (item.type == ResponseType::single) {
        if (item.key.size() != 1) {
            out.push_back({"/key", "a single-response item has exactly one key, found " + std::to_string(item.key.size()),
                           "single-one-key"});
        }
    } else {
        if (item.key.size() < 2) {
            out.push_back({"/key", "a multiple-response item has at least two keys (use type \"single\" for one)",
                           "multiple-keys"});
        } else if (item.key.size() >= item.options.size()) {
            out.push_back({"/key", "a multiple-response item needs at least one option that is not a key", "multiple-keys"});
        }
        if (item.choose != static_cast<int>(item.key.size())) {
            out.push_back({"/choose", "expected choose to equal the number of keys (" + std::to_string(item.key.size()) +
                                          "), found " + std::to_string(item.choose),
                           "choose-equals-keys"});
        }
    }

    const bool reviewed_or_later = item.status != ItemStatus::draft;
    if (reviewed_or_later && item.rationale.find_first_not_of(" \n") == std::string::npos) {
        out.push_back({"/rationale", "a " + std::string(to_string(item.status)) +
                                         " item needs a rationale saying why the key is right"});
    }
    return out;
}

}  // namespace item_bank
