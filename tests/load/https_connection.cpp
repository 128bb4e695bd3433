#include "https_connection.hpp"

#include <boost/asio/post.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

namespace exam_load {

namespace {
// Setup replies list thousands of candidates; a sitting's replies are small.
constexpr std::uint64_t reply_body_limit = 64 * 1024 * 1024;
}  // namespace

HttpsConnection::HttpsConnection(asio::io_context& io, asio::ssl::context& tls, ServerAddress server,
                                 std::chrono::seconds timeout)
    : executor_(asio::make_strand(io)), stream_(executor_, tls), server_(std::move(server)), timeout_(timeout) {}

void HttpsConnection::connect(std::function<void(beast::error_code)> done) {
    auto& tcp = beast::get_lowest_layer(stream_);
    tcp.expires_after(timeout_);
    tcp.async_connect(server_.endpoint, [self = shared_from_this(), done = std::move(done)](beast::error_code ec) mutable {
        if (ec) return done(ec);
        beast::get_lowest_layer(self->stream_).expires_after(self->timeout_);
        self->stream_.async_handshake(asio::ssl::stream_base::client,
                                      [self, done = std::move(done)](beast::error_code handshake_error) {
                                          self->usable_ = !handshake_error;
                                          done(handshake_error);
                                      });
    });
}

void HttpsConnection::request(http::verb method, std::string target, std::string body,
                              std::function<void(HttpReply)> done, std::string content_type) {
    if (!usable_) {
        // Reported through the strand like any other completion, never inline.
        return asio::post(executor_, [done = std::move(done)] {
            done(HttpReply{beast::error_code(asio::error::not_connected), 0, {}});
        });
    }
    request_ = {};
    request_.method(method);
    request_.target(target);
    request_.version(11);
    request_.set(http::field::host, server_.host_header);
    if (!token_.empty()) request_.set(http::field::authorization, "Bearer " + token_);
    if (!body.empty()) request_.set(http::field::content_type, content_type);
    request_.body() = std::move(body);
    request_.keep_alive(true);
    request_.prepare_payload();
    beast::get_lowest_layer(stream_).expires_after(timeout_);
    http::async_write(stream_, request_,
                      [self = shared_from_this(), done = std::move(done)](beast::error_code ec, std::size_t) mutable {
                          self->on_written(ec, std::move(done));
                      });
}

void HttpsConnection::on_written(beast::error_code ec, std::function<void(HttpReply)> done) {
    // A server that refuses a request may answer and close before reading it
    // all: a failed write can still leave a reply to read.
    (void)ec;
    parser_.emplace();
    parser_->body_limit(reply_body_limit);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this(), done = std::move(done)](beast::error_code read_error, std::size_t) mutable {
                         self->on_read(read_error, std::move(done));
                     });
}

void HttpsConnection::on_read(beast::error_code ec, std::function<void(HttpReply)> done) {
    if (ec) {
        usable_ = false;
        return done(HttpReply{ec, 0, {}});
    }
    auto response = parser_->release();
    usable_ = response.keep_alive();
    done(HttpReply{{}, static_cast<int>(response.result_int()), std::move(response.body())});
}

void HttpsConnection::close(std::function<void()> done) {
    usable_ = false;
    beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(5));
    stream_.async_shutdown([self = shared_from_this(), done = std::move(done)](beast::error_code) { done(); });
}

}  // namespace exam_load
