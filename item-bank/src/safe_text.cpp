#include "item_bank/safe_text.hpp"

#include <cctype>
#include <optional>

namespace item_bank {
namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Something a browser would read as markup if it were ever pasted into HTML:
// a tag start, an end tag, a comment or declaration, a processing instruction.
bool looks_like_tag(std::string_view s, std::size_t i) {
    if (s[i] != '<' || i + 1 >= s.size()) return false;
    const char n = s[i + 1];
    return is_ascii_letter(n) || n == '/' || n == '!' || n == '?';
}

// "&amp;", "&#39;", "&#x27;": authors write the character itself instead.
bool looks_like_reference(std::string_view s, std::size_t i) {
    if (s[i] != '&') return false;
    std::size_t j = i + 1;
    if (j < s.size() && s[j] == '#') {
        ++j;
        if (j < s.size() && (s[j] == 'x' || s[j] == 'X')) ++j;
        const std::size_t start = j;
        while (j < s.size() && std::isxdigit(static_cast<unsigned char>(s[j]))) ++j;
        return j > start && j < s.size() && s[j] == ';';
    }
    const std::size_t start = j;
    while (j < s.size() && (is_ascii_letter(s[j]) || (j > start && std::isdigit(static_cast<unsigned char>(s[j]))))) ++j;
    return j > start && j < s.size() && s[j] == ';';
}

class Parser {
public:
    explicit Parser(std::string_view source) : s_(source) {}

    std::variant<SafeText, SafeTextError> run() {
        if (s_.find_first_not_of(" \t\n") == std::string_view::npos) {
            return SafeTextError{0, "text is empty"};
        }
        for (i_ = 0; i_ < s_.size(); ++i_) {
            const char c = s_[i_];
            const auto uc = static_cast<unsigned char>(c);
            if (c == '\r') return SafeTextError{i_, "carriage return: use a newline (\\n) alone"};
            if (c == '\t') return SafeTextError{i_, "tab character: use spaces"};
            if ((uc < 0x20 && c != '\n') || uc == 0x7f) {
                return SafeTextError{i_, "control character " + std::to_string(uc) + " is not allowed"};
            }
            if (looks_like_tag(s_, i_)) {
                return SafeTextError{i_, "looks like an HTML tag: HTML is not allowed, use **strong** or *emphasis*"};
            }
            if (looks_like_reference(s_, i_)) {
                return SafeTextError{i_, "looks like an HTML character reference: write the character itself"};
            }
            if (c == '\\' && i_ + 1 < s_.size() && (s_[i_ + 1] == '*' || s_[i_ + 1] == '\\')) {
                buffer_ += s_[++i_];
                continue;
            }
            if (c == '*') {
                if (auto err = toggle()) return *err;
                continue;
            }
            if (c == '\n') {
                std::size_t j = i_ + 1;
                while (j < s_.size() && (s_[j] == ' ')) ++j;
                if (j < s_.size() && s_[j] == '\n') {
                    if (auto err = end_paragraph()) return *err;
                    while (j < s_.size() && (s_[j] == '\n' || s_[j] == ' ')) ++j;
                    i_ = j - 1;
                } else {
                    flush();
                    pending_break_ = true;
                }
                continue;
            }
            buffer_ += c;
        }
        if (auto err = end_paragraph()) return *err;
        return std::move(out_);
    }

private:
    std::optional<SafeTextError> toggle() {
        const bool is_strong = i_ + 1 < s_.size() && s_[i_ + 1] == '*';
        bool& open = is_strong ? strong_ : emphasis_;
        std::size_t& opened_at = is_strong ? strong_open_ : emphasis_open_;
        std::size_t& runs_at_open = is_strong ? strong_runs_ : emphasis_runs_;
        flush();
        if (open) {
            if (current_.runs.size() == runs_at_open) {
                return SafeTextError{i_, std::string("empty ") + (is_strong ? "**strong**" : "*emphasis*")};
            }
            open = false;
        } else {
            open = true;
            opened_at = i_;
            runs_at_open = current_.runs.size();
        }
        if (is_strong) ++i_;
        return std::nullopt;
    }

    void flush() {
        if (buffer_.empty()) return;
        current_.runs.push_back(TextRun{std::move(buffer_), strong_, emphasis_, pending_break_});
        buffer_.clear();
        pending_break_ = false;
    }

    std::optional<SafeTextError> end_paragraph() {
        flush();
        if (strong_) return SafeTextError{strong_open_, "** (strong) is opened here and not closed in its paragraph"};
        if (emphasis_) return SafeTextError{emphasis_open_, "* (emphasis) is opened here and not closed in its paragraph"};
        pending_break_ = false;
        if (!current_.runs.empty()) out_.paragraphs.push_back(std::move(current_));
        current_ = {};
        return std::nullopt;
    }

    std::string_view s_;
    std::size_t i_ = 0;
    std::string buffer_;
    bool strong_ = false, emphasis_ = false, pending_break_ = false;
    std::size_t strong_open_ = 0, emphasis_open_ = 0, strong_runs_ = 0, emphasis_runs_ = 0;
    Paragraph current_;
    SafeText out_;
};

void append_escaped(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
}

}  // namespace

std::variant<SafeText, SafeTextError> parse_safe_text(std::string_view source) { return Parser(source).run(); }

std::string SafeText::plain() const {
    std::string out;
    for (const auto& p : paragraphs) {
        if (!out.empty()) out += "\n\n";
        for (const auto& r : p.runs) {
            if (r.line_break_before) out += '\n';
            out += r.text;
        }
    }
    return out;
}

std::string render_html(const SafeText& text) {
    std::string out;
    for (const auto& p : text.paragraphs) {
        out += "<p>";
        for (const auto& r : p.runs) {
            if (r.line_break_before) out += "<br>";
            if (r.strong) out += "<strong>";
            if (r.emphasis) out += "<em>";
            append_escaped(out, r.text);
            if (r.emphasis) out += "</em>";
            if (r.strong) out += "</strong>";
        }
        out += "</p>";
    }
    return out;
}

}  // namespace item_bank
