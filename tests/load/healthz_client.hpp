#pragma once
// The trivial request for comparison: one keep-alive connection sending
// GET /healthz back to back until the run stops. Runs on the connection's
// strand, kept alive by its pending work.

#include <boost/asio/steady_timer.hpp>

#include <functional>
#include <memory>

#include "https_connection.hpp"
#include "run_stats.hpp"

namespace exam_load {

class HealthzClient : public std::enable_shared_from_this<HealthzClient> {
public:
    HealthzClient(std::shared_ptr<HttpsConnection> connection, Clock::time_point stop_at, RunStats& stats,
                  std::function<void()> finished);

    void start_at(Clock::time_point when);

private:
    void next();
    void end();

    std::shared_ptr<HttpsConnection> connection_;
    const Clock::time_point stop_at_;
    RunStats& stats_;
    std::function<void()> finished_;
    asio::steady_timer timer_;
};

}  // namespace exam_load
