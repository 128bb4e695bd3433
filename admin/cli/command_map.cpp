// exam-admin map: gives an imported item its assessment criteria, a rationale
// when it came without one, and (once it keeps every live-item rule) a status
// beyond draft, editing the items/1 file in place. The step between an import's "needs mapping" drafts and a
// test built from them, without hand-editing JSON.
#include <boost/json.hpp>

#include <fstream>
#include <ostream>
#include <sstream>

#include "atomic_write.hpp"
#include "cli.hpp"
#include "item_bank/bank.hpp"
#include "item_bank/item_validation.hpp"

namespace exam_admin {
namespace json = boost::json;
namespace {

std::vector<std::string> split_list(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream in(list);
    for (std::string part; std::getline(in, part, ',');) {
        if (!part.empty()) out.push_back(part);
    }
    return out;
}

std::string joined(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& s : list) out += (out.empty() ? "" : ", ") + s;
    return out.empty() ? "none" : out;
}

std::optional<item_bank::ItemStatus> status_named(const std::string& name) {
    if (name == "draft") return item_bank::ItemStatus::draft;
    if (name == "reviewed") return item_bank::ItemStatus::reviewed;
    if (name == "live") return item_bank::ItemStatus::live;
    if (name == "retired") return item_bank::ItemStatus::retired;
    return std::nullopt;
}

}  // namespace

int command_map(const std::vector<std::string>& args, Streams io) {
    std::filesystem::path file;
    std::string item_id, criteria_list, status_name, bank_flag;
    std::optional<std::string> rationale;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--item" && i + 1 < args.size()) {
            item_id = args[++i];
        } else if (args[i] == "--criteria" && i + 1 < args.size()) {
            criteria_list = args[++i];
        } else if (args[i] == "--status" && i + 1 < args.size()) {
            status_name = args[++i];
        } else if (args[i] == "--rationale" && i + 1 < args.size()) {
            rationale = args[++i];
        } else if (args[i] == "--bank" && i + 1 < args.size()) {
            bank_flag = args[++i];
        } else if (args[i].starts_with("--") || !file.empty()) {
            io.err << "exam-admin map: unexpected " << args[i] << "\n";
            return exit_usage;
        } else {
            file = args[i];
        }
    }
    const auto status = status_name.empty() ? std::nullopt : status_named(status_name);
    if (file.empty() || item_id.empty() || (criteria_list.empty() && status_name.empty() && !rationale) ||
        (!status_name.empty() && !status)) {
        io.err << "usage: exam-admin map FILE --item ID [--criteria 1.1,2.3] [--status draft|reviewed|live|retired] "
                  "[--rationale TEXT] [--bank DIR]\n";
        return exit_usage;
    }

    // The file as the bank would load it, against the unit definitions.
    std::vector<std::filesystem::path> context;
    if (!item_bank::holds_specifications({file})) context.push_back(bank_location(bank_flag) / "specifications");
    const auto loaded = item_bank::load_bank_with_context({file}, context);
    if (!loaded.bank) {
        for (const auto& e : loaded.errors) io.out << e.to_string() << "\n";
        io.out << "not changed: " << file.string() << " does not load as it is\n";
        return exit_invalid;
    }
    const item_bank::Item* found = loaded.bank->item(item_id);
    if (found == nullptr || std::filesystem::path(found->source_file) != file) {
        io.err << "exam-admin map: " << file.string() << " has no item " << item_id << "\n";
        return exit_usage;
    }
    item_bank::Item item = *found;
    const item_bank::Item before = item;
    if (!criteria_list.empty()) item.criteria = split_list(criteria_list);
    if (status) item.status = *status;
    // Items from systems without a reviewer's note need one before they go
    // live: why the key is right, from the unit content.
    if (rationale) item.rationale = *rationale;

    // Every rule for the status asked for: a draft may still break live-item rules, nothing else may.
    bool refused = false;
    std::vector<std::string> still_draft;
    for (const auto& p : item_bank::validate_item(item, loaded.bank->unit(item.unit))) {
        if (item_bank::blocks_item(item, p)) {
            io.out << file.string() << ": " << item.id << ": " << p.pointer << ": " << p.message << "\n";
            refused = true;
        } else {
            still_draft.push_back(p.rule + ": " + p.message);
        }
    }
    if (refused) {
        io.out << "not changed: the item would not load as " << item_bank::to_string(item.status) << "\n";
        return exit_invalid;
    }
    const bool changed =
        item.criteria != before.criteria || item.status != before.status || item.rationale != before.rationale;
    // A draft was never on a form; any other status may have been delivered, so its change is a new version.
    if (changed && before.status != item_bank::ItemStatus::draft) ++item.version;

    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    json::value doc = json::parse(text.str());
    for (auto& v : doc.as_object().at("items").as_array()) {
        auto& o = v.as_object();
        if (o.at("id").as_string() != item.id) continue;
        json::array criteria;
        for (const auto& c : item.criteria) criteria.emplace_back(c);
        o["criteria"] = std::move(criteria);
        o["status"] = item_bank::to_string(item.status);
        o["version"] = item.version;
        if (!item.rationale.empty()) o["rationale"] = item.rationale;
    }
    if (changed) {
        if (auto error = write_file_atomically(file, json::serialize(doc) + "\n"); !error.empty()) {
            io.out << "not changed: " << error << "\n";
            return exit_invalid;
        }
    }
    io.out << item.id << ": criteria " << joined(before.criteria) << " -> " << joined(item.criteria) << "; status "
           << item_bank::to_string(before.status) << " -> " << item_bank::to_string(item.status) << "; version "
           << item.version << (changed ? "" : " (nothing to change)") << "\n";
    for (const auto& r : still_draft) io.out << "  still breaks " << r << "\n";
    return exit_ok;
}

}  // namespace exam_admin
