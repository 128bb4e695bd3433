#include "api/json_body.hpp"

#include <boost/json.hpp>

namespace exam::api {
namespace json = boost::json;

namespace {
std::string_view kind_name(const json::value& v) {
    switch (v.kind()) {
        case json::kind::null: return "null";
        case json::kind::bool_: return "a boolean";
        case json::kind::int64:
        case json::kind::uint64: return "an integer";
        case json::kind::double_: return "a number";
        case json::kind::string: return "a string";
        case json::kind::array: return "an array";
        case json::kind::object: return "an object";
    }
    return "a value";
}
}  // namespace

domain::Result<json::value> parse_json_body(const net::HttpRequest& request) {
    const auto type = request.header("content-type");
    if (type.substr(0, type.find(';')) != "application/json") {
        return domain::Error{415, "unsupported_media_type", "send the body as application/json", {}};
    }
    json::stream_parser parser;
    json::error_code ec;
    const std::size_t consumed = parser.write(request.body.data(), request.body.size(), ec);
    if (!ec) parser.finish(ec);
    if (ec) {
        return domain::Error{400, "malformed_json",
                             "the body is not valid JSON (at byte " + std::to_string(consumed) + ": " + ec.message() + ")",
                             {}};
    }
    json::value v = parser.release();
    if (!v.is_object()) return domain::Error{400, "malformed_json", "the body must be a JSON object", {}};
    return v;
}

std::string JsonObjectReader::child(std::string_view key) const { return pointer_ + "/" + std::string(key); }

const json::value* JsonObjectReader::member(std::string_view key, bool required) {
    known_.emplace(key);
    const json::value* v = object_.if_contains(key);
    if (v == nullptr && required) fail(domain::invalid(child(key), "\"" + std::string(key) + "\" is required"));
    return v;
}

std::optional<std::string> JsonObjectReader::string(std::string_view key, bool required, std::size_t max_length) {
    const json::value* v = member(key, required);
    if (v == nullptr) return std::nullopt;
    const json::string* s = v->if_string();
    if (s == nullptr) {
        fail(domain::invalid(child(key), "expected a string, found " + std::string(kind_name(*v))));
        return std::nullopt;
    }
    if (s->size() > max_length) {
        fail(domain::invalid(child(key), "at most " + std::to_string(max_length) + " characters"));
        return std::nullopt;
    }
    return std::string(*s);
}

std::optional<std::int64_t> JsonObjectReader::integer(std::string_view key, bool required, std::int64_t min,
                                                      std::int64_t max) {
    const json::value* v = member(key, required);
    if (v == nullptr) return std::nullopt;
    std::optional<std::int64_t> n;
    if (v->is_int64()) n = v->get_int64();
    if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) n = static_cast<std::int64_t>(v->get_uint64());
    if (!n || *n < min || *n > max) {
        fail(domain::invalid(child(key), "expected an integer from " + std::to_string(min) + " to " + std::to_string(max) +
                                             (n ? "" : ", found " + std::string(kind_name(*v)))));
        return std::nullopt;
    }
    return n;
}

std::optional<bool> JsonObjectReader::boolean(std::string_view key, bool required) {
    const json::value* v = member(key, required);
    if (v == nullptr) return std::nullopt;
    if (!v->is_bool()) {
        fail(domain::invalid(child(key), "expected true or false, found " + std::string(kind_name(*v))));
        return std::nullopt;
    }
    return v->get_bool();
}

std::optional<std::vector<std::string>> JsonObjectReader::string_array(std::string_view key, bool required,
                                                                       std::size_t max_items, std::size_t max_length) {
    const json::value* v = member(key, required);
    if (v == nullptr) return std::nullopt;
    const json::array* a = v->if_array();
    if (a == nullptr) {
        fail(domain::invalid(child(key), "expected an array, found " + std::string(kind_name(*v))));
        return std::nullopt;
    }
    if (a->size() > max_items) {
        fail(domain::invalid(child(key), "at most " + std::to_string(max_items) + " entries"));
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const json::string* s = (*a)[i].if_string();
        if (s == nullptr || s->size() > max_length) {
            fail(domain::invalid(child(key) + "/" + std::to_string(i), "expected a string of at most " +
                                                                            std::to_string(max_length) + " characters"));
            return std::nullopt;
        }
        out.emplace_back(*s);
    }
    return out;
}

std::optional<std::vector<std::int64_t>> JsonObjectReader::integer_array(std::string_view key, bool required,
                                                                         std::size_t max_items) {
    const json::value* v = member(key, required);
    if (v == nullptr) return std::nullopt;
    const json::array* a = v->if_array();
    if (a == nullptr || a->size() > max_items) {
        fail(domain::invalid(child(key), "expected an array of at most " + std::to_string(max_items) + " integers"));
        return std::nullopt;
    }
    std::vector<std::int64_t> out;
    for (std::size_t i = 0; i < a->size(); ++i) {
        if (!(*a)[i].is_int64()) {
            fail(domain::invalid(child(key) + "/" + std::to_string(i), "expected an integer"));
            return std::nullopt;
        }
        out.push_back((*a)[i].get_int64());
    }
    return out;
}

const json::array* JsonObjectReader::array(std::string_view key, bool required, std::size_t max_items) {
    const json::value* v = member(key, required);
    if (v == nullptr) return nullptr;
    if (!v->is_array()) {
        fail(domain::invalid(child(key), "expected an array, found " + std::string(kind_name(*v))));
        return nullptr;
    }
    if (v->get_array().size() > max_items) {
        fail(domain::invalid(child(key), "at most " + std::to_string(max_items) + " entries"));
        return nullptr;
    }
    return &v->get_array();
}

const json::object* JsonObjectReader::object(std::string_view key, bool required) {
    const json::value* v = member(key, required);
    if (v == nullptr) return nullptr;
    if (!v->is_object()) {
        fail(domain::invalid(child(key), "expected an object, found " + std::string(kind_name(*v))));
        return nullptr;
    }
    return &v->get_object();
}

std::optional<domain::Error> JsonObjectReader::finish() {
    if (!error_) {
        for (const auto& kv : object_) {
            if (!known_.count(kv.key())) {
                fail(domain::invalid(child(kv.key()), "unknown field \"" + std::string(kv.key()) + "\""));
                break;
            }
        }
    }
    return error_;
}

}  // namespace exam::api
