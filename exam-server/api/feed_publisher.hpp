#pragma once
// Turns committed changes into feed messages: each is serialised once, then
// queued for every subscriber of the session's room and, for an attempt, of
// the candidate's own screen.

#include "domain/clock.hpp"
#include "services/live_feed.hpp"
#include "services/room_observer.hpp"

namespace exam::api {

class FeedPublisher final : public services::RoomObserver {
public:
    FeedPublisher(services::LiveFeed& feed, const domain::Clock& clock) : feed_(feed), clock_(clock) {}

    void attempt_changed(const services::AttemptSnapshot& snapshot) override;
    void booking_admitted(const domain::Booking& booking) override;
    void incident_recorded(const domain::Incident& incident) override;
    void session_changed(const domain::TestSession& session) override;

private:
    services::LiveFeed& feed_;
    const domain::Clock& clock_;
};

}  // namespace exam::api
