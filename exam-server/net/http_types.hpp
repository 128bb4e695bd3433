#pragma once
// The server's own request and response, free of Beast, so routing and the API
// compile fast and are tested without sockets.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace exam::net {

struct HttpRequest {
    std::string method;  // "GET", "POST", ...
    std::string target;  // as sent: path and query
    std::string path;    // percent-decoded path, no query
    std::vector<std::pair<std::string, std::string>> query;  // decoded
    std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
    std::string body;
    std::string remote_address;
    std::string request_id;

    // First header of that (lower-case) name, or empty.
    std::string_view header(std::string_view lower_name) const;
    std::optional<std::string_view> query_param(std::string_view name) const;
};

struct HttpResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    bool close_connection = false;
};

// Completes a request. Called exactly once, from any thread: the session moves
// the reply onto its own strand before writing.
using Responder = std::function<void(HttpResponse)>;

// How large a body a request may send, by what its route takes: most take
// JSON (or CSV) within the usual limits; a few take an uploaded file. The
// sizes themselves are ServerLimits'.
enum class BodySize { standard, upload };

class RequestHandler {
public:
    virtual ~RequestHandler() = default;
    virtual void handle(HttpRequest request, Responder respond) = 0;
    // Asked once the headers are read, before any of the body is: `path` is
    // percent-decoded, without the query.
    virtual BodySize body_size(std::string_view /*method*/, std::string_view /*path*/) const {
        return BodySize::standard;
    }
};

// Messages a WebSocket connection sends, server to client, as they come.
class PushSource {
public:
    virtual ~PushSource() = default;
    // The next message, or none for now (the connection's wake is called when one arrives).
    virtual std::optional<std::string> next() = 0;
    // The client fell too far behind: the connection closes.
    virtual bool overflowed() const = 0;
};

struct PushOpen {
    std::shared_ptr<PushSource> source;  // null: refused, close with the code and reason
    std::uint16_t close_code = 1008;     // policy violation
    std::string close_reason;
    // The client reads batches: messages waiting together go in one frame as
    // {"type":"batch","events":[...]}, one write and one TLS record for many.
    bool batch = false;
};

// WebSocket endpoints. The upgrade request carries no credentials (a browser
// cannot set headers on it and tokens never go in a URL), so the client's
// first message authenticates and chooses what to follow.
class PushHandler {
public:
    virtual ~PushHandler() = default;
    // At the handshake: none accepts the upgrade; a response refuses it (unknown path, foreign Origin).
    virtual std::optional<HttpResponse> check_upgrade(const HttpRequest& request) = 0;
    // The first message. `wake` may be called from any thread; it must not block.
    virtual PushOpen open(const HttpRequest& upgrade, const std::string& first_message, std::function<void()> wake) = 0;
};

}  // namespace exam::net
