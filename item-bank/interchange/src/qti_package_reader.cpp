#include "item_interchange/qti_package_reader.hpp"

#include <libxml/tree.h>

#include <algorithm>
#include <regex>
#include <set>

#include "item_interchange/qti_item_reader.hpp"
#include "package_href.hpp"
#include "xml_document.hpp"

namespace item_interchange {
namespace {
using detail::attribute;
using detail::child_elements;
using detail::first_child;
using detail::text_of;

constexpr std::string_view manifest_name = "imsmanifest.xml";

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string line_of(const xmlNode* node) { return "line " + std::to_string(xmlGetLineNo(node)); }

std::string xml_base(const xmlNode* node) {
    xmlChar* v = xmlGetNsProp(node, reinterpret_cast<const xmlChar*>("base"), XML_XML_NAMESPACE);
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
}

void descendants(const xmlNode* node, std::string_view name, std::vector<const xmlNode*>& out) {
    for (const xmlNode* c = node ? node->children : nullptr; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (name == reinterpret_cast<const char*>(c->name)) out.push_back(c);
        descendants(c, name, out);
    }
}

// The AC mapping and status a resource's metadata gives, in document order.
ItemMetadata item_metadata(const xmlNode* resource, const ImportOptions& options) {
    ItemMetadata out;
    const xmlNode* metadata = first_child(resource, "metadata");
    std::vector<const xmlNode*> found;
    descendants(metadata, "GUID", found);  // curriculum standards metadata
    for (const xmlNode* guid : found) {
        if (auto ref = parse_criterion_tag(text_of(guid))) out.criteria.push_back(*ref);
    }
    found.clear();
    descendants(metadata, "taxonPath", found);  // LOM classification
    static const std::regex criterion_number(R"(\d+\.\d+)");
    for (const xmlNode* path : found) {
        std::vector<std::string> ids;
        for (const xmlNode* taxon : child_elements(path, "taxon")) ids.push_back(trim(text_of(first_child(taxon, "id"))));
        bool mapped = false;
        for (const auto& id : ids) {
            if (auto ref = parse_criterion_tag(id)) {
                out.criteria.push_back(*ref);
                mapped = true;
            }
        }
        // Generally: a path from the unit (by its code) down to a criterion number.
        if (!mapped && ids.size() >= 2 && ids.front() == options.unit &&
            (options.unit_spec ? options.unit_spec->criterion(ids.back()) != nullptr
                               : std::regex_match(ids.back(), criterion_number))) {
            out.criteria.push_back({options.unit, ids.back()});
        }
    }
    found.clear();
    descendants(metadata, "lifeCycle", found);
    if (!found.empty()) out.status = trim(text_of(first_child(first_child(found.front(), "status"), "value")));
    return out;
}

struct Resource {
    const xmlNode* node;
    std::string identifier, type, entry;  // entry: the package file its href names
    std::vector<std::string> files;       // every package file it names
};

}  // namespace

FileReport read_qti_package(std::string_view content, const std::string& file, const ImportOptions& options,
                            const PackageLimits& limits) {
    FileReport report;
    report.file = file;
    auto reject = [&report](std::string why) {
        report.rejected = true;
        report.error = std::move(why);
        report.imported.clear();
        report.skipped.clear();
        return report;
    };
    ZipReader zip(content, file, limits);
    if (!zip.error().empty()) return reject(zip.error());
    if (!zip.contains(manifest_name)) {
        std::string elsewhere;
        for (const auto& n : zip.names()) {
            if (n.ends_with("/imsmanifest.xml")) elsewhere = " (there is one at " + n + ": it must be at the root)";
        }
        return reject(file + ": no imsmanifest.xml at the root of the package: not a content package" + elsewhere);
    }
    std::string error;
    const auto manifest_bytes = zip.read(manifest_name, error);
    if (!manifest_bytes) return reject(error);
    const std::string manifest_file = file + ": imsmanifest.xml";
    const auto doc = detail::parse_untrusted_xml(*manifest_bytes, manifest_file, error);
    if (!doc) return reject(error);
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    const std::string ns = root && root->ns && root->ns->href ? reinterpret_cast<const char*>(root->ns->href) : "";
    const bool v3 = ns == "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1";
    if (root == nullptr || std::string_view(reinterpret_cast<const char*>(root->name)) != "manifest" ||
        (!v3 && ns != "http://www.imsglobal.org/xsd/imscp_v1p1")) {
        return reject(manifest_file + ": " + (root ? line_of(root) : "line 1") +
                      ": not an IMS content package manifest (expected <manifest> in the IMS CP 1.1 namespace or QTI 3.0's, found namespace \"" +
                      ns + "\")");
    }
    const xmlNode* resources = first_child(root, "resources");
    if (resources == nullptr) return reject(manifest_file + ": " + line_of(root) + ": the manifest has no <resources>");

    // Every href first: one that leaves the package or names a missing file
    // refuses the package before any item is read.
    std::vector<Resource> list;
    for (const xmlNode* r : child_elements(resources, "resource")) {
        Resource res{r, attribute(r, "identifier"), attribute(r, "type"), "", {}};
        const std::string base = xml_base(resources) + (xml_base(resources).empty() ? "" : "/") + xml_base(r);
        std::vector<std::pair<const xmlNode*, std::string>> hrefs;
        if (!attribute(r, "href").empty()) hrefs.emplace_back(r, attribute(r, "href"));
        for (const xmlNode* f : child_elements(r, "file")) hrefs.emplace_back(f, attribute(f, "href"));
        for (const auto& [node, href] : hrefs) {
            std::string why;
            const auto entry = detail::resolve_href(base, href, why);
            if (!entry) {
                return reject(manifest_file + ": " + line_of(node) + ": href \"" + href + "\": " + why +
                              " (the package is refused)");
            }
            if (!zip.contains(*entry)) {
                return reject(manifest_file + ": " + line_of(node) + ": href \"" + href +
                              "\" names a file the package does not hold");
            }
            if (res.entry.empty()) res.entry = *entry;
            if (std::find(res.files.begin(), res.files.end(), *entry) == res.files.end()) res.files.push_back(*entry);
        }
        list.push_back(std::move(res));
    }

    report.format = v3 ? "qti30" : "qti21";
    for (const auto& r : list) {
        if (!v3 && r.type.find("imsqti_item_xmlv2p2") != std::string::npos) report.format = "qti22";
    }
    std::set<std::string> ids;
    std::set<std::string> pictured;  // package entries kept as pictures
    std::vector<std::pair<std::string, std::string>> other_files;  // (resource, entry) of non-item resources
    std::size_t items = 0;
    for (const auto& r : list) {
        const std::string where = "resource " + r.identifier + " (" + line_of(r.node) + " of imsmanifest.xml)";
        if (r.type.starts_with("imsqti_test_xml")) {
            report.warnings.push_back(where + ", " + r.type +
                                      ": an assessment test is not imported: tests and forms are made in the bank");
            continue;
        }
        if (!r.type.starts_with("imsqti_item_xml")) {
            for (const auto& f : r.files) other_files.emplace_back(where + ", " + (r.type.empty() ? "no type" : r.type), f);
            if (r.files.empty()) report.warnings.push_back(where + ": not imported: it names no file");
            continue;
        }
        if (r.entry.empty()) return reject(manifest_file + ": " + line_of(r.node) + ": item resource " + r.identifier + " names no file");
        ++items;
        const auto bytes = zip.read(r.entry, error);
        if (!bytes) return reject(error);
        // A picture's src is relative to its item file; like any href it may not leave the package.
        const std::string item_folder = r.entry.find('/') == std::string::npos ? "" : r.entry.substr(0, r.entry.rfind('/'));
        auto fetch = [&zip, &item_folder, &pictured](std::string_view src, std::string& why) -> std::optional<std::string> {
            const auto entry = detail::resolve_href(item_folder, src, why);
            if (!entry) return std::nullopt;
            if (!zip.contains(*entry)) {
                why = "the package holds no file " + *entry;
                return std::nullopt;
            }
            auto read = zip.read(*entry, why);
            if (read) pictured.insert(*entry);
            return read;
        };
        FileReport item_report =
            read_qti_item(*bytes, file + ": " + r.entry, options, item_metadata(r.node, options), fetch);
        if (item_report.rejected) return reject(item_report.error);
        if (item_report.format != report.format) {
            report.warnings.push_back(r.entry + " is a " + item_report.format + " item in a " + report.format + " package");
        }
        for (auto& i : item_report.imported) {
            i.position = r.entry + " " + i.position;
            i.item.source->file = file;
            for (int n = 2; ids.count(i.item.id); ++n) i.item.id = item_id_from("", i.item.id.substr(0, 58) + "-" + std::to_string(n));
            ids.insert(i.item.id);
            report.imported.push_back(std::move(i));
        }
        for (auto& s : item_report.skipped) {
            s.position = r.entry + " " + s.position;
            report.skipped.push_back(std::move(s));
        }
        for (auto& w : item_report.warnings) report.warnings.push_back(r.entry + ": " + w);
        report.media.merge(item_report.media);
    }
    // Files of other resources (webcontent, shared media) are accounted for:
    // a picture some item showed was kept with it, anything else was not.
    for (const auto& r : other_files) {
        if (pictured.count(r.second)) continue;
        report.warnings.push_back(r.first + ": " + r.second + " was not kept: no imported item shows it as a picture");
    }
    if (items == 0) report.warnings.push_back("the package holds no item resources");
    return report;
}

}  // namespace item_interchange
