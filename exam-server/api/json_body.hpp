#pragma once
// Reading a JSON request body strictly: the right Content-Type, valid JSON, an
// object, known members only, each of the expected type and range. The first
// problem becomes the reply, naming the field as a JSON Pointer.

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"
#include "net/http_types.hpp"

namespace exam::api {

class JsonObjectReader {
public:
    JsonObjectReader(const boost::json::object& object, std::string pointer)
        : object_(object), pointer_(std::move(pointer)) {}

    std::optional<std::string> string(std::string_view key, bool required, std::size_t max_length = 200);
    std::optional<std::int64_t> integer(std::string_view key, bool required, std::int64_t min, std::int64_t max);
    std::optional<bool> boolean(std::string_view key, bool required);
    std::optional<std::vector<std::string>> string_array(std::string_view key, bool required, std::size_t max_items,
                                                         std::size_t max_length = 200);
    std::optional<std::vector<std::int64_t>> integer_array(std::string_view key, bool required, std::size_t max_items);
    const boost::json::array* array(std::string_view key, bool required, std::size_t max_items);
    // A nested object, for another reader.
    const boost::json::object* object(std::string_view key, bool required);

    std::string child(std::string_view key) const;
    // Unknown members become the error; returns the first error found, if any.
    std::optional<domain::Error> finish();
    bool failed() const { return error_.has_value(); }
    void fail(domain::Error e) {
        if (!error_) error_ = std::move(e);
    }

private:
    const boost::json::value* member(std::string_view key, bool required);

    const boost::json::object& object_;
    std::string pointer_;
    std::set<std::string, std::less<>> known_;
    std::optional<domain::Error> error_;
};

// Checks Content-Type and parses; the value is an object.
domain::Result<boost::json::value> parse_json_body(const net::HttpRequest& request);

}  // namespace exam::api
