#pragma once
// QTI 3.0 spells 2.x's camelCase names in kebab case, elements with a "qti-"
// prefix ("choiceInteraction" is "qti-choice-interaction", "maxChoices" is
// "max-choices"): one spelling table for the reader and the writers.

#include <cctype>
#include <string>
#include <string_view>

namespace item_interchange::detail {

struct QtiNames {
    bool v3;

    std::string operator()(std::string_view v2_name) const { return v3 ? "qti-" + kebab(v2_name) : std::string(v2_name); }
    std::string attr(std::string_view v2_name) const { return v3 ? kebab(v2_name) : std::string(v2_name); }

private:
    static std::string kebab(std::string_view name) {
        std::string out;
        for (char c : name) {
            if (std::isupper(static_cast<unsigned char>(c))) {
                out += '-';
                out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            } else {
                out += c;
            }
        }
        return out;
    }
};

}  // namespace item_interchange::detail
