#pragma once
// The server's own request and response, free of Beast, so routing and the API
// compile fast and are tested without sockets.

#include <functional>
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

class RequestHandler {
public:
    virtual ~RequestHandler() = default;
    virtual void handle(HttpRequest request, Responder respond) = 0;
};

}  // namespace exam::net
