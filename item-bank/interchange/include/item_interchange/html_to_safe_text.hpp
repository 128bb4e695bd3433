#pragma once
// Turns source text (HTML from [html] GIFT, Moodle and QTI, or plain text)
// into the bank's safe text: paragraphs, line breaks, strong and emphasis are
// kept; every other element is dropped (its text kept) with a warning, and a
// script or style element is dropped whole. Never lets markup through.

#include <string>
#include <string_view>
#include <vector>

namespace item_interchange {

struct ConvertedText {
    std::string text;                   // safe text (may still be refused by parse_safe_text)
    std::vector<std::string> warnings;  // what was dropped
};

ConvertedText html_to_safe_text(std::string_view html);

// Plain text: escapes the safe-text markup characters ('*' and '\').
std::string plain_to_safe_text(std::string_view plain);

}  // namespace item_interchange
