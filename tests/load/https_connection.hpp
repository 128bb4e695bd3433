#pragma once
// One keep-alive HTTPS connection to the server, driven asynchronously on its
// own strand: connect (TCP and TLS handshake), then requests one at a time
// (the caller starts the next from the previous one's completion), then a
// TLS shutdown. Every operation has a deadline, so a stalled server fails a
// request instead of hanging the run. Completions run on the strand.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace exam_load {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

struct HttpReply {
    beast::error_code error;  // set when no reply came; then status is 0
    int status = 0;
    std::string body;
};

struct ServerAddress {
    asio::ip::tcp::endpoint endpoint;
    std::string host_header;  // "127.0.0.1:19443"
};

class HttpsConnection : public std::enable_shared_from_this<HttpsConnection> {
public:
    using Executor = asio::strand<asio::io_context::executor_type>;

    HttpsConnection(asio::io_context& io, asio::ssl::context& tls, ServerAddress server,
                    std::chrono::seconds timeout);

    Executor executor() { return executor_; }
    void set_token(std::string token) { token_ = std::move(token); }

    void connect(std::function<void(beast::error_code)> done);
    // An empty body sends no Content-Type.
    void request(http::verb method, std::string target, std::string body, std::function<void(HttpReply)> done,
                 std::string content_type = "application/json");
    // Ends the TLS session politely; errors (the server may have gone first) are ignored.
    void close(std::function<void()> done);

private:
    void on_written(beast::error_code ec, std::function<void(HttpReply)> done);
    void on_read(beast::error_code ec, std::function<void(HttpReply)> done);

    Executor executor_;
    beast::ssl_stream<beast::tcp_stream> stream_;
    const ServerAddress server_;
    const std::chrono::seconds timeout_;
    std::string token_;
    beast::flat_buffer buffer_;
    http::request<http::string_body> request_;
    std::optional<http::response_parser<http::string_body>> parser_;
    bool usable_ = false;  // connected, and the server has not said it will close
};

}  // namespace exam_load
