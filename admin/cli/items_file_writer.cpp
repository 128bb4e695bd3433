#include "items_file_writer.hpp"

#include <boost/json.hpp>

#include <fstream>

namespace exam_admin {
namespace json = boost::json;
namespace {

json::object item_json(const item_bank::Item& item) {
    json::object o{{"id", item.id},
                   {"version", item.version},
                   {"status", item_bank::to_string(item.status)},
                   {"type", item_bank::to_string(item.type)}};
    json::array criteria;
    for (const auto& c : item.criteria) criteria.emplace_back(c);
    o["criteria"] = std::move(criteria);
    o["stem"] = item.stem;
    json::array options;
    for (const auto& opt : item.options) {
        json::object j{{"id", opt.id}, {"text", opt.text}};
        if (opt.weight) j["weight"] = *opt.weight;
        if (!opt.feedback.empty()) j["feedback"] = opt.feedback;
        options.push_back(std::move(j));
    }
    o["options"] = std::move(options);
    json::array key;
    for (const auto& k : item.key) key.emplace_back(k);
    o["key"] = std::move(key);
    if (item.type == item_bank::ResponseType::multiple) o["choose"] = item.choose;
    if (!item.rationale.empty()) o["rationale"] = item.rationale;
    if (!item.shuffle_options) o["shuffle_options"] = false;
    if (!item.feedback.empty()) o["feedback"] = item.feedback;
    if (item.source) {
        json::object s{{"format", item.source->format}, {"id", item.source->identifier}};
        if (!item.source->file.empty()) s["file"] = item.source->file;
        o["source"] = std::move(s);
    }
    return o;
}

}  // namespace

std::string items_file_json(const std::string& unit, const std::vector<item_bank::Item>& items) {
    json::array list;
    for (const auto& i : items) list.push_back(item_json(i));
    return json::serialize(json::object{{"format", "items/1"}, {"unit", unit}, {"items", std::move(list)}}) + "\n";
}

std::string write_file_atomically(const std::filesystem::path& path, const std::string& content) {
    const std::filesystem::path temporary = path.string() + ".partial";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << content;
        out.flush();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            return "cannot write " + temporary.string();
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        return "cannot write " + path.string();
    }
    return "";
}

}  // namespace exam_admin
