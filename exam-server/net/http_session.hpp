#pragma once
// Serving one accepted connection, plain or TLS. Only the listener includes this.

#include <string>
#include <vector>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>

#include "net/connection_registry.hpp"
#include "net/http_types.hpp"
#include "net/server_limits.hpp"

namespace exam::net {

struct SessionContext {
    RequestHandler& handler;
    ConnectionRegistry& registry;
    const ServerLimits& limits;
    PushHandler* push = nullptr;  // none: WebSocket upgrades are refused
    // Balancers whose X-Forwarded-For is believed (client_address.hpp).
    const std::vector<std::string>* trusted_proxies = nullptr;
};

// The registry slot for `remote_address` is already taken; the session gives it back when it ends.
void start_plain_session(boost::asio::ip::tcp::socket socket, std::string remote_address, SessionContext context);
void start_tls_session(boost::asio::ip::tcp::socket socket, std::string remote_address, SessionContext context,
                       boost::asio::ssl::context& tls);

}  // namespace exam::net
