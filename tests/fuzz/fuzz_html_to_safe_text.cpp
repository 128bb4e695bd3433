// HTML (from GIFT's [html], Moodle and QTI) to safe text, on arbitrary bytes:
// never a crash, and what comes out, once the safe-text parser accepts it,
// renders as nothing but the format's own elements: no script, no attribute,
// no element of the input ever passes; and well-formed UTF-8 stays so.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "item_interchange/html_to_safe_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view html(reinterpret_cast<const char*>(data), size);
    const auto converted = item_interchange::html_to_safe_text(html);
    fuzz::check_safe_text(converted.text);
    if (fuzz::valid_utf8(html)) {
        bool whole = fuzz::valid_utf8(converted.text);
        for (const auto& w : converted.warnings) whole = whole && fuzz::valid_utf8(w);
        if (!whole) fuzz::broken("well-formed UTF-8 in, a character cut in two out");
    }
    fuzz::check_safe_text(item_interchange::plain_to_safe_text(html));
    return 0;
}
