#include "json_reader.hpp"

#include <boost/json.hpp>

namespace item_bank::detail {
namespace json = boost::json;

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

ObjectReader::ObjectReader(const json::value& value, std::string pointer, FileContext& ctx)
    : pointer_(std::move(pointer)), ctx_(ctx) {
    object_ = value.if_object();
    if (object_ == nullptr) ctx_.error(pointer_, "expected an object, found " + std::string(kind_name(value)));
}

const json::value* ObjectReader::member(std::string_view key, Presence presence) {
    known_.emplace(key);
    if (object_ == nullptr) return nullptr;
    const json::value* v = object_->if_contains(key);
    if (v == nullptr && presence == Presence::required) {
        ctx_.error(pointer_, "missing required member \"" + std::string(key) + "\"");
    }
    return v;
}

std::optional<std::string> ObjectReader::text(std::string_view key, Presence presence) {
    const json::value* v = member(key, presence);
    if (v == nullptr) return std::nullopt;
    const json::string* s = v->if_string();
    if (s == nullptr) {
        ctx_.error(child(key), "expected a string, found " + std::string(kind_name(*v)));
        return std::nullopt;
    }
    if (s->find_first_not_of(" \t\r\n") == json::string::npos) {
        ctx_.error(child(key), "expected text, found an empty string");
        return std::nullopt;
    }
    return std::string(*s);
}

std::optional<std::string> ObjectReader::token(std::string_view key, bool (*valid)(std::string_view),
                                               const char* expected, Presence presence) {
    const json::value* v = member(key, presence);
    if (v == nullptr) return std::nullopt;
    const json::string* s = v->if_string();
    if (s == nullptr || !valid(*s)) {
        ctx_.error(child(key), std::string("expected ") + expected + ", found " +
                                   (s ? "\"" + std::string(*s) + "\"" : std::string(kind_name(*v))));
        return std::nullopt;
    }
    return std::string(*s);
}

std::optional<std::string> ObjectReader::one_of(std::string_view key, const std::vector<std::string_view>& allowed,
                                                Presence presence) {
    const json::value* v = member(key, presence);
    if (v == nullptr) return std::nullopt;
    const json::string* s = v->if_string();
    if (s != nullptr) {
        for (auto a : allowed) {
            if (*s == a) return std::string(a);
        }
    }
    std::string list;
    for (std::size_t i = 0; i < allowed.size(); ++i) {
        if (i > 0) list += i + 1 == allowed.size() ? " or " : ", ";
        list += "\"" + std::string(allowed[i]) + "\"";
    }
    ctx_.error(child(key), "expected " + list + ", found " + (s ? "\"" + std::string(*s) + "\"" : std::string(kind_name(*v))));
    return std::nullopt;
}

namespace {
std::optional<std::int64_t> as_integer(const json::value& v) {
    if (auto* i = v.if_int64()) return *i;
    if (auto* u = v.if_uint64()) {
        if (*u <= static_cast<std::uint64_t>(INT64_MAX)) return static_cast<std::int64_t>(*u);
    }
    return std::nullopt;
}
}  // namespace

std::optional<int> ObjectReader::integer(std::string_view key, int min, int max, Presence presence) {
    const json::value* v = member(key, presence);
    if (v == nullptr) return std::nullopt;
    auto i = as_integer(*v);
    if (!i || *i < min || *i > max) {
        ctx_.error(child(key), "expected an integer from " + std::to_string(min) + " to " + std::to_string(max) +
                                   ", found " + (i ? std::to_string(*i) : std::string(kind_name(*v))));
        return std::nullopt;
    }
    return static_cast<int>(*i);
}

std::optional<double> ObjectReader::number(std::string_view key, double min, double max, const char* expected,
                                           Presence presence) {
    const json::value* v = member(key, presence);
    if (v == nullptr) return std::nullopt;
    if (!v->is_number()) {
        ctx_.error(child(key), std::string("expected ") + expected + ", found " + std::string(kind_name(*v)));
        return std::nullopt;
    }
    const double d = v->to_number<double>();
    if (d < min || d > max) {
        ctx_.error(child(key), std::string("expected ") + expected + ", found " + json::serialize(*v));
        return std::nullopt;
    }
    return d;
}

bool ObjectReader::integer_or_null(std::string_view key, int min, int max, std::optional<int>& out) {
    const json::value* v = member(key, Presence::required);
    if (v == nullptr) return false;
    if (v->is_null()) {
        out.reset();
        return true;
    }
    auto i = as_integer(*v);
    if (!i || *i < min || *i > max) {
        ctx_.error(child(key), "expected null or an integer from " + std::to_string(min) + " to " + std::to_string(max) +
                                   ", found " + (i ? std::to_string(*i) : std::string(kind_name(*v))));
        return false;
    }
    out = static_cast<int>(*i);
    return true;
}

std::optional<bool> ObjectReader::boolean(std::string_view key, Presence presence) {
    const json::value* v = member(key, presence);
    if (v == nullptr) return std::nullopt;
    if (!v->is_bool()) {
        ctx_.error(child(key), "expected true or false, found " + std::string(kind_name(*v)));
        return std::nullopt;
    }
    return v->get_bool();
}

const json::array* ObjectReader::array(std::string_view key, Presence presence) {
    const json::value* v = member(key, presence);
    if (v == nullptr) return nullptr;
    const json::array* a = v->if_array();
    if (a == nullptr) ctx_.error(child(key), "expected an array, found " + std::string(kind_name(*v)));
    return a;
}

std::optional<std::vector<std::string>> ObjectReader::string_list(std::string_view key, Presence presence,
                                                                  std::size_t min_size) {
    const json::array* a = array(key, presence);
    if (a == nullptr) return std::nullopt;
    const std::string ptr = child(key);
    if (a->size() < min_size) {
        ctx_.error(ptr, "expected at least " + std::to_string(min_size) + " entries, found " + std::to_string(a->size()));
        return std::nullopt;
    }
    std::vector<std::string> out;
    bool ok = true;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const json::string* s = (*a)[i].if_string();
        if (s == nullptr || s->empty()) {
            ctx_.error(pointer_append(ptr, i), "expected a non-empty string, found " +
                                                   (s ? std::string("an empty string") : std::string(kind_name((*a)[i]))));
            ok = false;
            continue;
        }
        if (std::find(out.begin(), out.end(), std::string_view(*s)) != out.end()) {
            ctx_.error(pointer_append(ptr, i), "\"" + std::string(*s) + "\" is listed twice");
            ok = false;
            continue;
        }
        out.emplace_back(*s);
    }
    if (!ok) return std::nullopt;
    return out;
}

void ObjectReader::reject_unknown() {
    if (object_ == nullptr) return;
    for (const auto& kv : *object_) {
        const std::string_view k = kv.key();
        if (k.starts_with("x_") || known_.count(k)) continue;
        ctx_.error(child(k), "unknown member \"" + std::string(k) + "\"");
    }
}

}  // namespace item_bank::detail
