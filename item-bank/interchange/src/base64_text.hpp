#pragma once
// Base64 as Moodle XML carries embedded files: white space (line breaks) is
// allowed between the characters and ignored.

#include <optional>
#include <string>
#include <string_view>

namespace item_interchange::detail {

// The bytes, or nothing when the text is not base64.
std::optional<std::string> base64_decode(std::string_view text);
std::string base64_encode(std::string_view bytes);

}  // namespace item_interchange::detail
