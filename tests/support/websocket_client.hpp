#pragma once
// A blocking WebSocket (wss) client for the integration tests: connect with
// an Origin, send one text message, read messages with a deadline, see how
// the server closed.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

namespace exam_test {

struct WebSocketOutcome {
    bool upgraded = false;
    int refused_status = 0;  // the HTTP status when the server refused the upgrade
};

class WebSocketClient {
public:
    WebSocketClient(std::string host, unsigned short port);
    ~WebSocketClient();

    // Performs the handshake with this Origin ("" sends none).
    WebSocketOutcome connect(const std::string& target, const std::string& origin);
    void send(const std::string& text);
    // The next message, or none if the deadline passed or the connection closed.
    std::optional<std::string> read(std::chrono::milliseconds deadline = std::chrono::seconds(5));
    // The next message as JSON; a batch ({"type":"batch","events":[...]}) is unpacked into its events.
    std::optional<boost::json::value> read_json(std::chrono::milliseconds deadline = std::chrono::seconds(5));
    std::size_t batches_seen() const { return batches_seen_; }
    // Reads until a message of this "type" arrives (others are skipped), or none.
    std::optional<boost::json::value> read_type(const std::string& type,
                                                std::chrono::milliseconds deadline = std::chrono::seconds(5));
    // After a read ended the connection: the close code and reason the server sent.
    int close_code() const { return close_code_; }
    const std::string& close_reason() const { return close_reason_; }
    // The origin the server accepts: its own.
    std::string own_origin() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string host_;
    unsigned short port_;
    std::vector<boost::json::value> unpacked_;
    std::size_t batches_seen_ = 0;
    int close_code_ = 0;
    std::string close_reason_;
};

}  // namespace exam_test
