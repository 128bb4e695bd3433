#pragma once
// Reading filters from a query string strictly, as JSON bodies are read: an
// unknown or repeated parameter, or a malformed value, is a 400 naming the
// parameter (in the error's `field`), never ignored.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.hpp"
#include "domain/people.hpp"
#include "domain/result.hpp"
#include "net/http_types.hpp"

namespace exam::api {

domain::Error bad_parameter(std::string_view name, std::string message);

class QueryReader {
public:
    explicit QueryReader(const net::HttpRequest& request) : request_(request) {}

    std::optional<std::string> text(std::string_view name, std::size_t max_length = 64);
    std::optional<domain::Id> id(std::string_view name);
    // A UTC date (YYYY-MM-DD) or time (2026-11-25T09:00:00Z). A date given as
    // the end of a range means the whole of that day: its end is the next midnight.
    std::optional<domain::Millis> time(std::string_view name, bool end_of_range);
    std::optional<std::int64_t> integer(std::string_view name, std::int64_t min, std::int64_t max);

    // Any parameter not read is an error; returns the first error found.
    std::optional<domain::Error> finish(std::initializer_list<std::string_view> also_allowed = {});
    void fail(domain::Error e) {
        if (!error_) error_ = std::move(e);
    }

private:
    std::optional<std::string_view> value(std::string_view name);

    const net::HttpRequest& request_;
    std::vector<std::string> read_;
    std::optional<domain::Error> error_;
};

}  // namespace exam::api
