#include "item_bank/uln.hpp"

namespace item_bank {

std::optional<std::string> uln_problem(std::string_view uln) {
    if (uln.size() != 10) {
        return "a ULN has exactly 10 digits; this has " + std::to_string(uln.size()) + " characters";
    }
    int sum = 0;
    for (std::size_t i = 0; i < uln.size(); ++i) {
        const char c = uln[i];
        if (c < '0' || c > '9') return "a ULN has digits only; character " + std::to_string(i + 1) + " is not a digit";
        sum += (c - '0') * static_cast<int>(10 - i);
    }
    if (uln[0] == '0') return "a ULN does not start with 0";
    if (sum % 11 != 10) return "the check digit does not match: this is not a ULN (perhaps a digit was mistyped)";
    return std::nullopt;
}

}  // namespace item_bank
