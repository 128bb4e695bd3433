#pragma once
// Where a manifest's href points inside a content package. An href is a URI
// reference: percent escapes are decoded before anything is judged, so
// "%2e%2e/" is the ".." it spells.

#include <optional>
#include <string>
#include <string_view>

namespace item_interchange::detail {

// `s` with its percent escapes decoded, or nothing with `why` saying what is
// wrong (a malformed escape, an escaped NUL).
std::optional<std::string> percent_decoded(std::string_view s, std::string& why);

// The package entry `href` names, read against `base` (the xml:base values in
// force, "" at the package's root), or nothing with `why` saying what is wrong:
// a URL of another scheme, an absolute path, a backslash, or a path that
// climbs out of the package.
std::optional<std::string> resolve_href(std::string_view base, std::string_view href, std::string& why);

}  // namespace item_interchange::detail
