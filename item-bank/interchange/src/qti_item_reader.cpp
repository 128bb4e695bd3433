#include "item_interchange/qti_item_reader.hpp"

#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <map>

#include "item_interchange/ac_mapping.hpp"
#include "item_interchange/html_to_safe_text.hpp"
#include "picture_import.hpp"
#include "qti_names.hpp"
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

std::string lower(std::string s);

std::string inner_xml(xmlNode* node) {
    std::string out;
    xmlBuffer* buffer = xmlBufferCreate();
    for (xmlNode* c = node->children; c != nullptr; c = c->next) xmlNodeDump(buffer, node->doc, c, 0, 0);
    out.assign(reinterpret_cast<const char*>(xmlBufferContent(buffer)), static_cast<std::size_t>(xmlBufferLength(buffer)));
    xmlBufferFree(buffer);
    return out;
}

std::string outer_xml(xmlNode* node) {
    xmlBuffer* buffer = xmlBufferCreate();
    xmlNodeDump(buffer, node->doc, node, 0, 0);
    std::string out(reinterpret_cast<const char*>(xmlBufferContent(buffer)), static_cast<std::size_t>(xmlBufferLength(buffer)));
    xmlBufferFree(buffer);
    return out;
}

// QTI 3.0 wraps the content of rubric blocks and modal feedback in a
// qti-content-body element, which is no part of the text.
std::string content_of(xmlNode* node, const detail::QtiNames& n) {
    if (xmlNode* body = first_child(node, n("contentBody"))) return inner_xml(body);
    return inner_xml(node);
}

// A rubric block for scorers, authors or tutors (not candidates) holds what a
// rationale holds: why the key is right, never shown in a sitting.
bool rationale_block(xmlNode* node, const detail::QtiNames& n) {
    if (reinterpret_cast<const char*>(node->name) != n("rubricBlock")) return false;
    const std::string view = lower(attribute(node, "view"));
    return !view.empty() && view.find("candidate") == std::string::npos;
}

void find_all(xmlNode* node, const std::string& name, std::vector<xmlNode*>& out) {
    for (xmlNode* c = node->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (name == reinterpret_cast<const char*>(c->name)) out.push_back(c);
        find_all(c, name, out);
    }
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace

std::string standard_template(std::string_view uri) {
    std::string u = lower(trim(std::string(uri)));
    if (u.find("imsglobal.org") == std::string::npos) return "";
    const auto slash = u.find_last_of('/');
    std::string name = slash == std::string::npos ? u : u.substr(slash + 1);
    if (name.ends_with(".xml")) name.resize(name.size() - 4);
    if (name == "match_correct" || name == "map_response") return name;
    return "";
}

FileReport read_qti_item(std::string_view content, const std::string& file, const ImportOptions& options,
                         const ItemMetadata& metadata, const QtiPictureFetch& fetch_picture) {
    FileReport report;
    report.file = file;
    std::string error;
    const auto doc = detail::parse_untrusted_xml(content, file, error);
    auto reject = [&](std::string why) {
        report.rejected = true;
        report.error = std::move(why);
        return report;
    };
    if (!doc) return reject(error);
    xmlNode* root = xmlDocGetRootElement(doc.get());
    const std::string ns = root && root->ns && root->ns->href ? reinterpret_cast<const char*>(root->ns->href) : "";
    const std::string root_name = root ? reinterpret_cast<const char*>(root->name) : "";
    static const std::map<std::string, std::string> versions = {
        {"http://www.imsglobal.org/xsd/imsqti_v2p1", "qti21"},
        {"http://www.imsglobal.org/xsd/imsqti_v2p2", "qti22"},
        {"http://www.imsglobal.org/xsd/imsqtiasi_v3p0", "qti30"}};
    const auto v = versions.find(ns);
    if (v == versions.end()) {
        return reject(file + ": line " + std::to_string(root ? xmlGetLineNo(root) : 0) + ": unknown namespace \"" + ns +
                      "\" (expected QTI 2.1, 2.2 or 3.0)");
    }
    report.format = v->second;
    const detail::QtiNames n{report.format == "qti30"};
    if (root_name != n("assessmentItem")) {
        return reject(file + ": line " + std::to_string(xmlGetLineNo(root)) + ": <" + root_name + "> in the " +
                      report.format + " namespace: expected <" + n("assessmentItem") +
                      "> (element names of one QTI version in another's namespace are not guessed)");
    }
    const std::string source_id = attribute(root, "identifier");
    const std::string position = "line " + std::to_string(xmlGetLineNo(root));
    auto skip = [&](const std::string& type, const std::string& reason) {
        report.skipped.push_back({source_id, position, type, reason});
        return report;
    };
    xmlNode* body = first_child(root, n("itemBody"));
    std::vector<xmlNode*> interactions;
    std::string other_type;
    if (body != nullptr) {
        std::vector<xmlNode*> all;
        std::function<void(xmlNode*)> walk = [&](xmlNode* node) {
            for (xmlNode* c = node->children; c != nullptr; c = c->next) {
                if (c->type != XML_ELEMENT_NODE) continue;
                const std::string name = reinterpret_cast<const char*>(c->name);
                if (name.ends_with("Interaction") || name.ends_with("-interaction")) {
                    all.push_back(c);
                } else {
                    walk(c);
                }
            }
        };
        walk(body);
        for (xmlNode* i : all) {
            if (reinterpret_cast<const char*>(i->name) == n("choiceInteraction")) {
                interactions.push_back(i);
            } else {
                other_type = reinterpret_cast<const char*>(i->name);
            }
        }
        if (all.size() > 1) return skip("adaptive or composite", "an item with several interactions is not imported");
    }
    if (interactions.empty()) return skip(other_type.empty() ? "no interaction" : other_type, "only choice items are imported");
    xmlNode* choice = interactions.front();

    ImportedItem imported;
    imported.position = position;
    imported.title = attribute(root, "title");
    auto& item = imported.item;
    // The stem: the body's content before and around the interaction, then its prompt.
    std::string stem_html, rationale_html;
    for (xmlNode* c = body->children; c != nullptr; c = c->next) {
        if (c == choice) continue;
        if (c->type == XML_ELEMENT_NODE && rationale_block(c, n)) {
            rationale_html += content_of(c, n);
            continue;
        }
        // A candidate's rubric block is part of what they read: its content, unwrapped, with no warning.
        if (c->type == XML_ELEMENT_NODE && reinterpret_cast<const char*>(c->name) == n("rubricBlock")) {
            stem_html += "<div>" + content_of(c, n) + "</div>";
            continue;
        }
        bool holds_choice = false;
        for (xmlNode* p = choice->parent; p != nullptr; p = p->parent) holds_choice = holds_choice || p == c;
        if (holds_choice) continue;
        xmlBuffer* buffer = xmlBufferCreate();
        xmlNodeDump(buffer, c->doc, c, 0, 0);
        stem_html.append(reinterpret_cast<const char*>(xmlBufferContent(buffer)), static_cast<std::size_t>(xmlBufferLength(buffer)));
        xmlBufferFree(buffer);
    }
    if (xmlNode* prompt = first_child(choice, n("prompt"))) stem_html += "<p>" + inner_xml(prompt) + "</p>";
    const detail::PictureContext pictures{
        fetch_picture, "an item file read alone does not carry its pictures: import the content package that holds it",
        &report.media};
    // Text with its pictures: the first is kept as `picture` when given one, else each is a warning.
    auto convert = [&imported, &pictures](const std::string& html, const std::string& where,
                                          std::optional<item_bank::ItemImage>* picture = nullptr) {
        auto c = html_to_safe_text(html);
        for (auto& w : c.warnings) imported.warnings.push_back(w);
        if (picture != nullptr) {
            detail::keep_picture(c.pictures, pictures, *picture, imported.warnings, where);
        } else {
            detail::drop_pictures(c.pictures, imported.warnings, where);
        }
        return c.text;
    };
    item.stem = convert(stem_html, "the stem", &item.image);
    item.rationale = convert(rationale_html, "the rationale");
    item.shuffle_options = lower(attribute(choice, n.attr("shuffle").c_str())) == "true";
    const std::string max_text = attribute(choice, n.attr("maxChoices").c_str());
    const int max_choices = max_text.empty() ? 1 : std::atoi(max_text.c_str());
    const auto choices = child_elements(choice, n("simpleChoice"));
    if (choices.size() > 26) return skip("choice", "more than 26 choices");
    std::map<std::string, std::string> option_of;  // source identifier -> our option id
    for (std::size_t i = 0; i < choices.size(); ++i) {
        item_bank::ItemOption o;
        o.id = std::string(1, static_cast<char>('A' + i));
        // Inline feedback sits inside the choice: taken out, it is the option's
        // feedback, left in it would read as part of the option.
        for (xmlNode* fb : child_elements(choices[i], n("feedbackInline"))) {
            o.feedback += (o.feedback.empty() ? "" : "\n\n") + convert(inner_xml(fb), "the feedback of option " + o.id);
            xmlUnlinkNode(fb);
            xmlFreeNode(fb);
        }
        o.text = convert(inner_xml(choices[i]), "option " + o.id, &o.image);
        option_of[attribute(choices[i], "identifier")] = o.id;
        if (lower(attribute(choices[i], "fixed")) == "true") {
            imported.warnings.push_back("choice " + attribute(choices[i], "identifier") +
                                        " is fixed in place: the bank keeps the whole order fixed instead");
            item.shuffle_options = false;
        }
        item.options.push_back(std::move(o));
    }
    item.type = max_choices == 1 ? item_bank::ResponseType::single : item_bank::ResponseType::multiple;

    // The key and the mapping, from the interaction's response declaration.
    const std::string response_id = attribute(choice, n.attr("responseIdentifier").c_str());
    xmlNode* declaration = nullptr;
    for (xmlNode* d : child_elements(root, n("responseDeclaration"))) {
        if (attribute(d, "identifier") == response_id) declaration = d;
    }
    for (xmlNode* value : child_elements(first_child(declaration, n("correctResponse")), n("value"))) {
        const std::string source_key = trim(text_of(value));
        imported.source_keys.push_back(source_key);
        if (option_of.count(source_key)) item.key.push_back(option_of[source_key]);
    }
    item.choose = item.type == item_bank::ResponseType::single ? 1 : static_cast<int>(item.key.size());

    // Scoring: a standard template, a recognised idiom, or custom.
    std::string scoring;
    xmlNode* processing = first_child(root, n("responseProcessing"));
    if (processing != nullptr) {
        scoring = standard_template(attribute(processing, "template"));
        if (scoring.empty() && attribute(processing, "template").empty()) {
            std::vector<xmlNode*> found;
            find_all(processing, n("mapResponse"), found);
            if (!found.empty()) {
                scoring = "map_response";
            } else {
                find_all(processing, n("match"), found);
                for (xmlNode* m : found) {
                    if (first_child(m, n("variable")) && first_child(m, n("correct"))) scoring = "match_correct";
                }
            }
        }
        if (scoring.empty()) {
            imported.warnings.push_back("custom scoring needs review, kept verbatim: " + outer_xml(processing));
        }
    } else {
        scoring = "match_correct";  // no processing: the key alone says what is right
    }
    if (scoring == "map_response") {
        xmlNode* mapping = first_child(declaration, n("mapping"));
        std::map<std::string, double> mapped;
        for (xmlNode* e : child_elements(mapping, n("mapEntry"))) {
            mapped[attribute(e, n.attr("mapKey").c_str())] = std::atof(attribute(e, n.attr("mappedValue").c_str()).c_str());
        }
        const double default_value = std::atof(attribute(mapping, n.attr("defaultValue").c_str()).c_str());
        double best = 0;
        for (const auto& [key, value] : mapped) {
            best = item.type == item_bank::ResponseType::single ? std::max(best, value) : best + std::max(0.0, value);
        }
        const std::string upper = attribute(mapping, n.attr("upperBound").c_str());
        if (!upper.empty()) best = std::min(best, std::atof(upper.c_str()));
        if (best > 0) {
            for (std::size_t i = 0; i < choices.size(); ++i) {
                const auto it = mapped.find(attribute(choices[i], "identifier"));
                item.options[i].weight = std::clamp((it == mapped.end() ? default_value : it->second) / best, -1.0, 1.0);
            }
        }
    }
    for (xmlNode* fb : child_elements(root, n("modalFeedback"))) {
        const std::string text = convert(content_of(fb, n), "the feedback");
        if (!text.empty()) item.feedback += (item.feedback.empty() ? "" : "\n\n") + text;
    }
    item.id = item_id_from("", source_id.empty() ? "qti-item" : source_id);
    item.source = item_bank::ItemSource{report.format, source_id.empty() ? position : source_id, file};
    for (const auto& c : metadata.criteria) map_criterion(imported, c, options.unit, "metadata");
    std::string reason;
    if (!settle_status(imported, options, reason)) return skip("choice", reason);
    if (!metadata.status.empty() && lower(metadata.status) != "final") {
        item.status = item_bank::ItemStatus::draft;
        imported.broken_rules.push_back("source-status: the package marks it " + metadata.status + ", not final");
    }
    if (scoring.empty()) {
        item.status = item_bank::ItemStatus::draft;
        imported.broken_rules.push_back("custom-scoring: the response processing is not a standard template");
    }
    report.imported.push_back(std::move(imported));
    return report;
}

}  // namespace item_interchange
