#include "app/demo_data.hpp"

#include <future>
#include <sstream>
#include <stdexcept>

#include "services/candidate_registry.hpp"
#include "services/identity_service.hpp"
#include "services/invigilation_service.hpp"
#include "services/session_service.hpp"
#include "storage/people_store.hpp"

namespace exam::app {

namespace {

// Start-up work only: waits for a service's completion on this thread.
template <class T, class Call>
T await(Call call) {
    std::promise<domain::Result<T>> promise;
    auto future = promise.get_future();
    call([&promise](domain::Result<T> r) { promise.set_value(std::move(r)); });
    auto r = future.get();
    if (!r) throw std::runtime_error("demo data: " + r.error().message + " " + r.error().field);
    return std::move(r.value());
}

domain::Principal system_admin() {
    domain::Principal p;
    p.kind = domain::Principal::Kind::staff;
    p.role = domain::Role::ao_admin;
    p.username = "system";
    return p;
}

struct DemoCandidate {
    const char* number;
    const char* given;
    const char* family;
    const char* dob;
    const char* uln;
    int extra_time;
};

// ULNs with valid check digits (DESIGN: digits weighted 10..1 sum to 10 mod 11).
const DemoCandidate demo_candidates[] = {
    {"0001", "Amira", "Hassan", "2004-03-12", "9276308686", 0},
    {"0002", "Ben", "Clarke", "2003-11-02", "1000000000", 25},
    {"0003", "Chloe", "Davies", "2005-06-30", "1000000019", 0},
    {"0004", "Dev", "Patel", "2002-01-21", "1000000027", 0},
};

}  // namespace

std::string create_demo_data(const DemoServices& s) {
    const auto admin = system_admin();
    auto centre = s.people.centre_by_number(demo_centre_number);
    if (!centre) {
        await<domain::StaffUser>([&](auto done) {
            s.identity.create_user(admin, {"ao.admin", "Awarding organisation admin", domain::Role::ao_admin, std::nullopt, demo_password},
                                   done);
        });
        centre = await<domain::Centre>(
            [&](auto done) { s.registry.create_centre(admin, demo_centre_number, "Riverside College (demo)", done); });
        await<domain::StaffUser>([&](auto done) {
            s.identity.create_user(admin, {"centre.admin", "Centre admin", domain::Role::centre_admin, centre->id, demo_password},
                                   done);
        });
        auto invigilator = await<domain::StaffUser>([&](auto done) {
            s.identity.create_user(admin, {"invigilator", "Invigilator", domain::Role::invigilator, centre->id, demo_password},
                                   done);
        });
        std::vector<services::CandidateDraft> drafts;
        for (const auto& c : demo_candidates) drafts.push_back({c.number, c.given, c.family, c.dob, c.uln, c.extra_time});
        std::promise<domain::Result<std::vector<domain::Candidate>>> added;
        s.registry.add_candidates(admin, centre->id, drafts,
                                  [&added](domain::Result<std::vector<domain::Candidate>> r, std::vector<services::RowProblem>) {
                                      added.set_value(std::move(r));
                                  });
        auto candidates = added.get_future().get();
        if (!candidates) throw std::runtime_error("demo data: " + candidates.error().message);
        std::vector<domain::Id> ids;
        for (const auto& c : candidates.value()) {
            ids.push_back(c.id);
            await<domain::Done>([&](auto done) { s.registry.register_on(admin, c.id, "501/0443/3", done); });
        }
        const domain::Millis now = s.clock.now_ms();
        services::NewSession session{"K/602/1597", now - 15 * 60'000, now + 8 * 60 * 60'000, "Room 4 (demo)",
                                     {invigilator.id}};
        auto created = await<domain::TestSession>(
            [&](auto done) { s.sessions.create_session(admin, centre->id, session, done); });
        auto bookings =
            await<std::vector<domain::Booking>>([&](auto done) { s.sessions.book(admin, created.id, ids, done); });
        await<domain::TestSession>(
            [&](auto done) { s.sessions.set_status(admin, created.id, domain::SessionStatus::open, done); });
        // Already checked in, so someone trying the demo can sit a test at once.
        std::vector<domain::Id> booking_ids;
        for (const auto& b : bookings) booking_ids.push_back(b.id);
        await<std::vector<domain::Booking>>(
            [&](auto done) { s.invigilation.admit(admin, created.id, booking_ids, done); });
    }

    std::ostringstream out;
    out << "Demo log-ins (password for each: " << demo_password << ")\n"
        << "  ao.admin      awarding organisation admin\n"
        << "  centre.admin  centre " << demo_centre_number << " admin\n"
        << "  invigilator   centre " << demo_centre_number << " invigilator\n";
    for (const auto& session : s.sessions.sessions_of_centre(admin, centre->id).value()) {
        out << "Session " << session.id << ": unit " << session.unit_code << ", " << session.room << ", "
            << domain::to_string(session.status) << ", " << domain::format_utc(session.starts_at) << " to "
            << domain::format_utc(session.ends_at) << "\n";
        for (const auto& b : s.sessions.bookings(admin, session.id).value()) {
            auto c = s.people.candidate(b.candidate_id);
            out << "  candidate " << c->candidate_number << " " << c->given_name << " " << c->family_name
                << (c->extra_time_percent ? " (+" + std::to_string(c->extra_time_percent) + "% time)" : "")
                << ": centre " << demo_centre_number << ", keycode " << b.keycode << "\n";
        }
    }
    return out.str();
}

}  // namespace exam::app
