#include "api_output.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <ostream>

namespace exam_admin {
namespace json = boost::json;

namespace {

std::string cell(const json::value& v) {
    switch (v.kind()) {
        case json::kind::null: return "-";
        case json::kind::string: return std::string(v.get_string());
        case json::kind::bool_: return v.get_bool() ? "yes" : "no";
        case json::kind::array: {
            // Lists of words (units, missing credits) read better joined.
            const auto& a = v.get_array();
            if (std::all_of(a.begin(), a.end(), [](const json::value& x) { return !x.is_structured(); })) {
                std::string out;
                for (const auto& x : a) out += (out.empty() ? "" : "; ") + cell(x);
                return out;
            }
            return json::serialize(v);
        }
        default: return json::serialize(v);
    }
}

std::size_t width(const std::string& s) {
    // Columns line up by code points, not bytes, for names such as Siân.
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool is_table(const json::value& v) {
    return v.is_array() && !v.get_array().empty() &&
           std::all_of(v.get_array().begin(), v.get_array().end(), [](const json::value& x) { return x.is_object(); });
}

}  // namespace

void print_table(std::ostream& os, const json::array& rows, std::vector<std::string> columns) {
    if (rows.empty()) {
        os << "(none)\n";
        return;
    }
    if (columns.empty() && rows.front().is_object()) {
        for (const auto& member : rows.front().get_object()) columns.emplace_back(member.key());
    }
    std::vector<std::vector<std::string>> cells;
    std::vector<std::size_t> widths;
    for (const auto& c : columns) widths.push_back(width(c));
    for (const auto& r : rows) {
        std::vector<std::string> line;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const auto* v = r.is_object() ? r.get_object().if_contains(columns[i]) : nullptr;
            line.push_back(v ? cell(*v) : "");
            widths[i] = std::max(widths[i], width(line.back()));
        }
        cells.push_back(std::move(line));
    }
    auto print_line = [&](const std::vector<std::string>& line) {
        std::string text;
        for (std::size_t i = 0; i < line.size(); ++i) {
            text += line[i];
            if (i + 1 < line.size()) text += std::string(widths[i] - width(line[i]) + 2, ' ');
        }
        os << text << "\n";
    };
    print_line(columns);
    for (const auto& line : cells) print_line(line);
}

void print_record(std::ostream& os, const json::value& value) {
    if (!value.is_object()) {
        os << cell(value) << "\n";
        return;
    }
    std::size_t key_width = 0;
    for (const auto& m : value.get_object()) {
        if (!is_table(m.value())) key_width = std::max(key_width, m.key().size());
    }
    for (const auto& m : value.get_object()) {
        if (is_table(m.value())) continue;
        os << std::string(m.key()) << ":" << std::string(key_width - m.key().size() + 1, ' ') << cell(m.value()) << "\n";
    }
    for (const auto& m : value.get_object()) {
        if (!is_table(m.value())) continue;
        os << "\n" << std::string(m.key()) << ":\n";
        print_table(os, m.value().get_array(), {});
    }
}

std::string error_text(int status, const std::string& body, bool suggest_login) {
    json::error_code ec;
    const auto v = json::parse(body, ec);
    const json::object* e = nullptr;
    if (!ec && v.is_object()) {
        if (const auto* inner = v.get_object().if_contains("error"); inner && inner->is_object()) e = &inner->get_object();
    }
    if (!e) return "error: the server answered " + std::to_string(status) + (body.empty() ? "" : ": " + body.substr(0, 200)) + "\n";
    auto text = [&](const char* key) {
        const auto* f = e->if_contains(key);
        return f && f->is_string() ? std::string(f->get_string()) : std::string();
    };
    std::string out = "error: ";
    if (!text("field").empty()) out += text("field") + ": ";
    out += text("message") + "\n";
    if (const auto* rows = e->if_contains("rows"); rows && rows->is_array()) {
        for (const auto& r : rows->get_array()) {
            if (!r.is_object()) continue;
            const auto& o = r.get_object();
            std::string where;
            for (const char* key : {"line", "index"}) {
                if (const auto* n = o.if_contains(key)) where = std::string(key) + " " + cell(*n);
            }
            const auto* field = o.if_contains("field");
            const auto* message = o.if_contains("message");
            out += "  " + where + (field && !cell(*field).empty() && cell(*field) != "-" ? ": " + cell(*field) : "") + ": " +
                   (message ? cell(*message) : "") + "\n";
        }
    }
    if (status == 401 && suggest_login) out += "(log in again: exam-admin login --server URL --username NAME)\n";
    return out;
}

}  // namespace exam_admin
