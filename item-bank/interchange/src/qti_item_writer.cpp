#include "qti_item_writer.hpp"

#include <cctype>

#include "export_support.hpp"
#include "qti_names.hpp"
#include "safe_text_html.hpp"
#include "xml_writer.hpp"

namespace item_interchange::detail {
namespace {

constexpr const char* v2_namespace = "http://www.imsglobal.org/xsd/imsqti_v2p1";
constexpr const char* v2_schema = "http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd";
constexpr const char* v3_namespace = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
constexpr const char* v3_schema =
    "http://www.imsglobal.org/xsd/imsqtiasi_v3p0 https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd";

std::string template_uri(bool v3, const char* name) {
    return v3 ? std::string("https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/") + name + ".xml"
              : std::string("http://www.imsglobal.org/question/qti_v2p1/rptemplates/") + name;
}

std::string start_tag(const std::string& name, const std::vector<XmlAttribute>& attributes) {
    std::string out = "<" + name;
    for (const auto& a : attributes) out += " " + std::string(a.name) + "=\"" + xml_escape(a.value) + "\"";
    return out + ">";
}

}  // namespace

std::string qti_identifier(const std::string& item_id) {
    const bool ncname = !item_id.empty() && (std::isalpha(static_cast<unsigned char>(item_id[0])) || item_id[0] == '_');
    return ncname ? item_id : "I-" + item_id;
}

std::string qti_item_xml(const item_bank::Item& item, bool v3, std::vector<ExportWarning>& warnings,
                         const std::string& media_folder) {
    const QtiNames n{v3};
    const bool single = item.type == item_bank::ResponseType::single;
    const std::string cardinality = single ? "single" : "multiple";
    const std::string identifier = qti_identifier(item.id);
    if (identifier != item.id) {
        warnings.push_back({item.id, "a QTI identifier cannot start with a digit: the item is " + identifier +
                                         " in the package and comes back under that id"});
    }
    warn_if_ids_not_positional(item, warnings);
    bool any_option_feedback = false;
    for (const auto& o : item.options) any_option_feedback = any_option_feedback || !o.feedback.empty();

    XmlWriter x;
    x.open(n("assessmentItem"), {{"xmlns", v3 ? v3_namespace : v2_namespace},
                                 {"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"},
                                 {"xsi:schemaLocation", v3 ? v3_schema : v2_schema},
                                 {"identifier", identifier},
                                 {"title", item.id},
                                 {"adaptive", "false"},
                                 {n.attr("timeDependent"), "false"}});
    x.open(n("responseDeclaration"), {{"identifier", "RESPONSE"}, {"cardinality", cardinality}, {n.attr("baseType"), "identifier"}});
    x.open(n("correctResponse"));
    for (const auto& k : item.key) x.leaf(n("value"), k);
    x.close();
    if (item.weighted()) {
        // The item is worth one mark, floored at 0 and capped at 1 as this bank marks it.
        x.open(n("mapping"), {{n.attr("lowerBound"), "0"}, {n.attr("upperBound"), "1"}, {n.attr("defaultValue"), "0"}});
        for (const auto& o : item.options) {
            x.empty(n("mapEntry"), {{n.attr("mapKey"), o.id}, {n.attr("mappedValue"), exact_number(o.weight.value_or(0.0))}});
        }
        x.close();
    }
    x.close();
    auto outcome = [&](const char* id, const char* base_type, const char* default_value) {
        x.open(n("outcomeDeclaration"), {{"identifier", id}, {"cardinality", "single"}, {n.attr("baseType"), base_type}});
        x.open(n("defaultValue"));
        x.leaf(n("value"), default_value);
        x.close();
        x.close();
    };
    outcome("SCORE", "float", "0");
    outcome("MAXSCORE", "float", "1");
    if (any_option_feedback || !item.feedback.empty()) {
        x.empty(n("outcomeDeclaration"), {{"identifier", "FEEDBACK"}, {"cardinality", cardinality}, {n.attr("baseType"), "identifier"}});
    }

    // QTI's img is XHTML's: alt is required, so an image without alt text has alt="".
    auto picture = [&](const std::optional<item_bank::ItemImage>& image) -> std::string {
        if (!image) return {};
        return "<img src=\"" + xml_escape(media_folder + image->media) + "\" alt=\"" + xml_escape(image->alt) + "\"/>";
    };
    x.open(n("itemBody"));
    x.markup(safe_text_to_xhtml(item.stem, HtmlLayout::blocks));
    if (item.image) x.markup_leaf("p", picture(item.image));  // XHTML elements keep their names in QTI 3.0
    x.open(n("choiceInteraction"), {{n.attr("responseIdentifier"), "RESPONSE"},
                                    {"shuffle", item.shuffle_options ? "true" : "false"},
                                    {n.attr("maxChoices"), std::to_string(item.choose)},
                                    {n.attr("minChoices"), std::to_string(item.choose)}});
    for (const auto& o : item.options) {
        std::string content = safe_text_to_xhtml(o.text, HtmlLayout::inline_);
        if (o.image) content += (content.empty() ? "" : " ") + picture(o.image);
        if (!o.feedback.empty()) {
            content += start_tag(n("feedbackInline"),
                                 {{n.attr("outcomeIdentifier"), "FEEDBACK"}, {"identifier", o.id}, {n.attr("showHide"), "show"}}) +
                       safe_text_to_xhtml(o.feedback, HtmlLayout::inline_) + "</" + n("feedbackInline") + ">";
        }
        x.markup_leaf(n("simpleChoice"), content, {{"identifier", o.id}});
    }
    x.close();
    if (!item.rationale.empty()) {
        if (v3) {
            x.open(n("rubricBlock"), {{"view", "scorer"}, {"use", "scoring"}});
            x.markup_leaf(n("contentBody"), safe_text_to_xhtml(item.rationale, HtmlLayout::blocks));
            x.close();
        } else {
            x.markup_leaf(n("rubricBlock"), safe_text_to_xhtml(item.rationale, HtmlLayout::blocks), {{"view", "scorer"}});
        }
    }
    x.close();
    x.empty(n("responseProcessing"), {{"template", template_uri(v3, item.weighted() ? "map_response" : "match_correct")}});
    if (!item.feedback.empty()) {
        // "hide" with an identifier the outcome never takes: shown whatever was answered.
        const std::string body = safe_text_to_xhtml(item.feedback, HtmlLayout::blocks);
        x.markup_leaf(n("modalFeedback"), v3 ? start_tag(n("contentBody"), {}) + body + "</" + n("contentBody") + ">" : body,
                      {{n.attr("outcomeIdentifier"), "FEEDBACK"}, {"identifier", "GENERAL"}, {n.attr("showHide"), "hide"}});
    }
    return x.finish();
}

}  // namespace item_interchange::detail
