#pragma once
// The item bank's folder on disk (--bank, or the bundled item-bank/data): the
// one place confirmed imports are written, each as a new items file under
// items/ that the bank loader reads at the next start like any other.
//
// Nothing is written that would stop the bank loading: the folder is loaded
// as it is now, the new file is checked by loading the folder with it, and
// only then is it put in place (atomically, so a reader or a crash sees the
// whole file or none).
//
// Thread safety: one caller at a time (the import service's own thread).

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/people.hpp"
#include "domain/result.hpp"
#include "item_interchange/items_file.hpp"

namespace exam::services {

struct WrittenItems {
    std::string file;  // relative to the folder: "items/import-7-a-602-1359-3fa94c1e.json"; "" when nothing was left to write
    item_interchange::BankAddition addition;  // what was written, renamed and left out
    std::vector<std::string> new_media;       // pictures written into items/media/ that were not there before
};

class BankFolder {
public:
    explicit BankFolder(std::filesystem::path root) : root_(std::move(root)) {}

    const std::filesystem::path& root() const { return root_; }

    // Writes the import's items (items/1 JSON) as drafts in a new file named
    // after the import, the unit and random characters, so it can collide with
    // no other, and the pictures they show (by media name) into items/media/.
    // A 409 when the folder does not load as it is, a 422 naming the bank's
    // complaints when it would not load with the new file.
    domain::Result<WrittenItems> add_items(std::string_view items_json, const std::string& unit, domain::Id import_id,
                                           const std::map<std::string, std::string>& media = {});
    // Takes back what add_items wrote (when its confirmation could not be recorded).
    void remove(const WrittenItems& written);

private:
    std::filesystem::path root_;
};

}  // namespace exam::services
