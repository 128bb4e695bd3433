#include "services/credit_ledger.hpp"

#include <set>

#include "services/access_rules.hpp"

namespace exam::services {

using domain::Role;

domain::Result<domain::Candidate> CreditLedger::visible_candidate(const domain::Principal& actor, domain::Id id,
                                                                  bool to_change) {
    auto c = people_.candidate(id);
    if (!c) return domain::not_found("no such candidate");
    auto e = to_change ? require_centre(actor, c->centre_id, {Role::ao_admin, Role::centre_admin})
                       : require_centre(actor, c->centre_id, {Role::ao_admin, Role::centre_admin, Role::invigilator});
    if (e) {
        return e->status == 404 ? domain::not_found("no such candidate") : *e;
    }
    return *c;
}

domain::Result<std::vector<domain::Achievement>> CreditLedger::achievements(const domain::Principal& actor,
                                                                            domain::Id candidate) {
    auto c = visible_candidate(actor, candidate, false);
    if (!c) return c.error();
    return ledger_.achievements(candidate);
}

void CreditLedger::record(const domain::Principal& actor, domain::Id candidate, NewAchievement a,
                          domain::Completion<domain::Achievement> done) {
    auto c = visible_candidate(actor, candidate, true);
    if (!c) return done(c.error());
    if (bank_->unit(a.unit_code) == nullptr) return done(domain::invalid("/unit", "no unit " + a.unit_code));
    if (a.route == domain::AchievementRoute::onscreen_test) {
        return done(domain::invalid("/route", "onscreen test achievements are recorded by the test itself"));
    }
    if (a.evidence.find_first_not_of(' ') == std::string::npos) {
        return done(domain::invalid("/evidence", "a reference to the evidence the centre keeps is required"));
    }
    domain::Millis day = 0;
    if (a.achieved_on.size() != 10 || !domain::parse_utc(a.achieved_on + "T00:00:00Z", day)) {
        return done(domain::invalid("/achieved_on", "a date as YYYY-MM-DD"));
    }
    if (day > clock_.now_ms()) return done(domain::invalid("/achieved_on", "a date that is not in the future"));
    domain::Achievement record{0, candidate, a.unit_code, a.achieved_on, a.route, std::nullopt, a.evidence, true, "",
                               "staff:" + actor.username};
    const std::string details = R"({"unit":")" + a.unit_code + R"(","route":")" +
                                std::string(domain::to_string(a.route)) + R"(","evidence":)" + storage::quoted_json(a.evidence) + "}";
    ledger_.record(std::move(record),
                   {clock_.now_ms(), "staff:" + actor.username, "achievement.record",
                    "candidate:" + std::to_string(candidate), details},
                   std::move(done));
}

void CreditLedger::void_achievement(const domain::Principal& actor, domain::Id id, std::string reason,
                                    domain::Completion<domain::Done> done) {
    auto a = ledger_.achievement(id);
    if (!a) return done(domain::not_found("no such achievement"));
    auto c = visible_candidate(actor, a->candidate_id, true);
    if (!c) return done(c.error().status == 404 ? domain::not_found("no such achievement") : c.error());
    if (reason.find_first_not_of(' ') == std::string::npos) {
        return done(domain::invalid("/reason", "say why the achievement is void"));
    }
    ledger_.void_achievement(id, reason,
                             {clock_.now_ms(), "staff:" + actor.username, "achievement.void",
                              "achievement:" + std::to_string(id), R"({"reason":)" + storage::quoted_json(reason) + "}"},
                             std::move(done));
}

domain::Result<std::vector<QualificationProgress>> CreditLedger::progress(const domain::Principal& actor,
                                                                         domain::Id candidate) {
    auto c = visible_candidate(actor, candidate, false);
    if (!c) return c.error();
    std::set<std::string> achieved;
    for (const auto& a : ledger_.achievements(candidate)) {
        if (a.active) achieved.insert(a.unit_code);
    }
    std::vector<QualificationProgress> out;
    const auto lookup = [this](const std::string& code) { return bank_->unit(code); };
    for (const auto& id : people_.registrations(candidate)) {
        const auto* q = bank_->qualification(id);
        if (q == nullptr) continue;
        out.push_back({q, item_bank::evaluate_rules(*q, lookup, achieved)});
    }
    return out;
}

}  // namespace exam::services
