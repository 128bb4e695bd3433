#include "sitting_setup.hpp"

#include <boost/json.hpp>

#include <chrono>
#include <ctime>
#include <iostream>
#include <map>
#include <random>
#include <stdexcept>

#include "candidate_roster.hpp"

namespace exam_load {

namespace json = boost::json;

namespace {

// CSV uploads may be 1 MB; a roster line is about 60 bytes, so this stays far below.
constexpr std::size_t candidates_per_upload = 5000;
// The bookings endpoint takes at most 1000 candidates per request.
constexpr std::size_t candidates_per_booking = 1000;

std::string utc(std::chrono::system_clock::time_point t) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

// Six base-36 characters from the clock, so reruns against one database never reuse a candidate number.
std::string run_tag() {
    auto n = static_cast<std::uint64_t>(std::time(nullptr));
    std::string tag;
    for (int i = 0; i < 6; ++i, n /= 36) tag.insert(tag.begin(), "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[n % 36]);
    return tag;
}

struct StaffCentre {
    std::int64_t id = 0;
    std::string number;
};

StaffCentre own_centre(StaffApi& staff) {
    auto centres = staff.call_json(200, http::verb::get, "/api/v1/centres").at("centres").as_array();
    if (centres.size() != 1) throw std::runtime_error("the staff user should see exactly one centre (a centre admin)");
    return {centres[0].at("id").as_int64(), std::string(centres[0].at("number").as_string())};
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

Sitting set_up_sitting(StaffApi& staff, const SittingPlan& plan) {
    const auto began = std::chrono::steady_clock::now();
    const auto centre = own_centre(staff);
    const std::string tag = run_tag();
    std::mt19937_64 random(std::random_device{}());

    std::vector<std::int64_t> ids;
    std::map<std::int64_t, std::string> number_of;
    for (std::size_t first = 0; first < plan.candidates; first += candidates_per_upload) {
        const std::size_t count = std::min(candidates_per_upload, plan.candidates - first);
        auto added = staff.call_json(201, http::verb::post, "/api/v1/centres/" + std::to_string(centre.id) + "/candidates",
                                     roster_csv(tag, first, count, random), "text/csv");
        for (const auto& c : added.at("candidates").as_array()) {
            ids.push_back(c.at("id").as_int64());
            number_of[ids.back()] = std::string(c.at("candidate_number").as_string());
        }
    }
    std::cerr << "setup: " << ids.size() << " candidates uploaded (" << seconds_since(began) << " s)\n";

    std::vector<StaffRequest> registrations;
    const std::string registration = json::serialize(json::object{{"qualification", plan.qualification}});
    for (auto id : ids) {
        registrations.push_back({http::verb::post, "/api/v1/candidates/" + std::to_string(id) + "/registrations", registration});
    }
    auto [refused, first_refusal] = staff.call_all(registrations, 201, plan.parallel_requests);
    if (refused) throw std::runtime_error(std::to_string(refused) + " registrations refused; first: " + first_refusal);
    std::cerr << "setup: registered on " << plan.qualification << " (" << seconds_since(began) << " s)\n";

    // A window around now: candidates may log in at once, and the run ends long before it closes.
    const auto now = std::chrono::system_clock::now();
    const json::object session_request{{"unit", plan.unit},
                                       {"starts_at", utc(now - std::chrono::minutes(5))},
                                       {"ends_at", utc(now + std::chrono::hours(8))},
                                       {"room", "Load test " + tag}};
    const auto session = staff.call_json(201, http::verb::post, "/api/v1/centres/" + std::to_string(centre.id) + "/sessions",
                                         json::serialize(session_request))
                             .at("id")
                             .as_int64();
    const std::string session_path = "/api/v1/sessions/" + std::to_string(session);

    std::vector<CandidateLogin> logins;
    std::vector<std::string> admissions;
    for (std::size_t first = 0; first < ids.size(); first += candidates_per_booking) {
        json::array batch;
        for (std::size_t i = first; i < std::min(ids.size(), first + candidates_per_booking); ++i) batch.push_back(ids[i]);
        auto booked = staff.call_json(201, http::verb::post, session_path + "/bookings",
                                      json::serialize(json::object{{"candidates", batch}}));
        json::array booking_ids;
        for (const auto& b : booked.at("bookings").as_array()) {
            logins.push_back({centre.number, number_of.at(b.at("candidate").as_int64()),
                              std::string(b.at("keycode").as_string())});
            booking_ids.push_back(b.at("id"));
        }
        admissions.push_back(json::serialize(json::object{{"bookings", booking_ids}}));
    }
    staff.call_json(200, http::verb::post, session_path + "/open");
    // Every candidate checked in, as an invigilator would at the door.
    for (const auto& body : admissions) staff.call_json(200, http::verb::post, session_path + "/admit", body);
    std::cerr << "setup: session " << session << " (" << plan.unit << ") booked and opened for " << logins.size()
              << " candidates (" << seconds_since(began) << " s)\n";
    return {session, logins};
}

std::vector<CandidateLogin> bookings_of(StaffApi& staff, std::int64_t session, std::size_t limit) {
    auto s = staff.call_json(200, http::verb::get, "/api/v1/sessions/" + std::to_string(session));
    const auto centre = s.at("centre").as_int64();
    std::string centre_number;
    const auto centres = staff.call_json(200, http::verb::get, "/api/v1/centres");
    for (const auto& c : centres.at("centres").as_array()) {
        if (c.at("id").as_int64() == centre) centre_number = std::string(c.at("number").as_string());
    }
    std::map<std::int64_t, std::string> number_of;
    auto candidates = staff.call_json(200, http::verb::get, "/api/v1/centres/" + std::to_string(centre) + "/candidates");
    for (const auto& c : candidates.at("candidates").as_array()) {
        number_of[c.at("id").as_int64()] = std::string(c.at("candidate_number").as_string());
    }
    std::vector<CandidateLogin> logins;
    for (const auto& b : s.at("bookings").as_array()) {
        if (logins.size() == limit) break;
        logins.push_back({centre_number, number_of.at(b.at("candidate").as_int64()), std::string(b.at("keycode").as_string())});
    }
    return logins;
}

}  // namespace exam_load
