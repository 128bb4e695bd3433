#include "item_interchange/gift_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <set>

#include "item_interchange/ac_mapping.hpp"
#include "item_interchange/html_to_safe_text.hpp"

namespace item_interchange {
namespace {

// The first byte offset at which `s` stops being UTF-8, if any.
std::optional<std::size_t> invalid_utf8_at(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t continuation = 0;
        if (c < 0x80) {
            continuation = 0;
        } else if (c >= 0xC2 && c <= 0xDF) {
            continuation = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            continuation = 2;
        } else if (c >= 0xF0 && c <= 0xF4) {
            continuation = 3;
        } else {
            return i;
        }
        if (i + continuation >= s.size() && continuation > 0) return i;
        for (std::size_t k = 1; k <= continuation; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return i;
        }
        i += continuation + 1;
    }
    return std::nullopt;
}

std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

// Finds `what` in `s` from `from`, skipping characters escaped with '\'.
std::size_t find_unescaped(std::string_view s, std::string_view what, std::size_t from = 0) {
    for (std::size_t i = from; i < s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
            continue;
        }
        if (s.substr(i).starts_with(what)) return i;
    }
    return std::string_view::npos;
}

// GIFT's escapes: \~ \= \# \{ \} \: \\ stand for the character, \n for a new line.
std::string unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char next = s[i + 1];
            if (next == 'n') {
                out += '\n';
                ++i;
                continue;
            }
            if (std::string_view("~=#{}:\\%").find(next) != std::string_view::npos) {
                out += next;
                ++i;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

enum class TextFormat { moodle, html, plain, markdown };

struct Metadata {
    std::string id;
    std::vector<std::string> tags;
};

// "// [id:Q12] [tag:AC:Y/602/1353:1.1] [tag:hard]": the metadata Moodle writes above a question.
void read_metadata(std::string_view comment, Metadata& m) {
    std::size_t at = 0;
    while ((at = comment.find('[', at)) != std::string_view::npos) {
        const auto end = comment.find(']', at);
        if (end == std::string_view::npos) break;
        const std::string_view inner = comment.substr(at + 1, end - at - 1);
        if (inner.starts_with("id:")) m.id = trim(inner.substr(3));
        if (inner.starts_with("tag:")) m.tags.push_back(trim(inner.substr(4)));
        at = end + 1;
    }
}

struct Answer {
    std::string text;
    double weight = 0;
    bool marked_right = false;  // written with '='
    std::string feedback;
};

class QuestionReader {
public:
    QuestionReader(const ImportOptions& options, FileReport& report, std::set<std::string>& ids)
        : options_(options), report_(report), ids_(ids) {}

    void read(std::string_view raw, std::size_t line, const Metadata& meta) {
        position_ = "line " + std::to_string(line);
        std::string body = trim(raw);
        std::string title;
        if (body.starts_with("::")) {
            const auto end = find_unescaped(body, "::", 2);
            if (end == std::string::npos) return skip("", "malformed", "a title opened with '::' is never closed");
            title = trim(unescape(std::string_view(body).substr(2, end - 2)));
            body = trim(std::string_view(body).substr(end + 2));
        }
        source_id_ = !meta.id.empty() ? meta.id : !title.empty() ? title : position_;
        TextFormat format = TextFormat::moodle;
        for (auto [marker, f] : {std::pair{"[html]", TextFormat::html}, std::pair{"[plain]", TextFormat::plain},
                                 std::pair{"[moodle]", TextFormat::moodle}, std::pair{"[markdown]", TextFormat::markdown}}) {
            if (body.starts_with(marker)) {
                format = f;
                body = trim(std::string_view(body).substr(std::string_view(marker).size()));
            }
        }
        format_ = format;
        const auto open = find_unescaped(body, "{");
        if (open == std::string::npos) return skip(source_id_, "description", "a description holds no question");
        const auto close = find_unescaped(body, "}", open + 1);
        if (close == std::string::npos) return skip(source_id_, "malformed", "the answers opened with '{' are never closed");
        const std::string before = trim(std::string_view(body).substr(0, open));
        const std::string after = trim(std::string_view(body).substr(close + 1));
        std::string answers = trim(std::string_view(body).substr(open + 1, close - open - 1));
        // Missing word: the blank stands where the answers were.
        const std::string stem_source = after.empty() ? before : before + " _____ " + after;

        std::string general_feedback;
        if (const auto gf = find_unescaped(answers, "####"); gf != std::string::npos) {
            general_feedback = trim(std::string_view(answers).substr(gf + 4));
            answers = trim(std::string_view(answers).substr(0, gf));
        }
        if (answers.empty()) return skip(source_id_, "essay", "only choice questions are imported");
        if (answers[0] == '#') return skip(source_id_, "numerical", "only choice questions are imported");

        ImportedItem imported;
        imported.position = position_;
        imported.title = title;
        auto& item = imported.item;
        item.stem = convert(stem_source, imported);
        if (!general_feedback.empty()) {
            item.feedback = convert(general_feedback, imported);
            item.rationale = item.feedback;
        }
        if (auto tf = true_false(answers)) {
            item.type = item_bank::ResponseType::single;
            item.options = {{"A", "True"}, {"B", "False"}};
            const std::size_t right = *tf ? 0 : 1;
            item.key = {item.options[right].id};
            imported.source_keys = {*tf ? "TRUE" : "FALSE"};
            // {T#shown when wrong#shown when right}: each goes to the option that prompts it.
            const auto parts = split_feedback(answers);
            if (parts.size() > 1 && !parts[1].empty()) item.options[1 - right].feedback = convert(parts[1], imported);
            if (parts.size() > 2 && !parts[2].empty()) item.options[right].feedback = convert(parts[2], imported);
        } else {
            std::vector<Answer> list;
            if (!split_answers(answers, list)) return;
            if (!choice(list, imported)) return;
        }
        finish(imported, meta, title);
    }

private:
    void skip(const std::string& id, const std::string& type, const std::string& reason) {
        report_.skipped.push_back({id, position_, type, reason});
    }

    std::string convert(const std::string& gift_text, ImportedItem& imported) {
        const std::string text = unescape(gift_text);
        const bool looks_html = text.find('<') != std::string::npos && text.find('>') != std::string::npos;
        if (format_ == TextFormat::html || (format_ == TextFormat::moodle && looks_html)) {
            auto converted = html_to_safe_text(text);
            for (auto& w : converted.warnings) imported.warnings.push_back(w);
            // A GIFT file is text alone: a picture it names lives on some server we never fetch from.
            for (const auto& p : converted.pictures) {
                imported.warnings.push_back("the picture \"" + p.src +
                                            "\" was not kept: a GIFT file carries no files (export as Moodle XML to keep pictures)");
            }
            return converted.text;
        }
        // Markdown's **strong** and *emphasis* are the safe text's own.
        if (format_ == TextFormat::markdown) return text;
        return plain_to_safe_text(text);
    }

    static std::optional<bool> true_false(const std::string& answers) {
        const std::string word = trim(std::string_view(answers).substr(0, find_unescaped(answers, "#")));
        if (word == "T" || word == "TRUE") return true;
        if (word == "F" || word == "FALSE") return false;
        return std::nullopt;
    }

    static std::vector<std::string> split_feedback(const std::string& s) {
        std::vector<std::string> parts;
        std::size_t from = 0;
        while (true) {
            const auto at = find_unescaped(s, "#", from);
            parts.push_back(trim(std::string_view(s).substr(from, at == std::string::npos ? std::string::npos : at - from)));
            if (at == std::string::npos) break;
            from = at + 1;
        }
        return parts;
    }

    bool split_answers(const std::string& s, std::vector<Answer>& out) {
        std::vector<std::pair<char, std::string>> raw;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '\\') {
                if (!raw.empty()) raw.back().second += s.substr(i, 2);
                ++i;
                continue;
            }
            if (s[i] == '=' || s[i] == '~') {
                raw.push_back({s[i], ""});
            } else if (!raw.empty()) {
                raw.back().second += s[i];
            } else if (!std::isspace(static_cast<unsigned char>(s[i]))) {
                skip(source_id_, "malformed", "the answers must start with '=' or '~'");
                return false;
            }
        }
        bool any_wrong = false;
        for (auto& [mark, text] : raw) {
            if (text.find("->") != std::string::npos) {
                skip(source_id_, "matching", "only choice questions are imported");
                return false;
            }
            Answer a;
            a.marked_right = mark == '=';
            any_wrong = any_wrong || mark == '~';
            std::string rest = trim(text);
            a.weight = a.marked_right ? 1.0 : 0.0;
            if (rest.starts_with('%')) {
                const auto end = rest.find('%', 1);
                char* parsed_end = nullptr;
                const std::string number = end == std::string::npos ? "" : rest.substr(1, end - 1);
                const double percent = std::strtod(number.c_str(), &parsed_end);
                if (number.empty() || parsed_end != number.c_str() + number.size() || percent < -100 || percent > 100) {
                    skip(source_id_, "malformed", "a weight is written %n% with n from -100 to 100");
                    return false;
                }
                a.weight = percent / 100.0;
                rest = trim(std::string_view(rest).substr(end + 1));
            }
            const auto fb = find_unescaped(rest, "#");
            if (fb != std::string::npos) {
                a.feedback = trim(std::string_view(rest).substr(fb + 1));
                rest = trim(std::string_view(rest).substr(0, fb));
            }
            a.text = rest;
            out.push_back(std::move(a));
        }
        if (!any_wrong) {
            skip(source_id_, "short answer", "only choice questions are imported");
            return false;
        }
        return true;
    }

    bool choice(const std::vector<Answer>& list, ImportedItem& imported) {
        auto& item = imported.item;
        if (list.size() > 26) {
            skip(source_id_, "multiple choice", "more than 26 options");
            return false;
        }
        const bool any_equals = std::any_of(list.begin(), list.end(), [](const Answer& a) { return a.marked_right; });
        // With no '=' answer, Moodle reads positive weights as a multiple-response question.
        item.type = any_equals ? item_bank::ResponseType::single : item_bank::ResponseType::multiple;
        bool plain_key = true;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto& a = list[i];
            item_bank::ItemOption o;
            o.id = std::string(1, static_cast<char>('A' + i));
            o.text = convert(a.text, imported);
            if (!a.feedback.empty()) o.feedback = convert(a.feedback, imported);
            o.weight = a.weight;
            const bool key = any_equals ? a.weight >= 1.0 : a.weight > 0;
            if (key) {
                item.key.push_back(o.id);
                imported.source_keys.push_back(unescape(a.text));
            }
            if (a.weight != (key ? 1.0 : 0.0)) plain_key = false;
            item.options.push_back(std::move(o));
        }
        // Right-or-wrong items keep no weights, so they mark (and digest) like any other.
        if (plain_key && item.type == item_bank::ResponseType::single) {
            for (auto& o : item.options) o.weight.reset();
        }
        item.choose = item.type == item_bank::ResponseType::single ? 1 : static_cast<int>(item.key.size());
        return true;
    }

    void finish(ImportedItem& imported, const Metadata& meta, const std::string& title) {
        auto& item = imported.item;
        std::string id = item_id_from("", !meta.id.empty() ? meta.id : !title.empty() ? title : "gift-" + position_);
        for (int n = 2; ids_.count(id); ++n) id = item_id_from("", id.substr(0, 58) + "-" + std::to_string(n));
        ids_.insert(id);
        item.id = id;
        item.source = item_bank::ItemSource{"gift", source_id_, report_.file};
        // Mapping convention (ac_mapping.hpp): a tag AC:<unit>:<criterion>.
        for (const auto& tag : meta.tags) map_tag(imported, tag, options_.unit);
        std::string reason;
        if (!settle_status(imported, options_, reason)) return skip(source_id_, "multiple choice", reason);
        report_.imported.push_back(std::move(imported));
    }

    const ImportOptions& options_;
    FileReport& report_;
    std::set<std::string>& ids_;
    std::string position_, source_id_;
    TextFormat format_ = TextFormat::moodle;
};

}  // namespace

FileReport read_gift(std::string_view content, const std::string& file, const ImportOptions& options) {
    FileReport report;
    report.file = file;
    report.format = "gift";
    if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
    if (auto bad = invalid_utf8_at(content)) {
        const auto line = 1 + std::count(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(*bad), '\n');
        static const char* const hex = "0123456789ABCDEF";
        const auto byte = static_cast<unsigned char>(content[*bad]);
        report.rejected = true;
        report.error = file + ": line " + std::to_string(line) + ": byte 0x" + hex[byte >> 4] + hex[byte & 0xF] +
                       " is not UTF-8; GIFT files must be UTF-8 (save the file as UTF-8 and import it again)";
        return report;
    }
    std::set<std::string> ids;
    QuestionReader reader(options, report, ids);
    std::set<std::string> categories;
    Metadata meta;
    std::string question;
    std::size_t start = 0, line_no = 0, from = 0;
    auto flush = [&] {
        if (!trim(question).empty()) reader.read(question, start, meta);
        question.clear();
        meta = Metadata{};
    };
    while (from <= content.size()) {
        auto end = content.find('\n', from);
        if (end == std::string_view::npos) end = content.size();
        std::string_view line = content.substr(from, end - from);
        if (line.ends_with('\r')) line.remove_suffix(1);
        ++line_no;
        from = end + 1;
        const std::string t = trim(line);
        if (t.empty()) {
            flush();
        } else if (t.starts_with("//")) {
            if (question.empty()) read_metadata(t, meta);  // a comment above a question describes it
        } else if (question.empty() && t.starts_with("$CATEGORY:")) {
            const std::string category = trim(std::string_view(t).substr(10));
            if (categories.insert(category).second) {
                report.warnings.push_back("line " + std::to_string(line_no) + ": category " + category +
                                          " is not kept: items go to the unit given with --unit");
            }
            meta = Metadata{};
        } else {
            if (question.empty()) start = line_no;
            question += std::string(line) + "\n";
        }
        if (end == content.size()) break;
    }
    flush();
    return report;
}

}  // namespace item_interchange
