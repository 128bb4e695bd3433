#pragma once
// Test sessions, their invigilators and bookings (with keycodes).

#include <optional>
#include <vector>

#include "domain/result.hpp"
#include "domain/sitting.hpp"
#include "storage/audit_event.hpp"

namespace exam::storage {

class SessionStore {
public:
    virtual ~SessionStore() = default;
    virtual std::optional<domain::TestSession> session(domain::Id id) = 0;
    virtual std::vector<domain::TestSession> sessions_of_centre(domain::Id centre) = 0;
    virtual void create_session(domain::TestSession session, AuditEvent audit,
                                domain::Completion<domain::TestSession> done) = 0;
    virtual void set_status(domain::Id session, domain::SessionStatus status, AuditEvent audit,
                            domain::Completion<domain::Done> done) = 0;

    // Replaces the session's invigilators.
    virtual void set_invigilators(domain::Id session, std::vector<domain::Id> users, AuditEvent audit,
                                  domain::Completion<domain::Done> done) = 0;

    virtual std::vector<domain::Booking> bookings(domain::Id session) = 0;
    virtual std::optional<domain::Booking> booking(domain::Id id) = 0;
    virtual std::vector<domain::Booking> bookings_of_candidate(domain::Id candidate) = 0;
    // All or nothing: a candidate already booked on the session fails the batch.
    virtual void add_bookings(std::vector<domain::Booking> bookings, AuditEvent audit,
                              domain::Completion<std::vector<domain::Booking>> done) = 0;
    // Checks the bookings in (those not yet admitted), one audit entry each.
    virtual void admit(std::vector<domain::Id> bookings, domain::Millis at, std::string by,
                       domain::Completion<domain::Done> done) = 0;

    virtual std::vector<domain::Incident> incidents(domain::Id session) = 0;
    virtual void add_incident(domain::Incident incident, domain::Completion<domain::Incident> done) = 0;
};

}  // namespace exam::storage
