#include "storage/migration.hpp"

#include <algorithm>

namespace exam::storage {

std::vector<const Migration*> in_version_order(std::span<const Migration> migrations) {
    std::vector<const Migration*> ordered;
    for (const Migration& migration : migrations) {
        if (migration.version <= 0) {
            throw std::invalid_argument("migration \"" + migration.name + "\" has a version below 1");
        }
        ordered.push_back(&migration);
    }
    std::sort(ordered.begin(), ordered.end(), [](const Migration* a, const Migration* b) { return a->version < b->version; });
    const auto repeated = std::adjacent_find(ordered.begin(), ordered.end(), [](const Migration* a, const Migration* b) {
        return a->version == b->version;
    });
    if (repeated != ordered.end()) {
        throw std::invalid_argument("two migrations have version " + std::to_string((*repeated)->version));
    }
    return ordered;
}

void check_history(const std::map<int, std::string>& recorded, const std::vector<const Migration*>& known) {
    if (recorded.empty()) return;
    const int newest_recorded = recorded.rbegin()->first;
    const int newest_known = known.empty() ? 0 : known.back()->version;
    if (newest_recorded > newest_known) {
        throw MigrationError("the database is at schema version " + std::to_string(newest_recorded) +
                             ", newer than this build knows (" + std::to_string(newest_known) +
                             "): it was written by a newer exam-server; run that version or a later one");
    }
    for (const auto& [version, name] : recorded) {
        const auto match = std::find_if(known.begin(), known.end(), [&](const Migration* m) { return m->version == version; });
        if (match == known.end()) {
            throw MigrationError("the database records migration " + std::to_string(version) + " (\"" + name +
                                 "\"), which this build does not have");
        }
        if ((*match)->name != name) {
            throw MigrationError("migration " + std::to_string(version) + " is \"" + name +
                                 "\" in the database but \"" + (*match)->name + "\" in this build");
        }
    }
    for (const Migration* migration : known) {
        if (migration->version < newest_recorded && !recorded.contains(migration->version)) {
            throw MigrationError("migration " + std::to_string(migration->version) + " (\"" + migration->name +
                                 "\") is older than the database's schema version " +
                                 std::to_string(newest_recorded) + " but was never applied to it");
        }
    }
}

}  // namespace exam::storage
