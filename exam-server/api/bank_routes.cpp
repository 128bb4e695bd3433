// The item bank as the awarding organisation reviews it (issue 8 §4): by
// qualification, unit, learning outcome and assessment criterion, with how
// many items of each status every criterion has, and which test
// specifications and forms use them, so gaps in coverage stand out. Read-only:
// the bank is edited in its files (docs/formats.md) and validated by exam-admin.
#include <boost/json.hpp>

#include <map>
#include <set>

#include "api/json_reply.hpp"
#include "api/reply_with.hpp"
#include "services/access_rules.hpp"
#include "services/attempt_service.hpp"

namespace exam::api {
namespace json = boost::json;

namespace {

json::object unit_coverage(const item_bank::Bank& bank, const item_bank::Unit& unit) {
    // Items by criterion (an item counts toward each criterion it is mapped to), and forms by item.
    std::map<std::string, std::map<std::string, int>> by_criterion;  // criterion -> status -> count
    std::map<std::string, std::set<std::string>> forms_of_criterion;
    std::map<std::string, std::vector<std::string>> forms_of_item;
    const auto* spec = bank.test_specification(unit.code);
    if (spec != nullptr) {
        for (const auto& form : spec->forms) {
            for (const auto& fi : form.items) forms_of_item[fi.item_id].push_back(form.id);
        }
    }
    for (const auto* item : bank.items_of_unit(unit.code)) {
        for (const auto& c : item->criteria) {
            ++by_criterion[c][std::string(item_bank::to_string(item->status))];
            for (const auto& f : forms_of_item[item->id]) forms_of_criterion[c].insert(f);
        }
    }
    json::array outcomes;
    std::size_t uncovered = 0;
    for (const auto& lo : unit.learning_outcomes) {
        json::array criteria;
        int live_in_outcome = 0;
        for (const auto& ac : lo.criteria) {
            json::object counts;
            int live = 0;
            for (const auto& [status, n] : by_criterion[ac.number]) {
                counts[status] = n;
                if (status == "live") live = n;
            }
            live_in_outcome += live;
            if (live == 0) ++uncovered;
            json::array forms;
            for (const auto& f : forms_of_criterion[ac.number]) forms.push_back(json::value(f));
            criteria.push_back(json::object{{"number", ac.number},
                                            {"text", ac.text},
                                            {"items", std::move(counts)},
                                            {"live_items", live},
                                            {"forms", std::move(forms)}});
        }
        json::object o{{"number", lo.number}, {"text", lo.text}, {"live_items", live_in_outcome},
                       {"criteria", std::move(criteria)}};
        if (spec != nullptr) {
            if (const auto* entry = spec->entry(lo.number)) {
                o["blueprint"] = json::object{{"min_items", entry->min_items}, {"max_items", entry->max_items}};
            }
        }
        outcomes.push_back(std::move(o));
    }
    json::object u{{"code", unit.code},
                   {"title", unit.title},
                   {"criteria_without_live_items", uncovered},
                   {"learning_outcomes", std::move(outcomes)}};
    u["level"] = unit.level;
    u["credit"] = unit.credit ? json::value(*unit.credit) : json::value(nullptr);
    if (spec != nullptr) {
        json::array forms;
        for (const auto& f : spec->forms) {
            forms.push_back(json::object{{"id", f.id}, {"status", item_bank::to_string(f.status)}, {"items", f.items.size()}});
        }
        u["test_specification"] = json::object{{"item_count", spec->item_count},
                                               {"duration_minutes", spec->duration_minutes},
                                               {"pass_mark", spec->pass_mark},
                                               {"forms", std::move(forms)}};
    } else {
        u["test_specification"] = nullptr;
    }
    return u;
}

json::array qualification_list(const item_bank::Bank& bank) {
    json::array qualifications;
    for (const auto& q : bank.qualifications()) {
        json::array unit_codes;
        for (const auto& g : q.rules.groups) {
            for (const auto& code : g.units) unit_codes.push_back(json::value(code));
        }
        qualifications.push_back(json::object{{"id", q.id},
                                              {"title", q.title},
                                              {"awarding_organisation", q.awarding_organisation},
                                              {"units", std::move(unit_codes)}});
    }
    return qualifications;
}

}  // namespace

void add_bank_routes(Router& router, ApiContext& ctx) {
    // What centres book and register on: qualifications and units with their
    // onscreen tests' length and duration. Nothing about items.
    router.add("GET", "/api/v1/catalogue", [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        with_principal(ctx, req, respond, [&](const domain::Principal& p) {
            if (auto e = services::require_role(p, {domain::Role::ao_admin, domain::Role::centre_admin, domain::Role::invigilator})) {
                return respond(error_response(*e));
            }
            const auto& bank = ctx.attempts.bank();
            json::array units;
            for (const auto& u : bank.units()) {
                json::object o{{"code", u.code}, {"title", u.title}, {"level", u.level}};
                o["credit"] = u.credit ? json::value(*u.credit) : json::value(nullptr);
                if (const auto* spec = bank.test_specification(u.code)) {
                    o["onscreen_test"] = json::object{{"items", spec->item_count},
                                                      {"duration_minutes", spec->duration_minutes},
                                                      {"pass_mark", spec->pass_mark}};
                } else {
                    o["onscreen_test"] = nullptr;
                }
                units.push_back(std::move(o));
            }
            respond(json_reply(200, json::object{{"qualifications", qualification_list(bank)}, {"units", std::move(units)}}));
        });
    });
    router.add("GET", "/api/v1/bank", [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        with_principal(ctx, req, respond, [&](const domain::Principal& p) {
            if (auto e = services::require_role(p, {domain::Role::ao_admin})) return respond(error_response(*e));
            const auto& bank = ctx.attempts.bank();
            json::array units;
            for (const auto& u : bank.units()) units.push_back(unit_coverage(bank, u));
            respond(json_reply(200, json::object{{"qualifications", qualification_list(bank)}, {"units", std::move(units)}}));
        });
    });
}

}  // namespace exam::api
