#pragma once
// What one node tells the others it changed, so they re-read what they cache
// (issue 12): an attempt's row, a revoked token. On SQLite there is one node
// and nothing to tell; on PostgreSQL it goes by NOTIFY (pg_change_listener.hpp).

#include <functional>
#include <string>

namespace exam::storage {

struct Change {
    std::string topic;  // "attempt", "token"
    std::string key;    // the attempt's id, the token's hash
};

struct ChangeHandlers {
    std::function<void(const Change&)> changed;  // a change committed on another node
    std::function<void()> resync;                // changes may have been missed: re-read everything cached
};

}  // namespace exam::storage
