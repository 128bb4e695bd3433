#pragma once
// Imported items in the bank's own items/1 format, so that `exam-admin
// validate` and the bank loader read them like any other file: written for a
// dry-run-free import (exam-admin import --out), merged into an earlier
// import's file, or made ready to join a bank folder (the server's confirm).

#include <string>
#include <string_view>
#include <vector>

#include "item_bank/bank.hpp"
#include "item_bank/item.hpp"

namespace item_interchange {

std::string items_file_json(const std::string& unit, const std::vector<item_bank::Item>& items);

// Merges freshly imported items into an items/1 file written by an earlier
// import (`existing`, empty when there is none): an item from the same source
// (format and identifier) keeps its id and gets the next version if anything
// changed, the same version if nothing did; other items of the file are kept.
// Returns the new file text, or "" with `error` set when `existing` is not an
// items/1 file of the same unit (it is then left alone).
std::string merge_items_file(const std::string& existing, const std::string& unit, std::vector<item_bank::Item> items,
                             std::string& error);

// An items/1 file (as items_file_json wrote it) made ready to be a new file of
// `bank`'s folder: every item a draft (a person reviews an import before any
// of it goes live); an id the bank (or an earlier item of the file) already
// holds gets the first free "-2", "-3"… suffix, so the bank still loads; an
// item whose source (format and identifier) the bank already holds is left
// out, never duplicated: updating it is a re-import with `exam-admin import --out`.
struct BankAddition {
    std::string text;  // the file, "" when `error` is set or no item is left to write
    std::size_t items = 0;
    struct Renamed {
        std::string from, to;
    };
    std::vector<Renamed> renamed;
    struct AlreadyInBank {
        std::string source_id, item_id;  // the source's identifier, the bank item holding it
    };
    std::vector<AlreadyInBank> already_in_bank;
    std::string error;  // the text is not an items/1 file
};
BankAddition items_file_for_bank(std::string_view items_json, const item_bank::Bank& bank);

}  // namespace item_interchange
