#include "api/feed_publisher.hpp"

#include "api/room_json.hpp"

namespace exam::api {

using services::FeedTopic;

void FeedPublisher::attempt_changed(const services::AttemptSnapshot& s) {
    // A newer state of the same candidate supersedes one still waiting to be sent.
    const FeedTopic room{FeedTopic::Kind::session, s.session_id};
    if (feed_.has_subscribers(room)) feed_.publish(room, "attempt:" + std::to_string(s.booking_id), attempt_event_message(s));
    const FeedTopic own{FeedTopic::Kind::attempt, s.attempt_id};
    if (feed_.has_subscribers(own)) feed_.publish(own, "attempt", candidate_status_message(s));
}

void FeedPublisher::booking_admitted(const domain::Booking& b) {
    feed_.publish({FeedTopic::Kind::session, b.session_id}, "admitted:" + std::to_string(b.id),
                  admitted_event_message(b, clock_.now_ms()));
}

void FeedPublisher::incident_recorded(const domain::Incident& i) {
    feed_.publish({FeedTopic::Kind::session, i.session_id}, {}, incident_event_message(i));
}

void FeedPublisher::session_changed(const domain::TestSession& s) {
    feed_.publish({FeedTopic::Kind::session, s.id}, "session", session_event_message(s, clock_.now_ms()));
}

}  // namespace exam::api
