#include "services/candidate_registry.hpp"

#include <cctype>
#include <set>

#include "item_bank/uln.hpp"
#include "services/access_rules.hpp"

namespace exam::services {

using domain::Role;

namespace {

bool valid_date(const std::string& s) {
    domain::Millis ignored;
    return s.size() == 10 && domain::parse_utc(s + "T00:00:00Z", ignored);
}

bool valid_candidate_number(const std::string& s) {
    if (s.empty() || s.size() > 16) return false;
    for (char c : s) {
        if (!std::isalnum(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

bool valid_name(const std::string& s) {
    if (s.empty() || s.size() > 100) return false;
    for (char c : s) {
        if (static_cast<unsigned char>(c) < 0x20) return false;
    }
    return s.find_first_not_of(' ') != std::string::npos;
}

}  // namespace

std::vector<RowProblem> check_candidate(const CandidateDraft& d, std::size_t row, const std::string& today) {
    std::vector<RowProblem> out;
    if (!valid_candidate_number(d.candidate_number)) {
        out.push_back({row, "candidate_number", "1 to 16 letters or digits"});
    }
    if (!valid_name(d.given_name)) out.push_back({row, "given_name", "a name of 1 to 100 characters"});
    if (!valid_name(d.family_name)) out.push_back({row, "family_name", "a name of 1 to 100 characters"});
    if (!valid_date(d.date_of_birth)) {
        out.push_back({row, "date_of_birth", "a date as YYYY-MM-DD"});
    } else if (d.date_of_birth >= today || d.date_of_birth < "1900-01-01") {
        out.push_back({row, "date_of_birth", "a date in the past"});
    }
    if (auto problem = item_bank::uln_problem(d.uln)) out.push_back({row, "uln", *problem});
    if (d.extra_time_percent < 0 || d.extra_time_percent > 100) {
        out.push_back({row, "extra_time_percent", "a percentage from 0 to 100"});
    }
    return out;
}

void CandidateRegistry::create_centre(const domain::Principal& actor, std::string number, std::string name,
                                      domain::Completion<domain::Centre> done) {
    if (auto e = require_role(actor, {Role::ao_admin})) return done(*e);
    if (!valid_candidate_number(number)) return done(domain::invalid("/number", "1 to 16 letters or digits"));
    if (!valid_name(name)) return done(domain::invalid("/name", "a name of 1 to 100 characters"));
    if (people_.centre_by_number(number)) return done(domain::conflict("a centre has that number", "/number"));
    people_.create_centre({0, number, name},
                          {clock_.now_ms(), "staff:" + actor.username, "centre.create", "centre:" + number, "{}"},
                          std::move(done));
}

domain::Result<std::vector<domain::Centre>> CandidateRegistry::centres(const domain::Principal& actor) {
    if (auto e = require_role(actor, {Role::ao_admin, Role::centre_admin, Role::invigilator})) return *e;
    if (actor.role == Role::ao_admin) return people_.centres();
    std::vector<domain::Centre> own;
    if (auto c = people_.centre(actor.centre_id.value_or(0))) own.push_back(*c);
    return own;
}

void CandidateRegistry::add_candidates(
    const domain::Principal& actor, domain::Id centre, std::vector<CandidateDraft> drafts,
    std::function<void(domain::Result<std::vector<domain::Candidate>>, std::vector<RowProblem>)> done) {
    if (auto e = require_centre(actor, centre, {Role::ao_admin, Role::centre_admin})) return done(*e, {});
    if (!people_.centre(centre)) return done(domain::not_found("no such centre"), {});
    const std::string today = domain::format_utc(clock_.now_ms()).substr(0, 10);
    std::vector<RowProblem> problems;
    std::set<std::string> numbers;
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        auto p = check_candidate(drafts[i], i, today);
        problems.insert(problems.end(), p.begin(), p.end());
        if (!numbers.insert(drafts[i].candidate_number).second) {
            problems.push_back({i, "candidate_number", "appears twice in this batch"});
        } else if (people_.candidate_by_number(centre, drafts[i].candidate_number)) {
            problems.push_back({i, "candidate_number", "the centre already has this candidate number"});
        }
    }
    if (drafts.empty()) return done(domain::invalid("/candidates", "at least one candidate"), {});
    if (!problems.empty()) {
        const auto& first = problems.front();
        return done(domain::invalid("/candidates/" + std::to_string(first.row) + "/" + first.field, first.message),
                    problems);
    }
    std::vector<domain::Candidate> rows;
    for (auto& d : drafts) {
        rows.push_back({0, centre, d.candidate_number, d.given_name, d.family_name, d.date_of_birth, d.uln,
                        d.extra_time_percent});
    }
    const std::string details = R"({"count":)" + std::to_string(rows.size()) + "}";
    people_.create_candidates(std::move(rows),
                              {clock_.now_ms(), "staff:" + actor.username, "candidates.add",
                               "centre:" + std::to_string(centre), details},
                              [done](domain::Result<std::vector<domain::Candidate>> r) { done(std::move(r), {}); });
}

domain::Result<std::vector<domain::Candidate>> CandidateRegistry::candidates(const domain::Principal& actor,
                                                                             domain::Id centre) {
    if (auto e = require_centre(actor, centre, {Role::ao_admin, Role::centre_admin, Role::invigilator})) return *e;
    if (!people_.centre(centre)) return domain::not_found("no such centre");
    return people_.candidates_of_centre(centre);
}

domain::Result<std::vector<domain::StaffUser>> CandidateRegistry::staff(const domain::Principal& actor, domain::Id centre) {
    if (auto e = require_centre(actor, centre, {Role::ao_admin, Role::centre_admin})) return *e;
    if (!people_.centre(centre)) return domain::not_found("no such centre");
    return people_.users_of_centre(centre);
}

domain::Result<domain::Candidate> CandidateRegistry::candidate(const domain::Principal& actor, domain::Id id) {
    if (auto e = require_role(actor, {Role::ao_admin, Role::centre_admin, Role::invigilator})) return *e;
    auto c = people_.candidate(id);
    if (!c) return domain::not_found("no such candidate");
    if (auto e = require_centre(actor, c->centre_id, {Role::ao_admin, Role::centre_admin, Role::invigilator})) {
        return domain::not_found("no such candidate");
    }
    return *c;
}

void CandidateRegistry::update_candidate(const domain::Principal& actor, domain::Id id, CandidateChanges ch,
                                         domain::Completion<domain::Candidate> done) {
    if (auto e = require_role(actor, {Role::ao_admin, Role::centre_admin})) return done(*e);
    auto c = people_.candidate(id);
    if (!c || require_centre(actor, c->centre_id, {Role::ao_admin, Role::centre_admin})) {
        return done(domain::not_found("no such candidate"));
    }
    if (ch.reason.empty()) return done(domain::invalid("/reason", "why the details change (kept in the audit log)"));
    domain::Candidate updated = *c;
    std::vector<std::string> changed;
    auto apply = [&](const auto& value, auto& field, const char* name) {
        if (value && *value != field) {
            field = *value;
            changed.emplace_back(name);
        }
    };
    apply(ch.given_name, updated.given_name, "given_name");
    apply(ch.family_name, updated.family_name, "family_name");
    apply(ch.date_of_birth, updated.date_of_birth, "date_of_birth");
    apply(ch.uln, updated.uln, "uln");
    apply(ch.extra_time_percent, updated.extra_time_percent, "extra_time_percent");
    const CandidateDraft draft{updated.candidate_number, updated.given_name, updated.family_name,
                               updated.date_of_birth,    updated.uln,        updated.extra_time_percent};
    if (auto problems = check_candidate(draft, 0, domain::format_utc(clock_.now_ms()).substr(0, 10)); !problems.empty()) {
        return done(domain::invalid("/" + problems.front().field, problems.front().message));
    }
    if (changed.empty()) return done(updated);
    std::string fields;
    for (const auto& f : changed) fields += (fields.empty() ? "\"" : ",\"") + f + "\"";
    // Which fields and why, not the values: the log is read more widely than the record.
    storage::AuditEvent audit{clock_.now_ms(), "staff:" + actor.username, "candidate.update",
                              "candidate:" + std::to_string(id),
                              R"({"fields":[)" + fields + R"(],"reason":)" + storage::quoted_json(ch.reason) + "}"};
    people_.update_candidate(updated, std::move(audit), [updated, done](domain::Result<domain::Done> r) {
        if (!r) return done(r.error());
        done(updated);
    });
}

void CandidateRegistry::register_on(const domain::Principal& actor, domain::Id candidate_id, std::string qualification,
                                    domain::Completion<domain::Done> done) {
    // A role that may never register is told so; another centre's candidate is simply not there.
    if (auto e = require_role(actor, {Role::ao_admin, Role::centre_admin})) return done(*e);
    auto c = people_.candidate(candidate_id);
    if (!c || require_centre(actor, c->centre_id, {Role::ao_admin, Role::centre_admin})) {
        return done(domain::not_found("no such candidate"));
    }
    if (bank_->qualification(qualification) == nullptr) {
        return done(domain::invalid("/qualification", "no qualification " + qualification + " in the item bank"));
    }
    for (const auto& q : people_.registrations(candidate_id)) {
        if (q == qualification) return done(domain::conflict("already registered on " + qualification, "/qualification"));
    }
    people_.register_candidate(candidate_id, qualification,
                               {clock_.now_ms(), "staff:" + actor.username, "registration.create",
                                "candidate:" + std::to_string(candidate_id), R"({"qualification":")" + qualification + "\"}"},
                               std::move(done));
}

domain::Result<std::vector<std::string>> CandidateRegistry::registrations(const domain::Principal& actor,
                                                                         domain::Id candidate_id) {
    auto c = candidate(actor, candidate_id);
    if (!c) return c.error();
    return people_.registrations(candidate_id);
}

}  // namespace exam::services
