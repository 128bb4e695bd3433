#pragma once
// One candidate sitting the test over one keep-alive connection, as the
// candidate client would: connect, log in, start, fetch the items, then save
// a random answer every save interval (or back to back when saturating) with
// a heartbeat now and then, and submit when the run stops. Everything runs on
// the connection's strand; the candidate is kept alive by its pending work.
//
// Latency is measured from when a request was due, not from when it was sent:
// a save held up behind a slow heartbeat on the same connection counts the
// wait, as the candidate would feel it.

#include <boost/asio/steady_timer.hpp>

#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "https_connection.hpp"
#include "run_stats.hpp"
#include "sitting_setup.hpp"

namespace exam_load {

struct CandidatePace {
    Clock::duration save_interval{};
    Clock::duration heartbeat_interval{};
    bool saturate = false;  // save again as soon as the last save is answered
    Clock::time_point stop_at{};
};

class SimulatedCandidate : public std::enable_shared_from_this<SimulatedCandidate> {
public:
    SimulatedCandidate(std::shared_ptr<HttpsConnection> connection, CandidateLogin who, CandidatePace pace,
                       RunStats& stats, std::uint64_t seed, std::function<void()> finished);

    void start_at(Clock::time_point when);

private:
    void connect();
    void log_in();
    void start_test();
    void fetch_items();
    // Waits for the next save or heartbeat that is due, or submits once the run stops.
    void next_step();
    void save(Clock::time_point due);
    void heartbeat(Clock::time_point due);
    void submit();
    void end(bool submitted);

    // Sends one request and records its reply in `op`; a network failure ends the candidate, any reply goes to `then`.
    void send(OperationStats& op, http::verb method, std::string target, std::string body, Clock::time_point due,
              std::function<void(const HttpReply&)> then);

    std::shared_ptr<HttpsConnection> connection_;
    const CandidateLogin who_;
    const CandidatePace pace_;
    RunStats& stats_;
    std::mt19937_64 random_;
    std::function<void()> finished_;
    asio::steady_timer timer_;

    std::vector<std::vector<std::string>> options_;  // option ids of each item, by position
    std::int64_t sequence_ = 0;                      // one counter for all items: always increasing per item too
    Clock::time_point next_save_{}, next_heartbeat_{};
};

}  // namespace exam_load
