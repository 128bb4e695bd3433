#pragma once
#include "storage/people_store.hpp"

namespace exam::storage::sql {

// Compiled for both engines (sqlite::Database, postgresql::PgDatabase) in its .cpp.
template <class Database>
class SqlPeopleStore final : public PeopleStore {
public:
    SqlPeopleStore(Database& db, const domain::Clock& clock) : db_(db), clock_(clock) {}

    std::optional<domain::Centre> centre(domain::Id id) override;
    std::optional<domain::Centre> centre_by_number(const std::string& number) override;
    std::vector<domain::Centre> centres() override;
    void create_centre(domain::Centre centre, AuditEvent audit, domain::Completion<domain::Centre> done) override;

    std::optional<domain::StaffUser> user(domain::Id id) override;
    std::optional<domain::StaffUser> user_by_username(const std::string& username) override;
    std::vector<domain::StaffUser> users_of_centre(std::optional<domain::Id> centre) override;
    void create_user(domain::StaffUser user, AuditEvent audit, domain::Completion<domain::StaffUser> done) override;

    std::optional<domain::Candidate> candidate(domain::Id id) override;
    std::optional<domain::Candidate> candidate_by_number(domain::Id centre, const std::string& number) override;
    std::vector<domain::Candidate> candidates_of_centre(domain::Id centre) override;
    void create_candidates(std::vector<domain::Candidate> candidates, AuditEvent audit,
                           domain::Completion<std::vector<domain::Candidate>> done) override;

    void update_candidate(domain::Candidate candidate, AuditEvent audit, domain::Completion<domain::Done> done) override;
    std::vector<std::string> registrations(domain::Id candidate) override;
    void register_candidate(domain::Id candidate, std::string qualification, AuditEvent audit,
                            domain::Completion<domain::Done> done) override;

private:
    Database& db_;
    const domain::Clock& clock_;
};

}  // namespace exam::storage::sql
