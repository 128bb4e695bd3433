#include "item_interchange/items_file.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace item_interchange {
namespace json = boost::json;
namespace {

json::object image_json(const item_bank::ItemImage& image) {
    json::object o{{"media", image.media}};
    if (!image.alt.empty()) o["alt"] = image.alt;
    return o;
}

json::object item_json(const item_bank::Item& item) {
    json::object o{{"id", item.id},
                   {"version", item.version},
                   {"status", item_bank::to_string(item.status)},
                   {"type", item_bank::to_string(item.type)}};
    json::array criteria;
    for (const auto& c : item.criteria) criteria.emplace_back(c);
    o["criteria"] = std::move(criteria);
    o["stem"] = item.stem;
    if (item.image) o["image"] = image_json(*item.image);
    json::array options;
    for (const auto& opt : item.options) {
        json::object j{{"id", opt.id}};
        // A picture may be the whole option: the format then has no text member.
        if (!opt.text.empty() || !opt.image) j["text"] = opt.text;
        if (opt.image) j["image"] = image_json(*opt.image);
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

std::string merge_items_file(const std::string& existing, const std::string& unit, std::vector<item_bank::Item> items,
                             std::string& error) {
    if (existing.empty()) return items_file_json(unit, items);
    boost::system::error_code ec;
    json::value doc = json::parse(existing, ec);
    const json::object* top = ec ? nullptr : doc.if_object();
    const json::array* old_items = top && top->contains("items") ? top->at("items").if_array() : nullptr;
    if (old_items == nullptr || !top->contains("unit") || top->at("unit") != json::value(unit)) {
        error = "it is not an items/1 file of unit " + unit + " written by an earlier import";
        return "";
    }
    json::array merged = *old_items;
    for (auto& item : items) {
        json::object fresh = item_json(item);
        bool placed = false;
        for (auto& old : merged) {
            json::object* o = old.if_object();
            if (o == nullptr) continue;
            const json::value* old_source = o->if_contains("source");
            const json::object* os = old_source ? old_source->if_object() : nullptr;
            const bool same_source = os && fresh.contains("source") && os->contains("format") && os->contains("id") &&
                                     o->contains("id") && o->contains("version") && o->at("version").is_number() &&
                                     os->at("format") == fresh.at("source").at("format") &&
                                     os->at("id") == fresh.at("source").at("id");
            if (!same_source) continue;
            // Same source item: keep its id; a new version only when something changed.
            fresh["id"] = o->at("id");
            const std::int64_t version = o->at("version").to_number<std::int64_t>();
            fresh["version"] = version;
            if (fresh != *o) fresh["version"] = version + 1;
            *o = std::move(fresh);
            placed = true;
            break;
        }
        if (placed) continue;
        // A new item: its id must not clash with one already in the file.
        std::string id = item.id;
        auto taken = [&merged](const std::string& candidate) {
            return std::any_of(merged.begin(), merged.end(), [&](const json::value& v) {
                return v.is_object() && v.as_object().contains("id") && v.at("id") == json::value(candidate);
            });
        };
        for (int n = 2; taken(id); ++n) id = item.id.substr(0, 58) + "-" + std::to_string(n);
        fresh["id"] = id;
        merged.push_back(std::move(fresh));
    }
    return json::serialize(json::object{{"format", "items/1"}, {"unit", unit}, {"items", std::move(merged)}}) + "\n";
}

BankAddition items_file_for_bank(std::string_view items_json, const item_bank::Bank& bank) {
    BankAddition out;
    boost::system::error_code ec;
    json::value doc = json::parse(items_json, ec);
    json::object* top = ec ? nullptr : doc.if_object();
    json::array* items = top && top->contains("items") ? top->at("items").if_array() : nullptr;
    if (items == nullptr || !top->contains("unit") || !top->at("unit").is_string()) {
        out.error = "not an items/1 file";
        return out;
    }
    std::set<std::string, std::less<>> taken;
    std::map<std::pair<std::string, std::string>, std::string> sources;  // (format, identifier) -> bank item id
    for (const auto& i : bank.items()) {
        taken.insert(i.id);
        if (i.source) sources.emplace(std::make_pair(i.source->format, i.source->identifier), i.id);
    }
    json::array kept;
    for (auto& v : *items) {
        json::object* o = v.if_object();
        const json::string* id = o && o->contains("id") ? o->at("id").if_string() : nullptr;
        if (id == nullptr) {
            out.error = "an item without an id";
            return out;
        }
        if (const json::value* src = o->if_contains("source"); src && src->is_object()) {
            const json::value* format = src->as_object().if_contains("format");
            const json::value* identifier = src->as_object().if_contains("id");
            if (format && identifier && format->is_string() && identifier->is_string()) {
                auto found = sources.find({std::string(format->get_string()), std::string(identifier->get_string())});
                if (found != sources.end()) {
                    out.already_in_bank.push_back({std::string(identifier->get_string()), found->second});
                    continue;
                }
            }
        }
        const std::string original(*id);
        std::string fresh = original;
        for (int n = 2; taken.count(fresh); ++n) fresh = original.substr(0, 58) + "-" + std::to_string(n);
        if (fresh != original) out.renamed.push_back({original, fresh});
        taken.insert(fresh);
        (*o)["id"] = fresh;
        (*o)["status"] = "draft";
        kept.push_back(std::move(v));
    }
    out.items = kept.size();
    if (kept.empty()) return out;
    out.text = json::serialize(json::object{{"format", "items/1"}, {"unit", top->at("unit")}, {"items", std::move(kept)}}) + "\n";
    return out;
}

}  // namespace item_interchange
