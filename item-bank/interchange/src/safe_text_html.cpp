#include "safe_text_html.hpp"

#include <algorithm>
#include <variant>
#include <vector>

#include "item_bank/safe_text.hpp"
#include "xml_writer.hpp"

namespace item_interchange::detail {
namespace {

item_bank::SafeText as_plain(std::string_view text) {
    item_bank::SafeText out;
    item_bank::Paragraph paragraph;
    std::string run;
    bool line_break = false;
    auto flush = [&] {
        if (!run.empty()) paragraph.runs.push_back({run, false, false, line_break});
        run.clear();
        line_break = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') continue;
        if (text[i] != '\n') {
            run += text[i];
            continue;
        }
        if (i + 1 < text.size() && text[i + 1] == '\n') {
            flush();
            if (!paragraph.runs.empty()) out.paragraphs.push_back(std::move(paragraph));
            paragraph = {};
            while (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            flush();
            line_break = !paragraph.runs.empty();
        }
    }
    flush();
    if (!paragraph.runs.empty()) out.paragraphs.push_back(std::move(paragraph));
    return out;
}

// Tags open and close only where a run's markup changes, nested in the order
// the text opened them, so "*a **b** c*" comes back with its markers where
// they were; a line break stays inside the markup around it.
std::string paragraph_xhtml(const item_bank::Paragraph& p) {
    std::string out;
    std::vector<char> open;  // 's' strong, 'e' emphasis, innermost last
    auto wanted = [](const item_bank::TextRun& r, char tag) { return tag == 's' ? r.strong : r.emphasis; };
    auto close_tag = [&out](char tag) { out += tag == 's' ? "</strong>" : "</em>"; };
    for (const auto& r : p.runs) {
        std::size_t keep = 0;
        while (keep < open.size() && wanted(r, open[keep])) ++keep;
        std::vector<char> reopen;
        for (std::size_t i = open.size(); i > keep; --i) {
            close_tag(open[i - 1]);
            if (wanted(r, open[i - 1])) reopen.insert(reopen.begin(), open[i - 1]);
        }
        open.resize(keep);
        if (r.line_break_before) out += "<br/>";
        for (char tag : {'s', 'e'}) {
            const bool is_open = std::find(open.begin(), open.end(), tag) != open.end();
            const bool reopened = std::find(reopen.begin(), reopen.end(), tag) != reopen.end();
            if (wanted(r, tag) && !is_open && !reopened) reopen.push_back(tag);
        }
        for (char tag : reopen) {
            out += tag == 's' ? "<strong>" : "<em>";
            open.push_back(tag);
        }
        out += xml_escape_text(r.text);
    }
    for (std::size_t i = open.size(); i > 0; --i) close_tag(open[i - 1]);
    return out;
}

}  // namespace

std::string safe_text_to_xhtml(std::string_view text, HtmlLayout layout) {
    auto parsed = item_bank::parse_safe_text(text);
    const item_bank::SafeText safe =
        std::holds_alternative<item_bank::SafeText>(parsed) ? std::get<item_bank::SafeText>(parsed) : as_plain(text);
    std::string out;
    for (const auto& p : safe.paragraphs) {
        if (layout == HtmlLayout::blocks) {
            out += "<p>" + paragraph_xhtml(p) + "</p>";
        } else {
            if (!out.empty()) out += "<br/><br/>";
            out += paragraph_xhtml(p);
        }
    }
    return out;
}

}  // namespace item_interchange::detail
