#include "net/http_types.hpp"

namespace exam::net {

std::string_view HttpRequest::header(std::string_view lower_name) const {
    for (const auto& [name, value] : headers) {
        if (name == lower_name) return value;
    }
    return {};
}

std::optional<std::string_view> HttpRequest::query_param(std::string_view name) const {
    for (const auto& [key, value] : query) {
        if (key == name) return value;
    }
    return std::nullopt;
}

}  // namespace exam::net
