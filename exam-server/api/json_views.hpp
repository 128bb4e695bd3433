#pragma once
// Domain objects as the API shows them. Candidate-facing views are built here
// and only here, from what a candidate may see: never a key, a rationale, or a
// score before its release (DESIGN invariant 1).

#include <boost/json/value.hpp>

#include "domain/people.hpp"
#include "domain/sitting.hpp"
#include "item_bank/bank.hpp"
#include "services/attempt_service.hpp"

namespace exam::api {

boost::json::value centre_json(const domain::Centre& c);
boost::json::value staff_json(const domain::StaffUser& u);
boost::json::value candidate_json(const domain::Candidate& c);
boost::json::value session_json(const domain::TestSession& s);
boost::json::value booking_json(const domain::Booking& b);
// A score as a JSON number: an integer when whole (as before weights), else two decimals.
boost::json::value score_json(double score);
boost::json::value result_json(const domain::AttemptResult& r);
// For staff: state, clock, answers count and, once marked, the result.
boost::json::value attempt_staff_json(const domain::Attempt& a, const services::AttemptSnapshot& snap);

boost::json::value snapshot_json(const services::AttemptSnapshot& s);
// For the candidate: the items in their recorded order with options in
// recorded order, rendered from safe text, and the candidate's own responses.
boost::json::value candidate_items_json(const domain::Attempt& a, const item_bank::Bank& bank);
// Whether an item on the attempt's form shows the picture of that file name.
bool form_shows_media(const domain::Attempt& a, const item_bank::Bank& bank, std::string_view name);
// Safe text as paragraphs of runs, for clients that build their display from it.
boost::json::value safe_text_json(const std::string& source);

}  // namespace exam::api
