#include <boost/json.hpp>

#include <ostream>
#include <set>

#include "cli.hpp"
#include "item_bank/bank.hpp"
#include "item_bank/rules_evaluator.hpp"

namespace exam_admin {
namespace json = boost::json;
namespace {

json::array to_array(const std::vector<std::string>& values) {
    json::array a;
    for (const auto& v : values) a.emplace_back(v);
    return a;
}

void print_json(const item_bank::Qualification& q, const item_bank::RulesOutcome& r, std::ostream& out) {
    json::object o;
    o["qualification"] = q.id;
    o["title"] = q.title;
    o["achieved"] = r.achieved;
    o["credits"] = r.credits;
    o["counted_units"] = to_array(r.counted_units);
    o["uncounted_units"] = to_array(r.uncounted_units);
    o["units_not_in_qualification"] = to_array(r.foreign_units);
    json::array groups;
    for (const auto& g : r.groups) {
        groups.push_back(json::object{{"id", g.group_id}, {"title", g.title}, {"credits", g.credits}, {"units", g.units}});
    }
    o["groups"] = std::move(groups);
    o["missing"] = to_array(r.missing);
    out << json::serialize(o) << "\n";
}

void print_text(const item_bank::Qualification& q, const item_bank::Bank& bank, const item_bank::RulesOutcome& r,
                std::ostream& out) {
    out << q.id << " " << q.title << "\n";
    out << (r.achieved ? "ACHIEVED" : "NOT ACHIEVED") << " with " << r.credits << " credits that count\n";
    for (const auto& code : r.counted_units) out << "  counts:     " << code << " " << bank.unit(code)->title << "\n";
    for (const auto& code : r.uncounted_units) {
        out << "  not needed: " << code << " " << bank.unit(code)->title << " (does not count: a group's limit)\n";
    }
    for (const auto& code : r.foreign_units) out << "  not in this qualification: " << code << "\n";
    for (const auto& m : r.missing) out << "  " << m << "\n";
}

}  // namespace

int command_rules(const std::vector<std::string>& args, Streams io) {
    bool as_json = false;
    std::string bank_flag;
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--json") {
            as_json = true;
        } else if (args[i] == "--bank" && i + 1 < args.size()) {
            bank_flag = args[++i];
        } else if (args[i].starts_with("--")) {
            io.err << "exam-admin rules: unknown option " << args[i] << "\n";
            return exit_usage;
        } else {
            positional.push_back(args[i]);
        }
    }
    if (positional.empty()) {
        io.err << "usage: exam-admin rules [--json] [--bank DIR] QUALIFICATION UNIT...\n";
        return exit_usage;
    }
    const auto location = bank_location(bank_flag);
    const auto loaded = item_bank::load_bank({location});
    if (!loaded.bank) {
        io.err << "exam-admin rules: the bank in " << location.string() << " does not load:\n";
        for (const auto& e : loaded.errors) io.err << "  " << e.to_string() << "\n";
        return exit_usage;
    }
    const auto& bank = *loaded.bank;
    const auto* q = bank.qualification(positional[0]);
    if (q == nullptr) {
        io.err << "exam-admin rules: unknown qualification '" << positional[0] << "'\n";
        return exit_usage;
    }
    std::set<std::string> achieved;
    for (std::size_t i = 1; i < positional.size(); ++i) {
        if (bank.unit(positional[i]) == nullptr) {
            io.err << "exam-admin rules: unknown unit '" << positional[i] << "'\n";
            return exit_usage;
        }
        achieved.insert(positional[i]);
    }
    const auto outcome =
        item_bank::evaluate_rules(*q, [&](const std::string& code) { return bank.unit(code); }, achieved);
    if (as_json) {
        print_json(*q, outcome, io.out);
    } else {
        print_text(*q, bank, outcome, io.out);
    }
    return exit_ok;
}

}  // namespace exam_admin
