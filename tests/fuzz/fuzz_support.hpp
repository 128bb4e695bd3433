#pragma once
// What every fuzz target checks beyond "no crash": properties that hold for
// any input, each a trap (abort) when broken so libFuzzer keeps the input.

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "item_bank/item_validation.hpp"
#include "item_bank/safe_text.hpp"
#include "item_interchange/import_report.hpp"

namespace fuzz {

[[noreturn]] inline void broken(const char* what) {
    std::fprintf(stderr, "fuzz property broken: %s\n", what);
    std::abort();
}

// A unit with two outcomes, for the readers to map criteria against.
inline const item_interchange::ImportOptions& options() {
    static const item_bank::Unit unit = [] {
        item_bank::Unit u;
        u.code = "T/000/0001";
        u.title = "Fuzzing unit";
        u.learning_outcomes = {item_bank::LearningOutcome{"1", "Know", {{"1.1", "state"}, {"1.2", "describe"}}, ""},
                               item_bank::LearningOutcome{"2", "Do", {{"2.1", "show"}}, ""}};
        return u;
    }();
    static const item_interchange::ImportOptions o{"T/000/0001", &unit};
    return o;
}

// Well-formed UTF-8: what the readers take in (GIFT checks it, libxml2
// converts to it) they must give out whole, never a character cut in two.
inline bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
        }
        i += n;
    }
    return true;
}

// Rendered safe text holds no element but the format's own.
inline void check_rendering(std::string_view html) {
    static constexpr std::string_view own[] = {"<p>", "</p>", "<br>", "<strong>", "</strong>", "<em>", "</em>"};
    for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
        bool known = false;
        for (auto tag : own) known = known || html.substr(at).starts_with(tag);
        if (!known) broken("safe text rendered an element of its own making");
    }
}

inline void check_safe_text(std::string_view text) {
    const auto parsed = item_bank::parse_safe_text(text);
    if (const auto* safe = std::get_if<item_bank::SafeText>(&parsed)) check_rendering(item_bank::render_html(*safe));
}

// A rejected file imports nothing; every imported item keeps what any item
// must (its key among its options, text the safe-text format holds) and can
// be judged by the bank's rules without crashing them.
inline void check_report(const item_interchange::FileReport& report) {
    if (report.rejected && (!report.imported.empty() || report.error.empty())) broken("a rejected file imported items");
    for (const auto& imported : report.imported) {
        const auto& item = imported.item;
        for (const auto& k : item.key) {
            if (item.option(k) == nullptr) broken("a key names no option");
        }
        check_safe_text(item.stem);
        for (const auto& o : item.options) check_safe_text(o.text);
        bool whole = valid_utf8(item.stem) && valid_utf8(item.rationale) && valid_utf8(item.feedback);
        for (const auto& o : item.options) whole = whole && valid_utf8(o.text) && valid_utf8(o.feedback);
        for (const auto& w : imported.warnings) whole = whole && valid_utf8(w);
        if (!whole) broken("an imported item's text is not well-formed UTF-8");
        (void)item_bank::validate_item(item, options().unit_spec);
    }
}

}  // namespace fuzz
