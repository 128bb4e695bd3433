#include "item_interchange/format_detection.hpp"

#include <cctype>

namespace item_interchange {
namespace {

// Skips a BOM, white space, the XML declaration, comments and a doctype to the root element's name.
std::string_view root_element(std::string_view s) {
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
    while (true) {
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
        if (s.starts_with("<?") || s.starts_with("<!")) {
            const bool comment = s.starts_with("<!--");
            const auto end = comment ? s.find("-->") : s.find('>');
            if (end == std::string_view::npos) return {};
            s.remove_prefix(end + (comment ? 3 : 1));
            continue;
        }
        break;
    }
    if (!s.starts_with('<')) return {};
    s.remove_prefix(1);
    std::size_t n = 0;
    while (n < s.size() && !std::isspace(static_cast<unsigned char>(s[n])) && s[n] != '>' && s[n] != '/') ++n;
    return s.substr(0, n);
}

}  // namespace

SourceFormat detect_format(std::string_view content) {
    if (content.starts_with("PK\x03\x04") || content.starts_with("PK\x05\x06")) return SourceFormat::zip_package;
    const std::string_view root = root_element(content);
    if (!root.empty()) {
        if (root == "quiz") return SourceFormat::moodle_xml;
        const auto colon = root.find(':');
        const auto local = colon == std::string_view::npos ? root : root.substr(colon + 1);
        if (local == "assessmentItem" || local == "qti-assessment-item") return SourceFormat::qti;
        return SourceFormat::unknown;
    }
    // GIFT: an answer block somewhere, outside what XML would have shown.
    if (content.find('{') != std::string_view::npos && content.find('}') != std::string_view::npos) {
        return SourceFormat::gift;
    }
    return SourceFormat::unknown;
}

}  // namespace item_interchange
