#pragma once
// The attempt a booking starts with: its form chosen and frozen (a published
// fixed form the candidate has not seen, else one drawn within the blueprint
// avoiding seen items), its option orders recorded, its time allowed with the
// candidate's extra time.

#include <cstdint>
#include <set>
#include <string>

#include "domain/result.hpp"
#include "domain/sitting.hpp"
#include "item_bank/bank.hpp"

namespace exam::services {

domain::Result<domain::Attempt> assemble_attempt(const item_bank::Bank& bank, const domain::Booking& booking,
                                                const domain::TestSession& session, const domain::Candidate& candidate,
                                                const std::set<std::string>& seen, std::uint64_t seed);

}  // namespace exam::services
