#pragma once
// Every limit the network layer enforces, named, with the values DESIGN asks
// for as defaults.

#include <chrono>
#include <cstddef>

namespace exam::net {

struct ServerLimits {
    std::size_t header_bytes = 8 * 1024;
    std::size_t json_body_bytes = 64 * 1024;
    std::size_t csv_body_bytes = 1024 * 1024;
    // Routes that take a file (BodySize::upload): an item file or QTI package
    // to import. Real packages of a unit's items are well under this.
    std::size_t upload_body_bytes = 8 * 1024 * 1024;
    std::chrono::seconds read_timeout{10};     // header and body, once a request has begun
    std::chrono::seconds write_timeout{10};
    std::chrono::seconds keep_alive{75};       // idle between requests
    std::chrono::seconds handshake_timeout{10};
    // WebSocket (DESIGN: incoming messages at most 4 KB, a bounded send queue per subscriber).
    std::size_t websocket_message_bytes = 4 * 1024;
    std::chrono::seconds websocket_auth_timeout{10};  // from the handshake to the first message
    std::chrono::seconds websocket_idle_timeout{30};  // a peer that answers no ping for this long is gone
    std::size_t max_connections = 20000;
    // A centre's whole room may share one NAT address, so this is generous.
    std::size_t max_connections_per_address = 2000;
};

}  // namespace exam::net
