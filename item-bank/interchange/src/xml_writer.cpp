#include "xml_writer.hpp"

namespace item_interchange::detail {

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string xml_escape_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out += c;
        }
    }
    return out;
}

XmlWriter::XmlWriter() : out_("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") {}

void XmlWriter::indent() { out_.append(2 * open_.size(), ' '); }

void XmlWriter::start_tag(std::string_view name, const XmlAttribute* begin, const XmlAttribute* end, bool self_closing) {
    out_ += '<';
    out_ += name;
    for (const XmlAttribute* a = begin; a != end; ++a) {
        out_ += ' ';
        out_ += a->name;
        out_ += "=\"";
        out_ += xml_escape(a->value);
        out_ += '"';
    }
    out_ += self_closing ? "/>" : ">";
}

void XmlWriter::open(std::string_view name, std::initializer_list<XmlAttribute> attributes) {
    indent();
    start_tag(name, attributes.begin(), attributes.end(), false);
    out_ += '\n';
    open_.emplace_back(name);
}

void XmlWriter::open(std::string_view name, const std::vector<XmlAttribute>& attributes) {
    indent();
    start_tag(name, attributes.data(), attributes.data() + attributes.size(), false);
    out_ += '\n';
    open_.emplace_back(name);
}

void XmlWriter::close() {
    const std::string name = std::move(open_.back());
    open_.pop_back();
    indent();
    out_ += "</" + name + ">\n";
}

void XmlWriter::leaf(std::string_view name, std::string_view text, std::initializer_list<XmlAttribute> attributes) {
    if (text.empty()) return empty(name, attributes);
    markup_leaf(name, xml_escape_text(text), attributes);
}

void XmlWriter::empty(std::string_view name, std::initializer_list<XmlAttribute> attributes) {
    indent();
    start_tag(name, attributes.begin(), attributes.end(), true);
    out_ += '\n';
}

void XmlWriter::cdata_leaf(std::string_view name, std::string_view text, std::initializer_list<XmlAttribute> attributes) {
    // "]]>" would end the section early: it is split across two sections.
    std::string cdata = "<![CDATA[";
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.substr(i).starts_with("]]>")) {
            cdata += "]]]]><![CDATA[>";
            i += 2;
        } else {
            cdata += text[i];
        }
    }
    cdata += "]]>";
    markup_leaf(name, text.empty() ? std::string() : cdata, attributes);
}

void XmlWriter::markup_leaf(std::string_view name, std::string_view fragment, std::initializer_list<XmlAttribute> attributes) {
    indent();
    start_tag(name, attributes.begin(), attributes.end(), false);
    out_ += fragment;
    out_ += "</";
    out_ += name;
    out_ += ">\n";
}

void XmlWriter::markup(std::string_view fragment) {
    indent();
    out_ += fragment;
    out_ += '\n';
}

std::string XmlWriter::finish() {
    while (!open_.empty()) close();
    return std::move(out_);
}

}  // namespace item_interchange::detail
