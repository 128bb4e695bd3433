#pragma once
// The WebSocket endpoints (wss only in production: the server serves TLS):
//   /api/v1/sessions/{session}/feed  the room, for its invigilators and centre admins
//   /api/v1/attempt/feed             the candidate's own attempt (pause, resume, extra time, time up)
// The Origin must be this server's own (DESIGN: checked at the handshake).
// The first message, at most 4 KB, is {"token": "..."}; the reply is a
// snapshot, then events. A refused subscription closes with code 1008 and
// the reason; a subscriber too far behind is closed with 1013.

#include "api/api_context.hpp"
#include "net/http_types.hpp"

namespace exam::api {

class FeedEndpoint final : public net::PushHandler {
public:
    explicit FeedEndpoint(ApiContext& ctx) : ctx_(ctx) {}

    std::optional<net::HttpResponse> check_upgrade(const net::HttpRequest& request) override;
    net::PushOpen open(const net::HttpRequest& upgrade, const std::string& first_message,
                       std::function<void()> wake) override;

private:
    net::PushOpen open_checked(const net::HttpRequest& upgrade, const std::string& first_message,
                               std::function<void()> wake);
    ApiContext& ctx_;
};

}  // namespace exam::api
