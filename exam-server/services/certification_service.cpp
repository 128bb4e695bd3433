#include "services/certification_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "services/access_rules.hpp"

namespace exam::services {

using domain::Role;

namespace {

std::string json_string_list(const std::vector<CertificateUnit>& units) {
    std::string out = "[";
    for (const auto& u : units) out += (out.size() > 1 ? "," : "") + storage::quoted_json(u.code);
    return out + "]";
}

// Every unit of the qualification in the order its rules list them, so a
// certificate reads the way the specification does.
std::vector<std::string> units_in_order(const item_bank::Qualification& q) {
    std::vector<std::string> out;
    for (const auto& g : q.rules.groups) {
        for (const auto& u : g.units) {
            if (std::find(out.begin(), out.end(), u) == out.end()) out.push_back(u);
        }
    }
    return out;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

CertificationService::CertificationService(storage::PeopleStore& people, storage::LedgerStore& ledger,
                                           storage::CertificateStore& certificates, const domain::Clock& clock,
                                           std::shared_ptr<const item_bank::Bank> bank,
                                           const security::AwardingKey& key)
    : people_(people),
      ledger_(ledger),
      certificates_(certificates),
      clock_(clock),
      bank_(std::move(bank)),
      key_(key),
      public_key_(security::read_ed25519_public_key(key.public_key_pem())) {}

domain::Result<domain::Candidate> CertificationService::claimable_candidate(const domain::Principal& actor,
                                                                            domain::Id id) {
    auto c = people_.candidate(id);
    if (!c) return domain::not_found("no such candidate");
    if (auto e = require_centre(actor, c->centre_id, {Role::ao_admin, Role::centre_admin})) {
        return e->status == 404 ? domain::not_found("no such candidate") : *e;
    }
    return *c;
}

domain::Result<ClaimAssessment> CertificationService::assess(const domain::Principal& actor, domain::Id candidate,
                                                             const Claim& claim) {
    auto c = claimable_candidate(actor, candidate);
    if (!c) return c.error();
    const auto* q = bank_->qualification(claim.qualification);
    if (q == nullptr) return domain::invalid("/qualification", "no qualification " + claim.qualification);
    const auto registered = people_.registrations(candidate);
    if (std::find(registered.begin(), registered.end(), q->id) == registered.end()) {
        return domain::Error{422, "not_registered",
                             "the candidate is not registered on " + q->id + ": register them before claiming",
                             "/qualification"};
    }
    if (claim.kind == domain::CertificateKind::full && claim.units) {
        return domain::invalid("/units", "a full certificate lists the units the rules count; units are chosen "
                                         "only for a unit certificate");
    }
    if (claim.kind == domain::CertificateKind::full) {
        for (const auto& r : certificates_.certificates_of(candidate)) {
            if (r.kind == domain::CertificateKind::full && r.qualification_id == q->id &&
                r.status == domain::CertificateStatus::current) {
                return domain::conflict("full certificate " + r.number + " is already issued for " + q->id +
                                            ": ask for a replacement of it instead",
                                        "/qualification");
            }
        }
    }

    // Credit is the ledger's: active achievements only, one per unit (invariant 5).
    std::map<std::string, domain::Achievement> achieved;
    for (auto& a : ledger_.achievements(candidate)) {
        if (a.active) achieved.emplace(a.unit_code, std::move(a));
    }
    std::set<std::string> achieved_codes;
    for (const auto& [code, a] : achieved) achieved_codes.insert(code);

    ClaimAssessment out;
    out.candidate = c.value();
    out.qualification = q;
    out.kind = claim.kind;
    out.outcome = item_bank::evaluate_rules(*q, [this](const std::string& code) { return bank_->unit(code); },
                                            achieved_codes);

    std::vector<std::string> listed;
    if (claim.kind == domain::CertificateKind::full) {
        if (out.refused()) return out;
        listed = out.outcome.counted_units;
    } else if (claim.units) {
        std::set<std::string> chosen;
        for (std::size_t i = 0; i < claim.units->size(); ++i) {
            const auto& code = (*claim.units)[i];
            const std::string field = "/units/" + std::to_string(i);
            if (!q->contains(code)) return domain::invalid(field, code + " is not a unit of " + q->id);
            if (!achieved.contains(code)) return domain::invalid(field, code + " has not been achieved");
            if (!chosen.insert(code).second) return domain::invalid(field, code + " is listed twice");
        }
        for (const auto& code : units_in_order(*q)) {
            if (chosen.contains(code)) listed.push_back(code);
        }
    } else {
        for (const auto& code : units_in_order(*q)) {
            if (achieved.contains(code)) listed.push_back(code);
        }
        if (listed.empty()) return domain::invalid("/units", "no unit of " + q->id + " has been achieved yet");
    }
    if (claim.units && claim.units->empty()) return domain::invalid("/units", "name at least one unit");
    for (const auto& code : listed) {
        const auto* unit = bank_->unit(code);
        const auto& a = achieved.at(code);
        out.units.push_back({code, unit->title, unit->level, unit->credit, a.achieved_on,
                             std::string(domain::to_string(a.route))});
    }
    return out;
}

void CertificationService::issue(const domain::Principal& actor, ClaimAssessment a,
                                 domain::Completion<domain::CertificateRecord> done) {
    if (a.refused()) return done(domain::invalid("/qualification", "the rules of combination are not met"));
    const auto centre = people_.centre(a.candidate.centre_id);
    if (!centre) return done(domain::not_found("no such centre"));
    const auto& q = *a.qualification;
    CertificateContent content;
    content.kind = a.kind;
    content.candidate_name = a.candidate.given_name + " " + a.candidate.family_name;
    content.candidate_number = a.candidate.candidate_number;
    content.uln = a.candidate.uln;
    content.date_of_birth = a.candidate.date_of_birth;
    content.centre_number = centre->number;
    content.centre_name = centre->name;
    content.qualification_id = q.id;
    content.qualification_title = q.title;
    content.qualification_level = q.level;
    content.awarding_organisation = q.awarding_organisation;
    content.units = std::move(a.units);

    storage::CertificateIssue issue;
    issue.candidate_id = a.candidate.id;
    issue.centre_id = a.candidate.centre_id;
    issue.qualification_id = q.id;
    issue.kind = a.kind;
    const std::string details = R"({"candidate":)" + std::to_string(a.candidate.id) + R"(,"kind":")" +
                                std::string(domain::to_string(a.kind)) + R"(","qualification":)" +
                                storage::quoted_json(q.id) + R"(,"units":)" + json_string_list(content.units) + "}";
    write(actor, std::move(content), std::move(issue), "certificate.issue", details, std::move(done));
}

void CertificationService::replace(const domain::Principal& actor, const std::string& number, std::string reason,
                                   domain::Completion<domain::CertificateRecord> done) {
    auto old = certificate(actor, number);
    if (!old) return done(old.error());
    if (blank(reason)) return done(domain::invalid("/reason", "say why the certificate is replaced"));
    if (old->status == domain::CertificateStatus::replaced) {
        return done(domain::conflict("certificate " + number + " was replaced already, by " +
                                     old->replaced_by.value_or("another") + ": replace that one"));
    }
    auto content = read_certificate_content(old->document);
    if (!content) return done(domain::Error{500, "internal_error", "the stored certificate cannot be read", {}});
    // The achievement certified stays as it was; who it names follows the
    // register, so a corrected name appears on the replacement.
    if (auto c = people_.candidate(old->candidate_id)) {
        content->candidate_name = c->given_name + " " + c->family_name;
        content->uln = c->uln;
        content->date_of_birth = c->date_of_birth;
    }
    content->replaces = number;

    storage::CertificateIssue issue;
    issue.candidate_id = old->candidate_id;
    issue.centre_id = old->centre_id;
    issue.qualification_id = old->qualification_id;
    issue.kind = old->kind;
    issue.replaces = number;
    issue.replace_reason = reason;
    const std::string details =
        R"({"replaces":)" + storage::quoted_json(number) + R"(,"reason":)" + storage::quoted_json(reason) + "}";
    write(actor, std::move(*content), std::move(issue), "certificate.replace", details, std::move(done));
}

void CertificationService::write(const domain::Principal& actor, CertificateContent content,
                                 storage::CertificateIssue issue, std::string action, std::string details,
                                 domain::Completion<domain::CertificateRecord> done) {
    const auto now = clock_.now_ms();
    content.issued_at = domain::format_utc(now);
    content.key_id = key_.key_id();
    issue.issued_at = now;
    issue.year = std::stoi(content.issued_at.substr(0, 4));
    issue.issued_by = "staff:" + actor.username;
    storage::AuditEvent audit{now, issue.issued_by, std::move(action), "", std::move(details)};
    issue.write = [content = std::move(content), audit = std::move(audit), &key = key_](const std::string& number) {
        auto numbered = content;
        numbered.number = number;
        auto event = audit;
        event.subject = "certificate:" + number;
        return storage::CertificateWrite{signed_certificate_document(numbered, key), std::move(event)};
    };
    certificates_.issue(std::move(issue), std::move(done));
}

domain::Result<std::vector<domain::CertificateRecord>> CertificationService::certificates_of(
    const domain::Principal& actor, domain::Id candidate) {
    auto c = claimable_candidate(actor, candidate);
    if (!c) return c.error();
    return certificates_.certificates_of(candidate);
}

domain::Result<domain::CertificateRecord> CertificationService::certificate(const domain::Principal& actor,
                                                                            const std::string& number) {
    // The role first, so a role that may never see certificates learns nothing about which numbers exist.
    if (auto e = require_role(actor, {Role::ao_admin, Role::centre_admin})) return *e;
    auto r = certificates_.certificate(number);
    if (!r) return domain::not_found("no such certificate");
    if (auto e = require_centre(actor, r->centre_id, {Role::ao_admin, Role::centre_admin})) {
        return domain::not_found("no such certificate");
    }
    return *r;
}

CertificateCheck CertificationService::verify(std::string_view document) const {
    return check_certificate_document(document, public_key_.get());
}

std::optional<RegisterEntry> CertificationService::register_entry(const std::string& number) {
    auto r = certificates_.certificate(number);
    if (!r) return std::nullopt;
    return RegisterEntry{r->status, r->replaced_by};
}

}  // namespace exam::services
