#pragma once
// Reading ids from path segments: a malformed id is a 404 (no such thing), not a crash.

#include <charconv>
#include <optional>
#include <string_view>

#include "domain/people.hpp"

namespace exam::api {

inline std::optional<domain::Id> parse_id(std::string_view text) {
    domain::Id id = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) return std::nullopt;
    return id;
}

}  // namespace exam::api
