#pragma once
// Reading ids from path segments: a malformed id is a 404 (no such thing), not a crash.

#include <charconv>
#include <optional>
#include <string_view>

#include "api/api_context.hpp"
#include "domain/people.hpp"

namespace exam::api {

inline std::optional<domain::Id> parse_id(std::string_view text) {
    domain::Id id = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) return std::nullopt;
    return id;
}

// The id in path segment {name}; answers 404 itself when it is not one.
inline std::optional<domain::Id> id_param(const RouteParams& params, const char* name, const net::Responder& respond) {
    auto id = parse_id(params.get(name));
    if (!id) respond(error_response(domain::not_found(std::string("no such ") + name)));
    return id;
}

}  // namespace exam::api
