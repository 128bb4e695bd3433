#include "healthz_client.hpp"

namespace exam_load {

HealthzClient::HealthzClient(std::shared_ptr<HttpsConnection> connection, Clock::time_point stop_at, RunStats& stats,
                             std::function<void()> finished)
    : connection_(std::move(connection)),
      stop_at_(stop_at),
      stats_(stats),
      finished_(std::move(finished)),
      timer_(connection_->executor()) {}

void HealthzClient::start_at(Clock::time_point when) {
    timer_.expires_at(when);
    timer_.async_wait([self = shared_from_this()](beast::error_code) {
        const auto began = Clock::now();
        self->connection_->connect([self, began](beast::error_code ec) {
            if (ec) {
                self->stats_.connect.network_failure(ec.message());
                return self->end();
            }
            const auto now = Clock::now();
            self->stats_.connect.replied(0, now - began, now);
            self->next();
        });
    });
}

void HealthzClient::next() {
    if (Clock::now() >= stop_at_) return end();
    const auto sent = Clock::now();
    connection_->request(http::verb::get, "/healthz", {}, [self = shared_from_this(), sent](HttpReply reply) {
        if (reply.error) {
            self->stats_.healthz.network_failure(reply.error.message());
            return self->end();
        }
        const auto now = Clock::now();
        self->stats_.healthz.replied(reply.status, now - sent, now);
        self->next();
    });
}

void HealthzClient::end() {
    connection_->close([self = shared_from_this()] { self->finished_(); });
}

}  // namespace exam_load
