#include "xml_document.hpp"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <mutex>

namespace item_interchange::detail {
namespace {

// Refuses every external entity and DTD, whatever the parser options say.
xmlParserInputPtr refuse_external(const char*, const char*, xmlParserCtxtPtr) { return nullptr; }

void quiet(void*, const char*, ...) {}

}  // namespace

XmlDoc parse_untrusted_xml(std::string_view content, const std::string& file, std::string& error) {
    static std::once_flag once;
    std::call_once(once, [] {
        xmlInitParser();
        xmlSetExternalEntityLoader(refuse_external);
    });
    // Checked before parsing, so not even libxml2 sees an entity declaration.
    if (content.find("<!ENTITY") != std::string_view::npos) {
        const auto at = content.find("<!ENTITY");
        const auto line = 1 + std::count(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(at), '\n');
        error = file + ": line " + std::to_string(line) +
                ": entity declarations are not accepted (they can read other files or expand without bound)";
        return nullptr;
    }
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (ctxt == nullptr) {
        error = file + ": out of memory";
        return nullptr;
    }
    xmlSetGenericErrorFunc(nullptr, quiet);
    // No NOENT (entities are not substituted), no DTDLOAD, NONET; no HUGE, so
    // libxml2 keeps its limits on depth and text size.
    XmlDoc doc(xmlCtxtReadMemory(ctxt, content.data(), static_cast<int>(content.size()), file.c_str(), nullptr,
                                 XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR | XML_PARSE_NOCDATA));
    if (!doc) {
        const xmlError* e = xmlCtxtGetLastError(ctxt);
        error = file + ": line " + std::to_string(e ? e->line : 0) + ": not well-formed XML" +
                (e && e->message ? std::string(": ") + e->message : std::string());
        while (!error.empty() && error.back() == '\n') error.pop_back();
    }
    xmlFreeParserCtxt(ctxt);
    return doc;
}

std::vector<xmlNode*> child_elements(const xmlNode* parent, std::string_view name) {
    std::vector<xmlNode*> out;
    if (parent == nullptr) return out;
    for (xmlNode* n = parent->children; n != nullptr; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (name.empty() || name == reinterpret_cast<const char*>(n->name)) out.push_back(n);
    }
    return out;
}

xmlNode* first_child(const xmlNode* parent, std::string_view name) {
    auto list = child_elements(parent, name);
    return list.empty() ? nullptr : list.front();
}

std::string text_of(const xmlNode* node) {
    if (node == nullptr) return {};
    xmlChar* t = xmlNodeGetContent(node);
    std::string out = t ? reinterpret_cast<const char*>(t) : "";
    xmlFree(t);
    return out;
}

std::string attribute(const xmlNode* node, const char* name) {
    if (node == nullptr) return {};
    xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
}

}  // namespace item_interchange::detail
