#pragma once
// Centres, staff users, candidates and their qualification registrations.
// Reads return at once from a reader connection; writes complete after commit.

#include <optional>
#include <string>
#include <vector>

#include "domain/people.hpp"
#include "domain/result.hpp"
#include "storage/audit_event.hpp"

namespace exam::storage {

class PeopleStore {
public:
    virtual ~PeopleStore() = default;

    virtual std::optional<domain::Centre> centre(domain::Id id) = 0;
    virtual std::optional<domain::Centre> centre_by_number(const std::string& number) = 0;
    virtual std::vector<domain::Centre> centres() = 0;
    virtual void create_centre(domain::Centre centre, AuditEvent audit, domain::Completion<domain::Centre> done) = 0;

    virtual std::optional<domain::StaffUser> user(domain::Id id) = 0;
    virtual std::optional<domain::StaffUser> user_by_username(const std::string& username) = 0;
    // Staff of one centre, or with no centre (AO staff) when `centre` is empty.
    virtual std::vector<domain::StaffUser> users_of_centre(std::optional<domain::Id> centre) = 0;
    virtual void create_user(domain::StaffUser user, AuditEvent audit, domain::Completion<domain::StaffUser> done) = 0;

    virtual std::optional<domain::Candidate> candidate(domain::Id id) = 0;
    virtual std::optional<domain::Candidate> candidate_by_number(domain::Id centre, const std::string& number) = 0;
    virtual std::vector<domain::Candidate> candidates_of_centre(domain::Id centre) = 0;
    // All or nothing: a duplicate candidate number fails the whole batch with a conflict naming it.
    virtual void create_candidates(std::vector<domain::Candidate> candidates, AuditEvent audit,
                                   domain::Completion<std::vector<domain::Candidate>> done) = 0;

    // Details other than the candidate number, which log-in and bookings rely on.
    virtual void update_candidate(domain::Candidate candidate, AuditEvent audit, domain::Completion<domain::Done> done) = 0;
    virtual std::vector<std::string> registrations(domain::Id candidate) = 0;
    virtual void register_candidate(domain::Id candidate, std::string qualification, AuditEvent audit,
                                    domain::Completion<domain::Done> done) = 0;
};

}  // namespace exam::storage
