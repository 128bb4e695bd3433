// Moodle XML export: one multichoice question per item, under a category per
// unit and per learning outcome, in the shape the Moodle XML importer (ours and
// Moodle's own) reads back.
#include <algorithm>
#include <cmath>

#include "base64_text.hpp"
#include "export_support.hpp"
#include "item_interchange/ac_mapping.hpp"
#include "item_interchange/item_export.hpp"
#include "safe_text_html.hpp"
#include "xml_writer.hpp"

namespace item_interchange {
namespace {
using detail::HtmlLayout;
using detail::safe_text_to_xhtml;

// Moodle splits category paths on '/', and reads "//" as a '/' inside a name.
std::string category_name(std::string_view name) {
    std::string out;
    for (char c : name) out += c == '/' ? std::string("//") : std::string(1, c);
    return out;
}

// The fractions Moodle's import accepts by default ("Match grades: error if a
// grade is not listed"), as shares of the mark, within its 1e-5 tolerance.
bool moodle_grade(double share) {
    static const double grades[] = {1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333,
                                    0.3, 0.25, 0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0};
    return std::any_of(std::begin(grades), std::end(grades), [share](double g) { return std::abs(std::abs(share) - g) < 1e-5; });
}

class MoodleWriter {
public:
    explicit MoodleWriter(const ExportInput& input) : input_(input) {}

    ExportResult run() {
        x_.open("quiz");
        if (input_.form != nullptr) {
            warn("", "Moodle XML holds questions, not tests: form " + input_.form->id + "'s " +
                         std::to_string(input_.items.size()) + " items are written in its order, the form itself is not");
        } else if (input_.test != nullptr) {
            const auto& t = *input_.test;
            warn("", "Moodle XML holds questions, not tests: the test specification (" + std::to_string(t.item_count) +
                         " items, " + std::to_string(t.duration_minutes) + " minutes, pass mark " +
                         std::to_string(t.pass_mark) + ", blueprint) is not written");
        }
        for (const auto* item : input_.items) question(*item);
        result_.items = input_.items.size();
        result_.bytes = x_.finish();
        return std::move(result_);
    }

private:
    void warn(const std::string& item, std::string message) { result_.warnings.push_back({item, std::move(message)}); }

    std::string unit_path() const {
        const auto& unit = *input_.unit;
        return "$course$/top/" + category_name(unit.code + (unit.title.empty() ? "" : " " + unit.title));
    }

    // A category question sets the category of the questions after it: one is
    // written whenever the learning outcome changes.
    void category_for(const item_bank::Item& item) {
        const std::string outcome = item.criteria.empty() ? "" : item.primary_outcome();
        if (written_category_ && outcome == current_outcome_) return;
        const auto& unit = *input_.unit;
        if (!written_unit_) {
            category(unit_path(), unit.code + " " + unit.title);
            written_unit_ = true;
        }
        if (!outcome.empty()) {
            const auto* lo = unit.outcome(outcome);
            category(unit_path() + "/" + category_name("LO " + outcome), lo ? lo->text : "");
        } else if (written_category_) {
            category(unit_path(), unit.code + " " + unit.title);
        }
        current_outcome_ = outcome;
        written_category_ = true;
    }

    void category(const std::string& path, const std::string& info) {
        x_.open("question", {{"type", "category"}});
        x_.open("category");
        x_.leaf("text", path);
        x_.close();
        x_.open("info", {{"format", "html"}});
        x_.cdata_leaf("text", safe_text_to_xhtml(info, HtmlLayout::blocks));
        x_.close();
        x_.close();
    }

    // A picture goes with its text, as Moodle keeps it: an <img> whose src
    // names the field's own embedded <file> ("@@PLUGINFILE@@/" + name).
    // Writes the field's <text> and <file>.
    void text_with_picture(std::string html, HtmlLayout layout, const std::optional<item_bank::ItemImage>& picture,
                           const std::string& item_id) {
        std::shared_ptr<const std::string> bytes;
        if (picture) {
            bytes = input_.media ? input_.media(picture->media) : nullptr;
            if (bytes == nullptr) {
                warn(item_id, "the picture " + picture->media + " is not in the bank: it is not written");
            } else {
                const std::string img = "<img src=\"@@PLUGINFILE@@/" + picture->media + "\" alt=\"" +
                                        detail::xml_escape(picture->alt) + "\"/>";
                html += layout == HtmlLayout::blocks ? "<p>" + img + "</p>" : (html.empty() ? "" : " ") + img;
            }
        }
        x_.cdata_leaf("text", html);
        if (bytes != nullptr) {
            x_.leaf("file", detail::base64_encode(*bytes), {{"name", picture->media}, {"path", "/"}, {"encoding", "base64"}});
        }
    }

    void html_field(std::string_view name, const std::string& safe_text, HtmlLayout layout,
                    const std::optional<item_bank::ItemImage>& picture = std::nullopt, const std::string& item_id = "") {
        x_.open(name, {{"format", "html"}});
        text_with_picture(safe_text.empty() ? std::string() : safe_text_to_xhtml(safe_text, layout), layout, picture, item_id);
        x_.close();
    }

    void question(const item_bank::Item& item) {
        category_for(item);
        const bool single = item.type == item_bank::ResponseType::single;
        detail::warn_if_ids_not_positional(item, result_.warnings);
        if (item.status != item_bank::ItemStatus::live) {
            warn(item.id, "status " + std::string(item_bank::to_string(item.status)) +
                              " is not held: Moodle XML has no review status, so an import judges the item afresh");
        }
        // Moodle has one general feedback; what it shows after an attempt is
        // the reason the key is right, which is what the rationale says.
        std::string general = item.rationale.empty() ? item.feedback : item.rationale;
        if (!item.rationale.empty() && !item.feedback.empty() && item.feedback != item.rationale) {
            warn(item.id, "the general feedback is not written: Moodle XML has one general feedback, which holds the rationale");
        }
        x_.open("question", {{"type", "multichoice"}});
        x_.open("name");
        x_.leaf("text", item.id);
        x_.close();
        html_field("questiontext", item.stem, HtmlLayout::blocks, item.image, item.id);
        html_field("generalfeedback", general, HtmlLayout::blocks);
        x_.leaf("defaultgrade", "1");
        x_.leaf("penalty", "0");
        x_.leaf("hidden", "0");
        x_.leaf("idnumber", item.id);
        x_.leaf("single", single ? "true" : "false");
        x_.leaf("shuffleanswers", item.shuffle_options ? "true" : "false");
        x_.leaf("answernumbering", "ABCD");
        html_field("correctfeedback", "", HtmlLayout::blocks);
        html_field("partiallycorrectfeedback", "", HtmlLayout::blocks);
        html_field("incorrectfeedback", "", HtmlLayout::blocks);
        const bool all_or_nothing = !single && !item.weighted();
        if (all_or_nothing) {
            warn(item.id, "Moodle lets a candidate tick any number of answers (\"choose " + std::to_string(item.choose) +
                              "\" is not held) and gives each of the " + std::to_string(item.key.size()) +
                              " keys an equal share of the mark; the tag all-or-nothing tells this bank's import to "
                              "mark it right or wrong as a whole again");
        } else if (!single) {
            warn(item.id, "Moodle lets a candidate tick any number of answers: \"choose " + std::to_string(item.choose) +
                              "\" is not held");
        }
        for (const auto& o : item.options) answer(item, o, single);
        x_.open("tags");
        for (const auto& c : item.criteria) {
            x_.open("tag");
            x_.leaf("text", criterion_tag(item.unit.empty() ? input_.unit->code : item.unit, c));
            x_.close();
        }
        if (all_or_nothing) {
            x_.open("tag");
            x_.leaf("text", all_or_nothing_tag);
            x_.close();
        }
        x_.close();
        x_.close();
    }

    void answer(const item_bank::Item& item, const item_bank::ItemOption& o, bool single) {
        double share = 0;
        if (o.weight) {
            share = *o.weight;
            if (!moodle_grade(share)) {
                warn(item.id, "option " + o.id + "'s weight " + detail::exact_number(share) +
                                  " is not one of Moodle's grades: Moodle's import refuses it unless \"Match grades\" "
                                  "is set to the nearest grade");
            }
            const bool read_as_key = single ? share >= 1.0 : share > 0;
            if (read_as_key != item.is_key(o.id)) {
                warn(item.id, "option " + o.id + " (weight " + detail::exact_number(share) + ") is " +
                                  (item.is_key(o.id) ? "a key but" : "not a key but") + " Moodle reads " +
                                  (single ? "only a fraction of 100" : "every positive fraction") + " as right");
            }
        } else if (item.is_key(o.id)) {
            share = single ? 1.0 : 1.0 / static_cast<double>(item.key.size());
        }
        // An answer is itself a text field: its text, its picture, then its feedback.
        x_.open("answer", {{"fraction", detail::exact_number(share * 100)}, {"format", "html"}});
        text_with_picture(o.text.empty() ? std::string() : safe_text_to_xhtml(o.text, HtmlLayout::inline_),
                          HtmlLayout::inline_, o.image, item.id);
        html_field("feedback", o.feedback, HtmlLayout::inline_);
        x_.close();
    }

    const ExportInput& input_;
    detail::XmlWriter x_;
    ExportResult result_;
    bool written_unit_ = false, written_category_ = false;
    std::string current_outcome_;
};

}  // namespace

ExportResult write_moodle_xml(const ExportInput& input) { return MoodleWriter(input).run(); }

}  // namespace item_interchange
