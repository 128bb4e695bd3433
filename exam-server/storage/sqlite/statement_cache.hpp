#pragma once
// Internal to Connection: prepared statements kept between uses, keyed by
// their SQL text, so the hot writes are parsed and planned once per connection.
//
// Thread safety: none; it belongs to one Connection and is used on whichever
// single thread is using that connection.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3_stmt;

namespace exam::storage::sqlite {

class StatementCache {
public:
    // Statements of one SQL text not in use right now. Its address is stable
    // for the cache's lifetime, so a Statement can carry it and return itself.
    using IdleList = std::vector<sqlite3_stmt*>;

    explicit StatementCache(std::size_t capacity) : capacity_(capacity) {}
    ~StatementCache();  // finalizes every idle statement
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;

    // The idle list for `sql`, created on first use; nullptr once `capacity`
    // distinct texts are cached, so SQL built at run time cannot grow it
    // without bound (such statements are prepared per use and finalized).
    IdleList* slot(std::string_view sql);

    std::size_t idle_statements() const;

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
    };

    std::size_t capacity_;
    std::unordered_map<std::string, IdleList, Hash, std::equal_to<>> slots_;
};

}  // namespace exam::storage::sqlite
