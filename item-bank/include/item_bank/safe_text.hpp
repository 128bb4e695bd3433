#pragma once
// The safe text format of stems and options: plain text with paragraphs, line
// breaks, **strong** and *emphasis*. HTML never passes through: anything that
// looks like a tag or a character reference is refused, and rendering escapes.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace item_bank {

struct TextRun {
    std::string text;
    bool strong = false;
    bool emphasis = false;
    bool line_break_before = false;  // a single newline preceded this run
};

struct Paragraph {
    std::vector<TextRun> runs;
};

struct SafeText {
    std::vector<Paragraph> paragraphs;
    // The text with markup removed, paragraphs joined by "\n\n": for search,
    // duplicate detection and screen-reader friendly exports.
    std::string plain() const;
};

struct SafeTextError {
    std::size_t offset;  // byte offset into the source text
    std::string message;
};

// Either the parsed text or the first problem found.
std::variant<SafeText, SafeTextError> parse_safe_text(std::string_view source);

// HTML for trusted display contexts (previews, printed forms): every character
// of the text is escaped; only the markup's own elements are produced.
std::string render_html(const SafeText& text);

}  // namespace item_bank
