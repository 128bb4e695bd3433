#include "net/client_address.hpp"

#include <algorithm>
#include <cctype>

namespace exam::net {
namespace {

bool looks_like_address(std::string_view s) {
    return !s.empty() && s.size() <= 45 && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isxdigit(static_cast<unsigned char>(c)) || c == '.' || c == ':';
    });
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::string client_address(const std::string& remote, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
    if (forwarded_for.empty() || std::find(trusted_proxies.begin(), trusted_proxies.end(), remote) == trusted_proxies.end()) {
        return remote;
    }
    // The proxy appends the address it saw: the last entry, not the first a client may have written.
    const auto comma = forwarded_for.rfind(',');
    const auto last = trimmed(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    return looks_like_address(last) ? std::string(last) : remote;
}

}  // namespace exam::net
