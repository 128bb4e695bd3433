#include "simulated_candidate.hpp"

#include <boost/json.hpp>

namespace exam_load {

namespace json = boost::json;

namespace {

// The option ids of each item in an items reply; empty if the reply is not the expected shape.
std::vector<std::vector<std::string>> options_by_position(const std::string& body) {
    std::vector<std::vector<std::string>> out;
    try {
        const auto reply = json::parse(body);  // named: a range-for over a temporary's member would dangle
        for (const auto& item : reply.at("items").as_array()) {
            std::vector<std::string> ids;
            for (const auto& option : item.at("options").as_array()) ids.emplace_back(option.at("id").as_string());
            if (ids.empty()) return {};
            out.push_back(std::move(ids));
        }
    } catch (const std::exception&) {  // boost::json reports a wrong shape by throwing
        return {};
    }
    return out;
}

std::string token_of(const std::string& body) {
    json::error_code ec;
    auto value = json::parse(body, ec);
    if (ec || !value.is_object()) return {};
    const auto* token = value.as_object().if_contains("token");
    return token && token->is_string() ? std::string(token->get_string()) : std::string();
}

}  // namespace

SimulatedCandidate::SimulatedCandidate(std::shared_ptr<HttpsConnection> connection, CandidateLogin who,
                                       CandidatePace pace, RunStats& stats, std::uint64_t seed,
                                       std::function<void()> finished)
    : connection_(std::move(connection)),
      who_(std::move(who)),
      pace_(pace),
      stats_(stats),
      random_(seed),
      finished_(std::move(finished)),
      timer_(connection_->executor()) {}

void SimulatedCandidate::start_at(Clock::time_point when) {
    timer_.expires_at(when);
    timer_.async_wait([self = shared_from_this()](beast::error_code) { self->connect(); });
}

void SimulatedCandidate::connect() {
    const auto began = Clock::now();
    connection_->connect([self = shared_from_this(), began](beast::error_code ec) {
        if (ec) {
            self->stats_.connect.network_failure(ec.message());
            return self->end(false);
        }
        const auto now = Clock::now();
        self->stats_.connect.replied(0, now - began, now);
        self->log_in();
    });
}

void SimulatedCandidate::send(OperationStats& op, http::verb method, std::string target, std::string body,
                              Clock::time_point due, std::function<void(const HttpReply&)> then) {
    connection_->request(method, std::move(target), std::move(body),
                         [self = shared_from_this(), &op, due, then = std::move(then)](HttpReply reply) {
                             if (reply.error) {
                                 op.network_failure(reply.error.message());
                                 return self->end(false);
                             }
                             const auto now = Clock::now();
                             op.replied(reply.status, now - due, now);
                             then(reply);
                         });
}

void SimulatedCandidate::log_in() {
    const json::object body{{"centre_number", who_.centre_number},
                            {"candidate_number", who_.candidate_number},
                            {"keycode", who_.keycode}};
    send(stats_.login, http::verb::post, "/api/v1/candidate/login", json::serialize(body), Clock::now(),
         [this](const HttpReply& reply) {
             auto token = reply.status == 200 ? token_of(reply.body) : std::string();
             if (token.empty()) return end(false);
             connection_->set_token(std::move(token));
             start_test();
         });
}

void SimulatedCandidate::start_test() {
    send(stats_.start, http::verb::post, "/api/v1/attempt/start", {}, Clock::now(), [this](const HttpReply& reply) {
        if (reply.status != 200) return end(false);
        fetch_items();
    });
}

void SimulatedCandidate::fetch_items() {
    send(stats_.items, http::verb::get, "/api/v1/attempt/items", {}, Clock::now(), [this](const HttpReply& reply) {
        if (reply.status == 200) options_ = options_by_position(reply.body);
        if (options_.empty()) return end(false);
        // Random phases, so that candidates who logged in together do not save in step.
        const auto now = Clock::now();
        std::uniform_real_distribution<double> phase(0.0, 1.0);
        const auto fraction_of = [&](Clock::duration d) {
            return std::chrono::duration_cast<Clock::duration>(d * phase(random_));
        };
        next_save_ = pace_.saturate ? now : now + fraction_of(pace_.save_interval);
        next_heartbeat_ = now + fraction_of(pace_.heartbeat_interval);
        next_step();
    });
}

void SimulatedCandidate::next_step() {
    const auto now = Clock::now();
    if (now >= pace_.stop_at) return submit();
    const bool save_next = next_save_ <= next_heartbeat_;
    const auto due = save_next ? next_save_ : next_heartbeat_;
    if (due <= now) return save_next ? save(due) : heartbeat(due);
    timer_.expires_at(std::min(due, pace_.stop_at));
    timer_.async_wait([self = shared_from_this()](beast::error_code) { self->next_step(); });
}

void SimulatedCandidate::save(Clock::time_point due) {
    std::uniform_int_distribution<std::size_t> position_of(0, options_.size() - 1);
    const std::size_t position = position_of(random_);
    const auto& options = options_[position];
    std::uniform_int_distribution<std::size_t> option_of(0, options.size() - 1);
    const json::object body{{"sequence", ++sequence_}, {"selected", json::array{json::value(options[option_of(random_)])}}};
    // Paced saves keep their timetable even when a reply is late, so lateness shows in the latency.
    if (!pace_.saturate) next_save_ = due + pace_.save_interval;
    send(stats_.save, http::verb::put, "/api/v1/attempt/responses/" + std::to_string(position), json::serialize(body),
         due, [this](const HttpReply&) {
             if (pace_.saturate) next_save_ = Clock::now();
             next_step();
         });
}

void SimulatedCandidate::heartbeat(Clock::time_point due) {
    next_heartbeat_ = due + pace_.heartbeat_interval;
    send(stats_.heartbeat, http::verb::post, "/api/v1/attempt/heartbeat", {}, due,
         [this](const HttpReply&) { next_step(); });
}

void SimulatedCandidate::submit() {
    send(stats_.submit, http::verb::post, "/api/v1/attempt/submit", R"({"confirm":true})", Clock::now(),
         [this](const HttpReply& reply) { end(reply.status == 200); });
}

void SimulatedCandidate::end(bool submitted) {
    ++(submitted ? stats_.candidates_submitted : stats_.candidates_lost);
    connection_->close([self = shared_from_this()] { self->finished_(); });
}

}  // namespace exam_load
