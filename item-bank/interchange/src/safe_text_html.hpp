#pragma once
// Safe text as the XHTML that QTI bodies and Moodle's HTML fields hold, in the
// shape html_to_safe_text reads back to the same safe text: paragraphs, line
// breaks, strong and emphasis, every character escaped.

#include <string>
#include <string_view>

namespace item_interchange::detail {

enum class HtmlLayout {
    blocks,  // a <p> per paragraph: stems, rationales, general feedback
    inline_  // paragraphs joined by two line breaks: inside a choice or inline feedback
};

// Text that is not valid safe text (a rationale is free text) is written as
// plain text: escaped, blank lines as paragraphs, newlines as line breaks.
std::string safe_text_to_xhtml(std::string_view text, HtmlLayout layout);

}  // namespace item_interchange::detail
