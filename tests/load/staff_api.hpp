#pragma once
// Blocking calls to the server for the generator's main thread (setup and
// probes before and after the run), over HttpsConnections whose work runs on
// the io_context's threads. Never call these from those threads: they wait
// for them.

#include <boost/json/value.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "https_connection.hpp"

namespace exam_load {

struct StaffRequest {
    http::verb method = http::verb::get;
    std::string target;
    std::string body;
};

class StaffApi {
public:
    StaffApi(asio::io_context& io, asio::ssl::context& tls, ServerAddress server, std::chrono::seconds timeout);

    // Opens (or, after the server closed an idle one, reopens) the connection,
    // keeping any token. Throws std::runtime_error if the server cannot be reached.
    void connect();
    // Logs in as a staff user; later calls carry the token. Throws unless 200.
    void log_in(const std::string& username, const std::string& password);

    const std::string& token() const { return token_; }

    // One request; throws std::runtime_error on a network failure.
    HttpReply call(http::verb method, const std::string& target, const std::string& body = {},
                   const std::string& content_type = "application/json");
    // One request whose reply must have `expected` status and a JSON body; throws otherwise, quoting the reply.
    boost::json::value call_json(int expected, http::verb method, const std::string& target,
                                 const std::string& body = {}, const std::string& content_type = "application/json");

    // Sends every request with this user's token over `width` connections at
    // once (setup work that is one request per candidate); returns how many
    // replies did not have `expected` status, and the first such reply's body.
    std::pair<std::size_t, std::string> call_all(const std::vector<StaffRequest>& requests, int expected,
                                                 std::size_t width);

private:
    asio::io_context& io_;
    asio::ssl::context& tls_;
    const ServerAddress server_;
    const std::chrono::seconds timeout_;
    std::string token_;
    std::shared_ptr<HttpsConnection> connection_;
};

}  // namespace exam_load
