#include "item_interchange/html_to_safe_text.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace item_interchange {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

void append_utf8(std::string& out, unsigned long cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// A character reference at `i` ('&'): decoded into `out`, or false when it is
// not one (a lone '&' stays as it is).
bool decode_reference(std::string_view s, std::size_t& i, std::string& out) {
    const auto end = s.find(';', i);
    if (end == std::string_view::npos || end - i > 10) return false;
    const std::string name(s.substr(i + 1, end - i - 1));
    unsigned long cp = 0;
    if (name.size() > 1 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        const std::string digits = name.substr(hex ? 2 : 1);
        if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [hex](unsigned char c) {
                return hex ? std::isxdigit(c) != 0 : std::isdigit(c) != 0;
            })) {
            return false;
        }
        cp = std::stoul(digits, nullptr, hex ? 16 : 10);
    } else if (name == "amp") {
        cp = '&';
    } else if (name == "lt") {
        cp = '<';
    } else if (name == "gt") {
        cp = '>';
    } else if (name == "quot") {
        cp = '"';
    } else if (name == "apos") {
        cp = '\'';
    } else if (name == "nbsp") {
        cp = ' ';
    } else {
        return false;
    }
    append_utf8(out, cp);
    i = end + 1;
    return true;
}

bool name_character(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == ':' || u >= 0x80;
}

// The attributes of a start tag (`rest`: what follows its name), names lower-case,
// values decoded of character references.
std::map<std::string, std::string> attributes_of(std::string_view rest) {
    std::map<std::string, std::string> out;
    std::size_t i = 0;
    while (i < rest.size()) {
        while (i < rest.size() && (std::isspace(static_cast<unsigned char>(rest[i])) || rest[i] == '/')) ++i;
        const std::size_t name_start = i;
        while (i < rest.size() && name_character(rest[i])) ++i;
        if (i == name_start) {
            ++i;  // not an attribute: step over it
            continue;
        }
        std::string name = lower(rest.substr(name_start, i - name_start));
        while (i < rest.size() && std::isspace(static_cast<unsigned char>(rest[i]))) ++i;
        std::string raw;
        if (i < rest.size() && rest[i] == '=') {
            ++i;
            while (i < rest.size() && std::isspace(static_cast<unsigned char>(rest[i]))) ++i;
            if (i < rest.size() && (rest[i] == '"' || rest[i] == '\'')) {
                const char quote = rest[i++];
                const auto close = rest.find(quote, i);
                raw = std::string(rest.substr(i, close == std::string_view::npos ? std::string_view::npos : close - i));
                i = close == std::string_view::npos ? rest.size() : close + 1;
            } else {
                const std::size_t start = i;
                while (i < rest.size() && !std::isspace(static_cast<unsigned char>(rest[i]))) ++i;
                raw = std::string(rest.substr(start, i - start));
            }
        }
        std::string value;
        for (std::size_t k = 0; k < raw.size();) {
            if (raw[k] == '&' && decode_reference(raw, k, value)) continue;
            value += raw[k++];
        }
        out.emplace(std::move(name), std::move(value));
    }
    return out;
}

bool is_media_element(const std::string& name) {
    return name == "audio" || name == "video" || name == "source" || name == "track" || name == "embed" ||
           name == "iframe" || name == "svg" || name == "canvas" || name == "picture";
}

class Converter {
public:
    explicit Converter(std::string_view html) : s_(html) {}

    ConvertedText run() {
        while (i_ < s_.size()) {
            const char c = s_[i_];
            if (c == '<') {
                tag();
            } else if (c == '&') {
                std::string decoded;
                if (decode_reference(s_, i_, decoded)) {
                    text(decoded);
                } else {
                    text("&");
                    ++i_;
                }
            } else {
                text(std::string_view(&s_[i_], 1));
                ++i_;
            }
        }
        close_paragraph();
        while (!out_.text.empty() && (out_.text.back() == '\n' || out_.text.back() == ' ')) out_.text.pop_back();
        return std::move(out_);
    }

private:
    void text(std::string_view t) {
        if (object_depth_ > 0) {  // an image object's content is its alternative text
            out_.pictures.back().alt += t;
            return;
        }
        for (char c : t) {
            if (std::isspace(static_cast<unsigned char>(c))) {
                pending_space_ = !line_.empty();
                continue;
            }
            if (pending_space_) line_ += ' ';
            pending_space_ = false;
            line_ += plain_to_safe_text(std::string_view(&c, 1));
        }
    }

    void marker(const char* m) {
        if (pending_space_) line_ += ' ';
        pending_space_ = false;
        line_ += m;
    }

    void close_paragraph() {
        while (!line_.empty() && line_.back() == ' ') line_.pop_back();
        if (!line_.empty()) {
            if (!out_.text.empty()) out_.text += "\n\n";
            out_.text += line_;
        }
        line_.clear();
        pending_space_ = false;
    }

    void warn(const std::string& w) {
        if (warned_.insert(w).second) out_.warnings.push_back(w);
    }

    void tag() {
        const auto end = s_.find('>', i_);
        if (end == std::string_view::npos) {  // a lone '<' is text
            text("<");
            ++i_;
            return;
        }
        if (s_.substr(i_).starts_with("<!--")) {  // a comment, which may hold '>': skip to its end
            const auto close = s_.find("-->", i_ + 4);
            i_ = close == std::string_view::npos ? s_.size() : close + 3;
            return;
        }
        std::string_view inside = s_.substr(i_ + 1, end - i_ - 1);
        i_ = end + 1;
        const bool closing = !inside.empty() && inside[0] == '/';
        if (closing) inside.remove_prefix(1);
        // A name runs to the first character no XML name holds: QTI 3.0's
        // qti-rubric-block and a prefixed m:math are named whole, not "qti" or "m".
        std::size_t n = 0;
        while (n < inside.size() && name_character(inside[n])) ++n;
        const std::string name = lower(inside.substr(0, n));
        if (name == "script" || name == "style") {
            if (!closing) {
                const auto close = lower(s_.substr(i_)).find("</" + name);
                const auto gt = close == std::string::npos ? std::string_view::npos : s_.find('>', i_ + close);
                i_ = gt == std::string_view::npos ? s_.size() : gt + 1;
                warn("dropped a " + name + " element");
            }
            return;
        }
        if (name == "object") {
            object(closing, inside.substr(n));
            return;
        }
        if (name == "p" || name == "div") {
            close_paragraph();
        } else if (name == "br") {
            while (!line_.empty() && line_.back() == ' ') line_.pop_back();
            if (!line_.empty()) line_ += '\n';
            pending_space_ = false;
        } else if (name == "b" || name == "strong") {
            marker("**");
        } else if (name == "i" || name == "em") {
            marker("*");
        } else if (name == "li") {
            if (!closing) {
                close_paragraph();
                warn("a list was kept as one paragraph per entry");
            }
        } else if (name == "ul" || name == "ol") {
            close_paragraph();
        } else if (name == "img") {
            if (!closing) {
                auto attributes = attributes_of(inside.substr(n));
                out_.pictures.push_back({attributes["src"], attributes["alt"]});
            }
        } else if (is_media_element(name)) {
            if (!closing) warn("a " + name + " element was not kept: only pictures (PNG, JPEG, GIF) are");
        } else if (name == "span" || name == "font" || name == "a" || name == "u" || name == "sub" || name == "sup" ||
                   name == "table" || name == "tr" || name == "td" || name == "th" || name == "tbody" || name == "thead" ||
                   name == "code" || name == "pre" || name == "h1" || name == "h2" || name == "h3" || name == "h4") {
            if (!closing) warn("the formatting of a " + name + " element was dropped (its text kept)");
        } else if (!name.empty() && !closing) {
            warn("an unsupported " + name + " element was dropped (its text kept)");
        }
    }

    // QTI 2.x shows a picture as <object type="image/png" data="...">alt</object>;
    // an object of any other type (audio, video, a plug-in) is not kept, its
    // fallback content read as text.
    void object(bool closing, std::string_view rest) {
        if (closing) {
            if (!object_kinds_.empty()) {
                if (object_kinds_.back()) {
                    --object_depth_;
                    auto& alt = out_.pictures.back().alt;
                    const auto first = alt.find_first_not_of(" \t\r\n");
                    alt = first == std::string::npos ? "" : alt.substr(first, alt.find_last_not_of(" \t\r\n") - first + 1);
                }
                object_kinds_.pop_back();
            }
            return;
        }
        auto attributes = attributes_of(rest);
        const bool picture = lower(attributes["type"]).starts_with("image/") && object_depth_ == 0;
        if (picture) {
            out_.pictures.push_back({attributes["data"], ""});
            ++object_depth_;
        } else {
            warn("an object of type \"" + attributes["type"] + "\" was not kept: only pictures (PNG, JPEG, GIF) are");
        }
        const bool self_closing = !rest.empty() && rest.back() == '/';
        if (self_closing) {
            if (picture) --object_depth_;
        } else {
            object_kinds_.push_back(picture);
        }
    }

    std::string_view s_;
    std::size_t i_ = 0;
    int object_depth_ = 0;
    std::vector<bool> object_kinds_;  // per open object: whether it is a picture
    std::string line_;
    bool pending_space_ = false;
    ConvertedText out_;
    std::set<std::string> warned_;
};

}  // namespace

ConvertedText html_to_safe_text(std::string_view html) { return Converter(html).run(); }

std::string plain_to_safe_text(std::string_view plain) {
    std::string out;
    for (char c : plain) {
        if (c == '*' || c == '\\') out += '\\';
        if (c != '\r') out += c;
    }
    return out;
}

}  // namespace item_interchange
