#pragma once
// Parsing untrusted XML with libxml2: no DTD loading, no network, no external
// or internal entity declarations at all (they are how XXE and billion-laughs
// files work, and no item format needs them), and libxml2's own size limits.

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace item_interchange::detail {

struct XmlDocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

// The document, or null with `error` naming the file and the line.
XmlDoc parse_untrusted_xml(std::string_view content, const std::string& file, std::string& error);

// Element helpers: names compared on the local name.
std::vector<xmlNode*> child_elements(const xmlNode* parent, std::string_view name = {});
xmlNode* first_child(const xmlNode* parent, std::string_view name);
std::string text_of(const xmlNode* node);  // the concatenated text content, "" for null
std::string attribute(const xmlNode* node, const char* name);

}  // namespace item_interchange::detail
