#include "api/query_params.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

namespace exam::api {

domain::Error bad_parameter(std::string_view name, std::string message) {
    return domain::Error{400, "invalid_parameter", std::move(message), std::string(name)};
}

std::optional<std::string_view> QueryReader::value(std::string_view name) {
    read_.emplace_back(name);
    std::optional<std::string_view> found;
    for (const auto& [key, v] : request_.query) {
        if (key != name) continue;
        if (found) {
            fail(bad_parameter(name, "given more than once"));
            return std::nullopt;
        }
        found = v;
    }
    return found;
}

std::optional<std::string> QueryReader::text(std::string_view name, std::size_t max_length) {
    auto v = value(name);
    if (!v) return std::nullopt;
    if (v->empty() || v->size() > max_length) {
        fail(bad_parameter(name, "expected 1 to " + std::to_string(max_length) + " characters"));
        return std::nullopt;
    }
    return std::string(*v);
}

std::optional<std::int64_t> QueryReader::integer(std::string_view name, std::int64_t min, std::int64_t max) {
    auto v = value(name);
    if (!v) return std::nullopt;
    std::int64_t n = 0;
    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (ec != std::errc() || ptr != v->data() + v->size() || n < min || n > max) {
        fail(bad_parameter(name, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max)));
        return std::nullopt;
    }
    return n;
}

std::optional<domain::Id> QueryReader::id(std::string_view name) {
    return integer(name, 1, std::numeric_limits<std::int64_t>::max());
}

std::optional<domain::Millis> QueryReader::time(std::string_view name, bool end_of_range) {
    auto v = value(name);
    if (!v) return std::nullopt;
    const std::string text(*v);
    domain::Millis t = 0;
    if (text.size() == 10 && domain::parse_utc(text + "T00:00:00Z", t)) {
        return end_of_range ? t + 24LL * 3600 * 1000 : t;
    }
    if (text.size() > 10 && text.back() == 'Z' && domain::parse_utc(text, t)) return t;
    fail(bad_parameter(name, "expected a UTC date (2026-11-25) or time (2026-11-25T09:00:00Z)"));
    return std::nullopt;
}

std::optional<domain::Error> QueryReader::finish(std::initializer_list<std::string_view> also_allowed) {
    if (error_) return error_;
    for (const auto& [key, v] : request_.query) {
        const bool known = std::find(read_.begin(), read_.end(), key) != read_.end() ||
                           std::find(also_allowed.begin(), also_allowed.end(), key) != also_allowed.end();
        if (!known) return bad_parameter(key, "unknown parameter");
    }
    return std::nullopt;
}

}  // namespace exam::api
