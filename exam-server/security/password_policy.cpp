#include "security/password_policy.hpp"

#include <cstdint>

namespace exam::security {

namespace {

// Code points in well-formed UTF-8; nullopt for anything else.
std::optional<std::size_t> count_code_points(std::string_view text) {
    std::size_t count = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 1;
        std::uint32_t code_point = lead;
        std::uint32_t smallest = 0;
        if (lead >= 0x80) {
            if ((lead & 0xE0) == 0xC0) {
                length = 2, code_point = lead & 0x1Fu, smallest = 0x80;
            } else if ((lead & 0xF0) == 0xE0) {
                length = 3, code_point = lead & 0x0Fu, smallest = 0x800;
            } else if ((lead & 0xF8) == 0xF0) {
                length = 4, code_point = lead & 0x07u, smallest = 0x10000;
            } else {
                return std::nullopt;
            }
            if (text.size() - i < length) return std::nullopt;
            for (std::size_t k = 1; k < length; ++k) {
                const auto continuation = static_cast<unsigned char>(text[i + k]);
                if ((continuation & 0xC0) != 0x80) return std::nullopt;
                code_point = (code_point << 6) | (continuation & 0x3Fu);
            }
            // Overlong forms would give one character several spellings;
            // surrogates and values past U+10FFFF are not characters.
            if (code_point < smallest || (code_point >= 0xD800 && code_point <= 0xDFFF) ||
                code_point > 0x10FFFF)
                return std::nullopt;
        }
        i += length;
        ++count;
    }
    return count;
}

}  // namespace

std::optional<std::string> password_policy_violation(std::string_view password) {
    const auto length = count_code_points(password);
    if (!length) return "The password is not valid UTF-8 text.";
    if (*length < min_password_length)
        return "The password must be at least " + std::to_string(min_password_length) + " characters long.";
    if (*length > max_password_length)
        return "The password must be at most " + std::to_string(max_password_length) + " characters long.";
    return std::nullopt;
}

}  // namespace exam::security
