#pragma once
#include "storage/session_store.hpp"

namespace exam::storage::sql {

// Compiled for both engines (sqlite::Database, postgresql::PgDatabase) in its .cpp.
template <class Database>
class SqlSessionStore final : public SessionStore {
public:
    SqlSessionStore(Database& db, const domain::Clock& clock) : db_(db), clock_(clock) {}
    std::optional<domain::TestSession> session(domain::Id id) override;
    std::vector<domain::TestSession> sessions_of_centre(domain::Id centre) override;
    void create_session(domain::TestSession session, AuditEvent audit, domain::Completion<domain::TestSession> done) override;
    void set_status(domain::Id session, domain::SessionStatus status, AuditEvent audit,
                    domain::Completion<domain::Done> done) override;
    void set_invigilators(domain::Id session, std::vector<domain::Id> users, AuditEvent audit,
                          domain::Completion<domain::Done> done) override;
    std::vector<domain::Booking> bookings(domain::Id session) override;
    std::optional<domain::Booking> booking(domain::Id id) override;
    std::vector<domain::Booking> bookings_of_candidate(domain::Id candidate) override;
    void add_bookings(std::vector<domain::Booking> bookings, AuditEvent audit,
                      domain::Completion<std::vector<domain::Booking>> done) override;
    void admit(std::vector<domain::Id> bookings, domain::Millis at, std::string by,
               domain::Completion<domain::Done> done) override;
    std::vector<domain::Incident> incidents(domain::Id session) override;
    void add_incident(domain::Incident incident, domain::Completion<domain::Incident> done) override;

private:
    Database& db_;
    const domain::Clock& clock_;
};

}  // namespace exam::storage::sql
