#include "item_bank/diagnostic.hpp"

namespace item_bank {

std::string Diagnostic::to_string() const {
    std::string out = file;
    out += ": ";
    if (!pointer.empty()) {
        out += pointer;
        out += ": ";
    }
    out += message;
    return out;
}

std::string pointer_append(const std::string& pointer, std::string_view token) {
    std::string out = pointer;
    out += '/';
    for (char c : token) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

std::string pointer_append(const std::string& pointer, std::size_t index) {
    return pointer + "/" + std::to_string(index);
}

}  // namespace item_bank
