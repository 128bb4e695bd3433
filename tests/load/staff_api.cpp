#include "staff_api.hpp"

#include <boost/json.hpp>

#include <atomic>
#include <future>
#include <mutex>
#include <stdexcept>

namespace exam_load {

namespace json = boost::json;

StaffApi::StaffApi(asio::io_context& io, asio::ssl::context& tls, ServerAddress server, std::chrono::seconds timeout)
    : io_(io), tls_(tls), server_(std::move(server)), timeout_(timeout) {}

void StaffApi::connect() {
    connection_ = std::make_shared<HttpsConnection>(io_, tls_, server_, timeout_);
    connection_->set_token(token_);
    // Shared, so the promise outlives set_value() even once this caller has returned.
    auto connected = std::make_shared<std::promise<beast::error_code>>();
    auto result = connected->get_future();
    connection_->connect([connected](beast::error_code ec) { connected->set_value(ec); });
    if (auto ec = result.get()) {
        throw std::runtime_error("cannot reach the server at " + server_.host_header + ": " + ec.message());
    }
}

void StaffApi::log_in(const std::string& username, const std::string& password) {
    const json::object credentials{{"username", username}, {"password", password}};
    auto reply = call_json(200, http::verb::post, "/api/v1/auth/login", json::serialize(credentials));
    token_ = std::string(reply.at("token").as_string());
    connection_->set_token(token_);
}

HttpReply StaffApi::call(http::verb method, const std::string& target, const std::string& body,
                         const std::string& content_type) {
    auto replied = std::make_shared<std::promise<HttpReply>>();
    auto result = replied->get_future();
    connection_->request(
        method, target, body, [replied](HttpReply r) { replied->set_value(std::move(r)); }, content_type);
    auto reply = result.get();
    if (reply.error) throw std::runtime_error(target + ": no reply: " + reply.error.message());
    return reply;
}

json::value StaffApi::call_json(int expected, http::verb method, const std::string& target, const std::string& body,
                                const std::string& content_type) {
    auto reply = call(method, target, body, content_type);
    json::error_code ec;
    auto value = json::parse(reply.body, ec);
    if (reply.status != expected || ec) {
        throw std::runtime_error(std::string(http::to_string(method)) + " " + target + ": HTTP " +
                                 std::to_string(reply.status) + ": " + reply.body.substr(0, 500));
    }
    return value;
}

namespace {

// The state `width` connections share while they work through a list of
// requests, each taking the next unsent one when its previous reply comes.
// Owned by the handlers (shared), so it outlives the caller's wait.
struct ParallelCalls : std::enable_shared_from_this<ParallelCalls> {
    std::vector<StaffRequest> requests;
    int expected = 0;
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> connections_left{0};
    std::mutex mutex;
    std::size_t failures = 0;
    std::string first_failure;
    std::promise<void> all_done;

    void failed(const std::string& what) {
        std::lock_guard lock(mutex);
        if (failures++ == 0) first_failure = what;
    }
    void connection_finished() {
        if (--connections_left == 0) all_done.set_value();
    }
    void send_next(const std::shared_ptr<HttpsConnection>& connection) {
        const std::size_t i = next++;
        auto self = shared_from_this();
        if (i >= requests.size()) return connection->close([self] { self->connection_finished(); });
        const auto& r = requests[i];
        connection->request(r.method, r.target, r.body, [self, connection](HttpReply reply) {
            if (reply.error) {
                self->failed("no reply: " + reply.error.message());
            } else if (reply.status != self->expected) {
                self->failed("HTTP " + std::to_string(reply.status) + ": " + reply.body.substr(0, 300));
            }
            self->send_next(connection);
        });
    }
};

}  // namespace

std::pair<std::size_t, std::string> StaffApi::call_all(const std::vector<StaffRequest>& requests, int expected,
                                                       std::size_t width) {
    if (requests.empty() || width == 0) return {0, {}};
    auto calls = std::make_shared<ParallelCalls>();
    calls->requests = requests;
    calls->expected = expected;
    calls->connections_left = width;
    auto finished = calls->all_done.get_future();
    for (std::size_t c = 0; c < width; ++c) {
        auto connection = std::make_shared<HttpsConnection>(io_, tls_, server_, timeout_);
        connection->set_token(token_);
        connection->connect([calls, connection](beast::error_code ec) {
            if (ec) {
                calls->failed("cannot connect: " + ec.message());
                return calls->connection_finished();
            }
            calls->send_next(connection);
        });
    }
    finished.wait();
    std::lock_guard lock(calls->mutex);
    return {calls->failures, calls->first_failure};
}

}  // namespace exam_load
