#include "item_interchange/moodle_xml_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "item_interchange/ac_mapping.hpp"
#include "item_interchange/html_to_safe_text.hpp"
#include "item_interchange/item_export.hpp"
#include "base64_text.hpp"
#include "package_href.hpp"
#include "picture_import.hpp"
#include "xml_document.hpp"

namespace item_interchange {
namespace {
using detail::attribute;
using detail::child_elements;
using detail::first_child;
using detail::text_of;

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// Moodle reads "1", "true" (any case, surrounding white space) as true and "0", "false" as false.
std::optional<bool> moodle_bool(const xmlNode* node) {
    if (node == nullptr) return std::nullopt;
    std::string v = trim(text_of(node));
    std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (v == "1" || v == "true") return true;
    if (v == "0" || v == "false") return false;
    return std::nullopt;
}

constexpr std::string_view plugin_prefix = "@@PLUGINFILE@@/";

// A picture's src in a Moodle text names one of the field's own <file>s:
// "@@PLUGINFILE@@/" then the file's path (without its leading "/") and name.
detail::PictureFetch embedded_files(const xmlNode* field) {
    return [field](std::string_view src, std::string& why) -> std::optional<std::string> {
        if (!src.starts_with(plugin_prefix)) {
            why = "it is not one of the question's embedded files (@@PLUGINFILE@@), and nothing is fetched from elsewhere";
            return std::nullopt;
        }
        // A malformed escape is read as written: Moodle's own file names never hold one.
        const auto name = src.substr(plugin_prefix.size());
        std::string ignored;
        const std::string wanted = "/" + detail::percent_decoded(name, ignored).value_or(std::string(name));
        for (const xmlNode* f : child_elements(field, "file")) {
            std::string path = attribute(f, "path");
            if (path.empty()) path = "/";
            if (!path.ends_with('/')) path += '/';
            if (path + attribute(f, "name") != wanted) continue;
            if (attribute(f, "encoding") != "base64") {
                why = "its <file> (line " + std::to_string(xmlGetLineNo(const_cast<xmlNode*>(f))) + ") is not base64";
                return std::nullopt;
            }
            auto bytes = detail::base64_decode(text_of(f));
            if (!bytes) why = "its <file> (line " + std::to_string(xmlGetLineNo(const_cast<xmlNode*>(f))) + ") is not valid base64";
            return bytes;
        }
        why = "the question has no embedded <file> " + wanted.substr(1);
        return std::nullopt;
    };
}

// A <questiontext format="html"><text>…</text><file …/></questiontext>-shaped
// element as safe text; its first picture kept as `picture` when given one.
std::string text_field(const xmlNode* field, ImportedItem& imported, std::map<std::string, std::string>& media,
                       const std::string& where, std::optional<item_bank::ItemImage>* picture = nullptr) {
    if (field == nullptr) return {};
    const std::string raw = text_of(first_child(field, "text"));
    const std::string format = attribute(field, "format");
    if (format == "plain_text") return plain_to_safe_text(trim(raw));
    if (format == "markdown") return trim(raw);
    auto converted = html_to_safe_text(raw);
    for (auto& w : converted.warnings) imported.warnings.push_back(w);
    if (picture != nullptr) {
        detail::keep_picture(converted.pictures, {embedded_files(field), "", &media}, *picture, imported.warnings, where);
    } else {
        detail::drop_pictures(converted.pictures, imported.warnings, where);
    }
    return converted.text;
}

class Reader {
public:
    Reader(const std::string& file, const ImportOptions& options, FileReport& report)
        : file_(file), options_(options), report_(report) {}

    void question(xmlNode* q, std::size_t index) {
        const std::string type = attribute(q, "type");
        position_ = "question " + std::to_string(index) + " (line " + std::to_string(xmlGetLineNo(q)) + ")";
        if (type == "category") {
            report_.warnings.push_back(position_ + ": category " + trim(text_of(first_child(first_child(q, "category"), "text"))) +
                                       " is not kept: items go to the unit given with --unit");
            return;
        }
        const std::string name = trim(text_of(first_child(first_child(q, "name"), "text")));
        const std::string idnumber = trim(text_of(first_child(q, "idnumber")));
        const std::string source_id = !idnumber.empty() ? idnumber : !name.empty() ? name : position_;
        if (type != "multichoice" && type != "truefalse") {
            report_.skipped.push_back({source_id, position_, type.empty() ? "unknown" : type, "only choice questions are imported"});
            return;
        }
        ImportedItem imported;
        imported.position = position_;
        imported.title = name;
        auto& item = imported.item;
        item.stem = text_field(first_child(q, "questiontext"), imported, report_.media, "the stem", &item.image);
        legacy_image(q, imported);
        item.feedback = text_field(first_child(q, "generalfeedback"), imported, report_.media, "the general feedback");
        item.rationale = item.feedback;
        // Moodle's default for both is true, and so is ours.
        const bool single = type == "truefalse" || moodle_bool(first_child(q, "single")).value_or(true);
        item.shuffle_options = type != "truefalse" && moodle_bool(first_child(q, "shuffleanswers")).value_or(true);
        item.type = single ? item_bank::ResponseType::single : item_bank::ResponseType::multiple;
        const auto answers = child_elements(q, "answer");
        if (answers.size() > 26) return skip(source_id, type, "more than 26 answers");
        bool plain = true;
        for (std::size_t i = 0; i < answers.size(); ++i) {
            const std::string fraction_text = trim(attribute(answers[i], "fraction"));
            char* end = nullptr;
            const double fraction = std::strtod(fraction_text.c_str(), &end);
            if (fraction_text.empty() || end != fraction_text.c_str() + fraction_text.size() || fraction < -100 ||
                fraction > 100) {
                return skip(source_id, type, "answer " + std::to_string(i + 1) + " has fraction \"" + fraction_text +
                                                 "\", expected a number from -100 to 100");
            }
            item_bank::ItemOption o;
            o.id = std::string(1, static_cast<char>('A' + i));
            o.text = text_field(answers[i], imported, report_.media, "option " + o.id, &o.image);
            if (type == "truefalse") {
                std::string t = trim(text_of(first_child(answers[i], "text")));
                o.text = t == "true" ? "True" : t == "false" ? "False" : o.text;
            }
            o.feedback = text_field(first_child(answers[i], "feedback"), imported, report_.media, "the feedback of option " + o.id);
            o.weight = fraction / 100.0;
            const bool key = single ? fraction >= 100 : fraction > 0;
            if (key) {
                item.key.push_back(o.id);
                imported.source_keys.push_back(trim(text_of(first_child(answers[i], "text"))));
            }
            if (*o.weight != (key ? 1.0 : 0.0)) plain = false;
            item.options.push_back(std::move(o));
        }
        if (plain && single) {
            for (auto& o : item.options) o.weight.reset();
        }
        if (!single && tagged(q, all_or_nothing_tag)) all_or_nothing(imported);
        item.choose = single ? 1 : static_cast<int>(item.key.size());
        std::string id = item_id_from("", !idnumber.empty() ? idnumber : !name.empty() ? name : "moodle-" + std::to_string(index));
        for (int n = 2; ids_.count(id); ++n) id = item_id_from("", id.substr(0, 58) + "-" + std::to_string(n));
        ids_.insert(id);
        item.id = id;
        item.source = item_bank::ItemSource{"moodle-xml", source_id, file_};
        // Mapping convention (ac_mapping.hpp): a tag AC:<unit>:<criterion>.
        for (xmlNode* tag : child_elements(first_child(q, "tags"), "tag")) {
            map_tag(imported, text_of(first_child(tag, "text")), options_.unit);
        }
        std::string reason;
        if (!settle_status(imported, options_, reason)) return skip(source_id, type, reason);
        report_.imported.push_back(std::move(imported));
    }

private:
    // Moodle 1.x kept a question's one picture as <image>name</image> and
    // <image_base64>: the stem's picture, with no alt text (so a draft until
    // someone writes it), unless the text already has one.
    void legacy_image(xmlNode* q, ImportedItem& imported) {
        const xmlNode* encoded = first_child(q, "image_base64");
        if (encoded == nullptr) return;
        const std::string what = "the legacy image_base64 picture \"" + trim(text_of(first_child(q, "image"))) + "\"";
        if (imported.item.image) {
            imported.warnings.push_back(what + " was not kept: the stem already shows a picture");
            return;
        }
        auto bytes = detail::base64_decode(text_of(encoded));
        if (!bytes) {
            imported.warnings.push_back(what + " was not kept: it is not valid base64");
            return;
        }
        imported.item.image = detail::keep_picture_bytes(std::move(*bytes), "", {{}, "", &report_.media}, imported.warnings, what);
    }

    static bool tagged(xmlNode* q, std::string_view tag) {
        for (xmlNode* t : child_elements(first_child(q, "tags"), "tag")) {
            if (trim(text_of(first_child(t, "text"))) == tag) return true;
        }
        return false;
    }

    // The tag all-or-nothing (written by exam-admin export) says the equal
    // split Moodle needs stands for right-or-wrong marking: unweighted again,
    // when the fractions are that split and nothing else.
    static void all_or_nothing(ImportedItem& imported) {
        auto& item = imported.item;
        const double share = item.key.empty() ? 0 : 1.0 / static_cast<double>(item.key.size());
        const bool equal_split = std::all_of(item.options.begin(), item.options.end(), [&](const item_bank::ItemOption& o) {
            return std::abs(o.weight.value_or(0) - (item.is_key(o.id) ? share : 0.0)) < 1e-6;
        });
        if (!equal_split) {
            imported.warnings.push_back("the tag all-or-nothing is not followed: the fractions are not an equal split "
                                        "of the mark over the right answers");
            return;
        }
        for (auto& o : item.options) o.weight.reset();
    }

    void skip(const std::string& id, const std::string& type, const std::string& reason) {
        report_.skipped.push_back({id, position_, type, reason});
    }

    const std::string& file_;
    const ImportOptions& options_;
    FileReport& report_;
    std::set<std::string> ids_;
    std::string position_;
};

}  // namespace

FileReport read_moodle_xml(std::string_view content, const std::string& file, const ImportOptions& options) {
    FileReport report;
    report.file = file;
    report.format = "moodle-xml";
    std::string error;
    const auto doc = detail::parse_untrusted_xml(content, file, error);
    if (!doc) {
        report.rejected = true;
        report.error = error;
        return report;
    }
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (root == nullptr || std::string_view(reinterpret_cast<const char*>(root->name)) != "quiz" || root->ns != nullptr) {
        report.rejected = true;
        report.error = file + ": the root element is not Moodle's <quiz>";
        return report;
    }
    Reader reader(file, options, report);
    const auto questions = child_elements(root, "question");
    for (std::size_t i = 0; i < questions.size(); ++i) reader.question(questions[i], i + 1);
    return report;
}

}  // namespace item_interchange
