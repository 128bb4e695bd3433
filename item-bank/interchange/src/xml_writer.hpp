#pragma once
// Writes XML text for the exports: escapes every text and attribute value, and
// indents only between elements, never inside mixed content (indentation there
// would change the text an importer reads).

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace item_interchange::detail {

struct XmlAttribute {
    std::string_view name;
    std::string value;
};

class XmlWriter {
public:
    XmlWriter();  // starts with the XML declaration (UTF-8)

    // <name ...> on a line of its own; its content follows, indented.
    void open(std::string_view name, std::initializer_list<XmlAttribute> attributes = {});
    void open(std::string_view name, const std::vector<XmlAttribute>& attributes);
    void close();
    // <name ...>text</name> on one line (text escaped); <name .../> when text is empty.
    void leaf(std::string_view name, std::string_view text, std::initializer_list<XmlAttribute> attributes = {});
    void empty(std::string_view name, std::initializer_list<XmlAttribute> attributes = {});
    // <name ...><![CDATA[text]]></name> on one line: how Moodle writes its HTML.
    void cdata_leaf(std::string_view name, std::string_view text, std::initializer_list<XmlAttribute> attributes = {});
    // <name ...>fragment</name> on one line; the fragment is well-formed markup
    // this project made (XHTML from safe text), written as it is.
    void markup_leaf(std::string_view name, std::string_view fragment, std::initializer_list<XmlAttribute> attributes = {});
    // A well-formed fragment on a line of its own, at the current indentation.
    void markup(std::string_view fragment);

    std::string finish();  // closes what is open and returns the document

private:
    void start_tag(std::string_view name, const XmlAttribute* begin, const XmlAttribute* end, bool self_closing);
    void indent();

    std::string out_;
    std::vector<std::string> open_;
};

// Escapes the five characters XML gives a meaning to (for attribute values).
std::string xml_escape(std::string_view text);
// Escapes '&', '<' and '>', all that text content needs: quotes stay as they
// are, which HTML readers of every age understand.
std::string xml_escape_text(std::string_view text);

}  // namespace item_interchange::detail
