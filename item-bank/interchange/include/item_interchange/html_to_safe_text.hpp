#pragma once
// Turns source text (HTML from [html] GIFT, Moodle and QTI, or plain text)
// into the bank's safe text: paragraphs, line breaks, strong and emphasis are
// kept; every other element is dropped (its text kept) with a warning, and a
// script or style element is dropped whole. Never lets markup through.
// Pictures (<img>, and QTI's <object> of an image type) are not text: they are
// listed for the reader, which fetches, checks and keeps them as media.

#include <string>
#include <string_view>
#include <vector>

namespace item_interchange {

struct HtmlPicture {
    std::string src;  // as written (decoded of character references), a URI reference
    std::string alt;  // "" when the source gives none
};

struct ConvertedText {
    std::string text;                   // safe text (may still be refused by parse_safe_text)
    std::vector<std::string> warnings;  // what was dropped
    std::vector<HtmlPicture> pictures;  // in the order they appear
};

ConvertedText html_to_safe_text(std::string_view html);

// Plain text: escapes the safe-text markup characters ('*' and '\').
std::string plain_to_safe_text(std::string_view plain);

}  // namespace item_interchange
