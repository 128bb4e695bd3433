#include "package_href.hpp"

#include <cctype>
#include <vector>

namespace item_interchange::detail {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}


// "http:", "file:", "c:": a scheme (or a drive letter) before any '/'.
bool has_scheme(std::string_view s) {
    const auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    const auto slash = s.find('/');
    if (slash != std::string_view::npos && slash < colon) return false;
    for (std::size_t i = 0; i < colon; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return false;
    }
    return true;
}

}  // namespace

std::optional<std::string> percent_decoded(std::string_view s, std::string& why) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        const int hi = i + 2 < s.size() ? hex_value(s[i + 1]) : -1, lo = i + 2 < s.size() ? hex_value(s[i + 2]) : -1;
        if (hi < 0 || lo < 0) {
            why = "a malformed percent escape";
            return std::nullopt;
        }
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    if (out.find('\0') != std::string::npos) {
        why = "a NUL character";
        return std::nullopt;
    }
    return out;
}

std::optional<std::string> resolve_href(std::string_view base, std::string_view href, std::string& why) {
    std::string joined;
    for (std::string_view part : {base, href}) {
        // A query or fragment names no other file.
        part = part.substr(0, part.find_first_of("?#"));
        auto decoded = percent_decoded(part, why);
        if (!decoded) return std::nullopt;
        if (decoded->find('\\') != std::string::npos) {
            why = "a backslash, which Windows reads as a folder separator";
            return std::nullopt;
        }
        if (has_scheme(*decoded)) {
            why = "a URL, not a file of the package";
            return std::nullopt;
        }
        if (decoded->starts_with('/')) {
            why = "an absolute path";
            return std::nullopt;
        }
        if (!joined.empty() && !joined.ends_with('/')) joined += '/';
        joined += *decoded;
    }
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= joined.size()) {
        const auto end = std::min(joined.find('/', start), joined.size());
        const std::string segment = joined.substr(start, end - start);
        if (segment == "..") {
            if (parts.empty()) {
                why = "it leaves the package";
                return std::nullopt;
            }
            parts.pop_back();
        } else if (!segment.empty() && segment != ".") {
            parts.push_back(segment);
        }
        start = end + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    if (out.empty()) {
        why = "it names no file";
        return std::nullopt;
    }
    return out;
}

}  // namespace item_interchange::detail
