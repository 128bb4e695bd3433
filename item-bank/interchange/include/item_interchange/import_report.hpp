#pragma once
// What an import of one file found: every question of the input accounted for,
// as an item (live or draft, with the live-item rules it breaks) or as skipped
// with why, each with its position in the file.

#include <map>
#include <string>
#include <vector>

#include "item_bank/item.hpp"
#include "item_bank/qualification.hpp"

namespace item_interchange {

struct ImportedItem {
    item_bank::Item item;
    std::string position;                  // "line 12" or an XML path: where the question starts
    std::string title;                     // the source's title, if it has one
    std::vector<std::string> source_keys;  // the key as the source names it (choice ids or texts)
    std::vector<std::string> broken_rules; // "options-3-to-6: expected 3 to 6 options, found 2"
    std::vector<std::string> warnings;     // what was dropped or changed on the way
};

struct SkippedQuestion {
    std::string source_id;
    std::string position;
    std::string type;    // "essay", "matching", "short answer", ...
    std::string reason;
};

struct FileReport {
    std::string file;
    std::string format;  // "gift", "moodle-xml", "qti21", "qti22", "qti30"; empty when not recognised
    bool rejected = false;
    std::string error;  // when rejected: names the file and the place inside it
    std::vector<ImportedItem> imported;
    std::vector<SkippedQuestion> skipped;
    std::vector<std::string> warnings;
    // The pictures the imported items show, by media name ("<sha256>.png"),
    // each checked (type by its bytes, size): written beside the items file.
    std::map<std::string, std::string> media;
};

struct ImportOptions {
    std::string unit;                            // --unit: the unit imported items belong to
    const item_bank::Unit* unit_spec = nullptr;  // its definition, when the bank has one
};

// Gives the item its status: live when it keeps every live-item rule, else a
// draft listing the rules it breaks. Returns false (and says why in `reason`)
// when even a draft cannot hold it, so the question must be skipped.
bool settle_status(ImportedItem& imported, const ImportOptions& options, std::string& reason);

// An item id from the source's identifier: letters, digits, '-' and '_' only,
// at most 64 characters, never empty.
std::string item_id_from(const std::string& prefix, const std::string& source_id);

}  // namespace item_interchange
