#pragma once
// The address a request came from. Behind a load balancer every connection
// comes from the balancer, so the client's own address (for login throttling
// and logs) is the one the balancer put last in X-Forwarded-For; believed
// only from an address configured as a trusted proxy, since anyone else can
// write the header.

#include <string>
#include <string_view>
#include <vector>

namespace exam::net {

// `remote`, or when it is one of `trusted_proxies`, the last address of
// `forwarded_for` (ignored when that is not an IPv4 or IPv6 address).
std::string client_address(const std::string& remote, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

}  // namespace exam::net
