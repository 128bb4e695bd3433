#pragma once
// Who sits the load test and with what keycode: either made now through the
// staff API (candidates uploaded as CSV, registered, booked on a new session
// around the present time, the session opened), or read from an existing
// session's bookings.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "staff_api.hpp"

namespace exam_load {

struct CandidateLogin {
    std::string centre_number;
    std::string candidate_number;
    std::string keycode;
};

struct SittingPlan {
    std::size_t candidates = 0;
    std::string unit;           // the session's unit, with an onscreen test
    std::string qualification;  // registered on, so that the unit may be booked
    std::size_t parallel_requests = 8;
};

struct Sitting {
    std::int64_t session = 0;
    std::vector<CandidateLogin> logins;
};

// The staff user must be an admin of their (one) centre. Throws std::runtime_error on any refusal.
Sitting set_up_sitting(StaffApi& staff, const SittingPlan& plan);

// Up to `limit` bookings of an existing session, in booking order.
std::vector<CandidateLogin> bookings_of(StaffApi& staff, std::int64_t session, std::size_t limit);

}  // namespace exam_load
