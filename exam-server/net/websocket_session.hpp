#pragma once
// A connection upgraded to WebSocket: the server's push channel (the live
// invigilation feed, the candidate's screen). Only the HTTP session includes this.

#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include "net/http_session.hpp"

namespace exam::net {

using UpgradeRequest = boost::beast::http::request<boost::beast::http::string_body>;

// Each takes over the connection and its registry slot for `remote_address`.
void start_plain_websocket(boost::beast::tcp_stream stream, UpgradeRequest upgrade, HttpRequest request,
                           std::string remote_address, SessionContext context);
void start_tls_websocket(boost::beast::ssl_stream<boost::beast::tcp_stream> stream, UpgradeRequest upgrade,
                         HttpRequest request, std::string remote_address, SessionContext context);

}  // namespace exam::net
