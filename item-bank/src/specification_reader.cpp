#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "file_readers.hpp"

namespace item_bank::detail {
namespace json = boost::json;

bool is_code(std::string_view s) {
    if (s.size() < 2 || s.size() > 32 || !std::isalnum(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.' || c == '_' || c == '-';
    });
}

bool is_simple_id(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; });
}

namespace {

bool is_outcome_number(std::string_view s) {
    return !s.empty() && s[0] != '0' && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

constexpr int max_level = 8;
constexpr int max_count = 100000;

std::optional<LearningOutcome> read_outcome(const json::value& v, const std::string& ptr, FileContext& ctx) {
    ObjectReader r(v, ptr, ctx);
    LearningOutcome lo;
    auto number = r.token("number", is_outcome_number, "an outcome number such as \"1\"", Presence::required);
    auto text = r.text("text", Presence::required);
    if (auto content = r.text("content", Presence::optional)) lo.content = *content;
    std::set<std::string> seen;
    if (const json::array* acs = r.array("assessment_criteria", Presence::required)) {
        for (std::size_t i = 0; i < acs->size(); ++i) {
            ObjectReader ar((*acs)[i], pointer_append(r.child("assessment_criteria"), i), ctx);
            auto acn = ar.text("number", Presence::required);
            auto act = ar.text("text", Presence::required);
            ar.reject_unknown();
            if (!acn || !act) continue;
            const auto dot = acn->find('.');
            const bool well_formed = dot != std::string::npos && is_outcome_number(acn->substr(0, dot)) &&
                                     is_outcome_number(acn->substr(dot + 1));
            if (!well_formed) {
                ctx.error(ar.child("number"), "expected a criterion number such as \"1.2\", found \"" + *acn + "\"");
                continue;
            }
            if (number && acn->substr(0, dot) != *number) {
                ctx.error(ar.child("number"), "criterion " + *acn + " does not belong to learning outcome " + *number +
                                                  " (expected \"" + *number + ".n\")");
                continue;
            }
            if (!seen.insert(*acn).second) {
                ctx.error(ar.child("number"), "criterion " + *acn + " is numbered twice in this outcome");
                continue;
            }
            lo.criteria.push_back({*acn, *act});
        }
    }
    r.reject_unknown();
    if (!number || !text) return std::nullopt;
    lo.number = *number;
    lo.text = *text;
    return lo;
}

void read_unit(const json::value& v, const std::string& ptr, FileContext& ctx, ParsedFiles& out) {
    ObjectReader r(v, ptr, ctx);
    const std::size_t errors_before = ctx.error_count();
    Unit u;
    u.source_file = ctx.file();
    auto code = r.token("code", is_code, "a unit code such as \"Y/602/1353\" or \"UV20615\"", Presence::required);
    if (auto ref = r.text("reference", Presence::optional)) u.reference = *ref;
    auto title = r.text("title", Presence::required);
    auto level = r.integer("level", 0, max_level, Presence::required);
    const bool credit_ok = r.integer_or_null("credit", 1, 1000, u.credit);
    const bool glh_ok = r.integer_or_null("glh", 0, max_count, u.glh);
    if (auto methods = r.string_list("assessment_methods", Presence::required, 1)) {
        for (std::size_t i = 0; i < methods->size(); ++i) {
            const auto& m = (*methods)[i];
            if (m == "onscreen_test") {
                u.assessment_methods.push_back(AssessmentMethod::onscreen_test);
            } else if (m == "internal") {
                u.assessment_methods.push_back(AssessmentMethod::internal);
            } else {
                ctx.error(pointer_append(r.child("assessment_methods"), i),
                          "expected \"onscreen_test\" or \"internal\", found \"" + m + "\"");
            }
        }
    }
    if (auto notes = r.text("assessment_notes", Presence::optional)) u.assessment_notes = *notes;
    if (auto aim = r.text("aim", Presence::optional)) u.aim = *aim;
    std::set<std::string> numbers;
    if (const json::array* los = r.array("learning_outcomes", Presence::required)) {
        for (std::size_t i = 0; i < los->size(); ++i) {
            const std::string lo_ptr = pointer_append(r.child("learning_outcomes"), i);
            auto lo = read_outcome((*los)[i], lo_ptr, ctx);
            if (!lo) continue;
            if (!numbers.insert(lo->number).second) {
                ctx.error(lo_ptr + "/number", "learning outcome " + lo->number + " is numbered twice in this unit");
                continue;
            }
            u.learning_outcomes.push_back(std::move(*lo));
        }
    }
    r.reject_unknown();
    if (ctx.error_count() != errors_before || !code || !title || !level || !credit_ok || !glh_ok) return;
    u.code = *code;
    u.title = *title;
    u.level = *level;
    out.units.push_back({std::move(u), ctx.file(), ptr});
}

std::optional<UnitGroup> read_group(const json::value& v, const std::string& ptr, FileContext& ctx) {
    ObjectReader r(v, ptr, ctx);
    UnitGroup g;
    auto id = r.token("id", [](std::string_view s) { return is_simple_id(s) && s.size() <= 32; },
                      "a group id of letters, digits, '-' or '_'", Presence::required);
    auto title = r.text("title", Presence::required);
    g.mandatory = r.boolean("mandatory", Presence::optional).value_or(false);
    auto units = r.string_list("units", Presence::required, 1);
    g.min_credits = r.integer("min_credits", 0, max_count, Presence::optional);
    g.max_credits = r.integer("max_credits", 0, max_count, Presence::optional);
    g.min_units = r.integer("min_units", 0, max_count, Presence::optional);
    g.max_units = r.integer("max_units", 0, max_count, Presence::optional);
    r.reject_unknown();
    if (g.min_credits && g.max_credits && *g.min_credits > *g.max_credits) {
        ctx.error(r.child("max_credits"), "max_credits is less than min_credits");
    }
    if (g.min_units && g.max_units && *g.min_units > *g.max_units) {
        ctx.error(r.child("max_units"), "max_units is less than min_units");
    }
    if (units && g.min_units && *g.min_units > static_cast<int>(units->size())) {
        ctx.error(r.child("min_units"), "min_units is more than the group's " + std::to_string(units->size()) + " units");
    }
    if (!id || !title || !units) return std::nullopt;
    g.id = *id;
    g.title = *title;
    g.units = std::move(*units);
    return g;
}

std::optional<RulesOfCombination> read_rules(const json::value& v, const std::string& ptr, FileContext& ctx) {
    ObjectReader r(v, ptr, ctx);
    const std::size_t errors_before = ctx.error_count();
    RulesOfCombination rules;
    rules.min_credits = r.integer("min_credits", 0, max_count, Presence::optional);
    std::map<std::string, std::string> unit_group;  // unit -> group id
    std::set<std::string> group_ids;
    if (const json::array* groups = r.array("groups", Presence::required)) {
        if (groups->empty()) ctx.error(r.child("groups"), "expected at least one group of units");
        for (std::size_t i = 0; i < groups->size(); ++i) {
            const std::string gptr = pointer_append(r.child("groups"), i);
            auto g = read_group((*groups)[i], gptr, ctx);
            if (!g) continue;
            if (!group_ids.insert(g->id).second) ctx.error(gptr + "/id", "group id \"" + g->id + "\" is used twice");
            for (std::size_t u = 0; u < g->units.size(); ++u) {
                auto [it, fresh] = unit_group.emplace(g->units[u], g->id);
                if (!fresh) {
                    ctx.error(pointer_append(gptr + "/units", u),
                              "unit " + g->units[u] + " is already in group \"" + it->second + "\"");
                }
            }
            rules.groups.push_back(std::move(*g));
        }
    }
    if (const json::array* lrs = r.array("level_rules", Presence::optional)) {
        for (std::size_t i = 0; i < lrs->size(); ++i) {
            ObjectReader lr((*lrs)[i], pointer_append(r.child("level_rules"), i), ctx);
            LevelRule rule;
            auto min_credits = lr.integer("min_credits", 1, max_count, Presence::required);
            auto min_level = lr.integer("min_level", 0, max_level, Presence::required);
            if (auto groups = lr.string_list("groups", Presence::optional, 1)) {
                for (std::size_t g = 0; g < groups->size(); ++g) {
                    if (!group_ids.count((*groups)[g])) {
                        ctx.error(pointer_append(lr.child("groups"), g), "no group \"" + (*groups)[g] + "\" in these rules");
                    }
                }
                rule.groups = std::move(*groups);
            }
            lr.reject_unknown();
            if (min_credits && min_level) {
                rule.min_credits = *min_credits;
                rule.min_level = *min_level;
                rules.level_rules.push_back(std::move(rule));
            }
        }
    }
    if (const json::array* barred = r.array("barred_combinations", Presence::optional)) {
        for (std::size_t i = 0; i < barred->size(); ++i) {
            ObjectReader br((*barred)[i], pointer_append(r.child("barred_combinations"), i), ctx);
            BarredCombination b;
            auto units = br.string_list("units", Presence::required, 2);
            if (auto reason = br.text("reason", Presence::optional)) b.reason = *reason;
            br.reject_unknown();
            if (!units) continue;
            for (std::size_t u = 0; u < units->size(); ++u) {
                if (!unit_group.count((*units)[u])) {
                    ctx.error(pointer_append(br.child("units"), u),
                              "unit " + (*units)[u] + " is not in any group of this qualification");
                }
            }
            b.units = std::move(*units);
            rules.barred_combinations.push_back(std::move(b));
        }
    }
    if (auto notes = r.text("notes", Presence::optional)) rules.notes = *notes;
    r.reject_unknown();
    if (ctx.error_count() != errors_before) return std::nullopt;
    return rules;
}

void read_qualification(const json::value& v, const std::string& ptr, FileContext& ctx, const std::string& ao,
                        ParsedFiles& out) {
    ObjectReader r(v, ptr, ctx);
    const std::size_t errors_before = ctx.error_count();
    Qualification q;
    q.source_file = ctx.file();
    q.awarding_organisation = ao;
    auto id = r.token("id", is_code, "a qualification number such as \"501/0443/3\"", Presence::required);
    auto title = r.text("title", Presence::required);
    auto level = r.integer("level", 0, max_level, Presence::required);
    auto framework = r.one_of("framework", {"QCF", "RQF"}, Presence::required);
    auto size = r.one_of("size", {"Award", "Certificate", "Diploma"}, Presence::required);
    // Each read on its own line, so every bad number is reported, not only the first.
    const bool credit_ok = r.integer_or_null("credit", 0, max_count, q.credit);
    const bool glh_ok = r.integer_or_null("glh", 0, max_count, q.glh);
    const bool tqt_ok = r.integer_or_null("tqt", 0, max_count, q.tqt);
    const bool numbers_ok = credit_ok && glh_ok && tqt_ok;
    std::optional<RulesOfCombination> rules;
    if (const json::value* rv = r.value("rules", Presence::required)) rules = read_rules(*rv, r.child("rules"), ctx);
    r.reject_unknown();
    if (ctx.error_count() != errors_before || !id || !title || !level || !framework || !size || !numbers_ok || !rules) {
        return;
    }
    q.id = *id;
    q.title = *title;
    q.level = *level;
    q.framework = *framework == "QCF" ? Framework::qcf : Framework::rqf;
    q.size = *size == "Award" ? QualificationSize::award
             : *size == "Certificate" ? QualificationSize::certificate
                                      : QualificationSize::diploma;
    q.rules = std::move(*rules);
    if (q.framework == Framework::qcf && q.credit) {
        const int c = *q.credit;
        const bool fits = q.size == QualificationSize::award         ? c >= 1 && c <= 12
                          : q.size == QualificationSize::certificate ? c >= 13 && c <= 36
                                                                     : c >= 37;
        if (!fits) {
            ctx.error(r.child("size"), "size " + std::string(to_string(q.size)) + " does not fit a QCF qualification of " +
                                           std::to_string(c) + " credits (Award 1-12, Certificate 13-36, Diploma 37 or more)");
            return;
        }
    }
    out.qualifications.push_back({std::move(q), ctx.file(), ptr});
}

}  // namespace

void read_specification_file(const json::value& doc, FileContext& ctx, ParsedFiles& out) {
    ObjectReader r(doc, "", ctx);
    r.one_of("format", {"qualification-specification/1"}, Presence::required);
    auto ao = r.text("awarding_organisation", Presence::required);
    r.text("source", Presence::required);
    r.string_list("notes", Presence::optional, 0);
    if (const json::array* units = r.array("units", Presence::required)) {
        for (std::size_t i = 0; i < units->size(); ++i) read_unit((*units)[i], pointer_append("/units", i), ctx, out);
    }
    if (const json::array* quals = r.array("qualifications", Presence::required)) {
        for (std::size_t i = 0; i < quals->size(); ++i) {
            read_qualification((*quals)[i], pointer_append("/qualifications", i), ctx, ao.value_or(""), out);
        }
    }
    r.reject_unknown();
}

}  // namespace item_bank::detail
