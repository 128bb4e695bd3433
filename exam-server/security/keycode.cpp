#include "security/keycode.hpp"

#include "security/constant_time.hpp"
#include "security/secure_random.hpp"

namespace exam::security {

std::string generate_keycode() {
    // A byte at or above `limit` is drawn again, so that `byte % size` favours
    // no character whatever the alphabet's size (with 32 none is ever redrawn,
    // but the alphabet may change).
    constexpr std::size_t size = keycode_alphabet.size();
    constexpr std::size_t limit = 256 - 256 % size;
    std::string keycode;
    while (keycode.size() < keycode_length) {
        for (const unsigned char byte : random_bytes(keycode_length - keycode.size())) {
            if (std::size_t{byte} < limit) keycode += keycode_alphabet[byte % size];
        }
    }
    return keycode;
}

std::string normalise_keycode(std::string_view typed) {
    std::string normal;
    normal.reserve(typed.size());
    for (const char c : typed) {
        if (c == ' ' || c == '-') continue;
        normal += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return normal;
}

bool keycodes_match(std::string_view typed, std::string_view expected) {
    return constant_time_equals(normalise_keycode(typed), normalise_keycode(expected));
}

}  // namespace exam::security
