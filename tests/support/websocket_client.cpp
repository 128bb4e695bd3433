#include "websocket_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/json.hpp>

namespace exam_test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

struct WebSocketClient::Impl {
    asio::io_context ioc;
    asio::ssl::context tls{asio::ssl::context::tls_client};
    websocket::stream<beast::ssl_stream<beast::tcp_stream>> ws{ioc, tls};
    beast::flat_buffer buffer;
};

WebSocketClient::WebSocketClient(std::string host, unsigned short port)
    : impl_(std::make_unique<Impl>()), host_(std::move(host)), port_(port) {
    impl_->tls.set_verify_mode(asio::ssl::verify_none);  // the test server's certificate is self-signed
}

WebSocketClient::~WebSocketClient() = default;

std::string WebSocketClient::own_origin() const { return "https://" + host_ + ":" + std::to_string(port_); }

WebSocketOutcome WebSocketClient::connect(const std::string& target, const std::string& origin) {
    asio::ip::tcp::resolver resolver(impl_->ioc);
    auto& lowest = beast::get_lowest_layer(impl_->ws);
    lowest.expires_after(std::chrono::seconds(10));
    lowest.connect(resolver.resolve(host_, std::to_string(port_)));
    impl_->ws.next_layer().handshake(asio::ssl::stream_base::client);
    impl_->ws.set_option(websocket::stream_base::decorator([origin](websocket::request_type& req) {
        if (!origin.empty()) req.set(beast::http::field::origin, origin);
    }));
    websocket::response_type res;
    beast::error_code ec;
    impl_->ws.handshake(res, host_ + ":" + std::to_string(port_), target, ec);
    lowest.expires_never();
    if (ec) return {false, static_cast<int>(res.result_int())};
    return {true, 0};
}

void WebSocketClient::send(const std::string& text) {
    impl_->ws.text(true);
    impl_->ws.write(asio::buffer(text));
}

std::optional<std::string> WebSocketClient::read(std::chrono::milliseconds deadline) {
    auto& ioc = impl_->ioc;
    std::optional<std::string> message;
    bool done = false;
    impl_->ws.async_read(impl_->buffer, [&](beast::error_code ec, std::size_t) {
        done = true;
        if (ec) {
            close_code_ = impl_->ws.reason().code;
            close_reason_ = std::string(impl_->ws.reason().reason.data(), impl_->ws.reason().reason.size());
            return;
        }
        message = beast::buffers_to_string(impl_->buffer.data());
        impl_->buffer.consume(impl_->buffer.size());
    });
    ioc.restart();
    ioc.run_for(deadline);
    if (!done) {
        // Abandon the read: the stream cannot be used after this.
        beast::get_lowest_layer(impl_->ws).cancel();
        ioc.restart();
        ioc.run_for(std::chrono::seconds(1));
        return std::nullopt;
    }
    return message;
}

std::optional<boost::json::value> WebSocketClient::read_json(std::chrono::milliseconds deadline) {
    if (unpacked_.empty()) {
        auto text = read(deadline);
        if (!text) return std::nullopt;
        auto v = boost::json::parse(*text);
        if (v.at("type").as_string() != "batch") return v;
        ++batches_seen_;
        const auto& events = v.at("events").as_array();
        for (auto it = events.rbegin(); it != events.rend(); ++it) unpacked_.push_back(*it);  // popped from the back
    }
    auto next = std::move(unpacked_.back());
    unpacked_.pop_back();
    return next;
}

std::optional<boost::json::value> WebSocketClient::read_type(const std::string& type, std::chrono::milliseconds deadline) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    while (std::chrono::steady_clock::now() < until) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
        auto v = read_json(left);
        if (!v) return std::nullopt;
        if (v->as_object().at("type").as_string() == type) return v;
    }
    return std::nullopt;
}

}  // namespace exam_test
