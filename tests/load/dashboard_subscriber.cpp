#include "dashboard_subscriber.hpp"

#include <boost/asio/post.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <charconv>
#include <chrono>

namespace exam_load {

namespace {

std::int64_t now_system_micros() {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Calls `each` with the "server_time_ms" of every event in a feed message
// (one, or a batch of them), read without parsing the whole message: a
// hundred dashboards each read every event, and the generator shares the
// machine with the server it measures.
template <class Each>
void for_each_server_time(std::string_view text, Each each) {
    constexpr std::string_view key = "\"server_time_ms\":";
    for (auto at = text.find(key); at != std::string_view::npos; at = text.find(key, at + key.size())) {
        std::int64_t ms = 0;
        const char* first = text.data() + at + key.size();
        auto [end, ec] = std::from_chars(first, text.data() + text.size(), ms);
        if (ec == std::errc()) each(ms);
    }
}

}  // namespace

DashboardSubscriber::DashboardSubscriber(asio::io_context& io, asio::ssl::context& tls, ServerAddress server,
                                         std::int64_t session, std::string token, DashboardStats& stats,
                                         Clock::time_point stop_at, std::function<void()> done)
    : executor_(asio::make_strand(io)),
      ws_(executor_, tls),
      server_(std::move(server)),
      target_("/api/v1/sessions/" + std::to_string(session) + "/feed"),
      token_(std::move(token)),
      stats_(stats),
      stop_at_(stop_at),
      done_(std::move(done)),
      timer_(executor_) {}

void DashboardSubscriber::start_at(Clock::time_point when) {
    timer_.expires_at(when);
    timer_.async_wait([self = shared_from_this()](beast::error_code) { self->connect(); });
}

void DashboardSubscriber::connect() {
    connect_started_ = Clock::now();
    auto& tcp = beast::get_lowest_layer(ws_);
    tcp.expires_after(std::chrono::seconds(30));
    tcp.async_connect(server_.endpoint, [self = shared_from_this()](beast::error_code ec) {
        if (ec) return self->fail();
        self->ws_.next_layer().async_handshake(asio::ssl::stream_base::client, [self](beast::error_code tls_ec) {
            if (tls_ec) return self->fail();
            beast::get_lowest_layer(self->ws_).expires_never();
            self->ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
            const std::string origin = "https://" + self->server_.host_header;
            self->ws_.set_option(websocket::stream_base::decorator(
                [origin](websocket::request_type& req) { req.set(beast::http::field::origin, origin); }));
            self->ws_.async_handshake(self->server_.host_header, self->target_, [self](beast::error_code ws_ec) {
                if (ws_ec) return self->fail();
                auto first = std::make_shared<std::string>(R"({"token":")" + self->token_ + R"(","batch":true})");
                self->ws_.text(true);
                self->ws_.async_write(asio::buffer(*first), [self, first](beast::error_code write_ec, std::size_t) {
                    if (write_ec) return self->fail();
                    self->read();
                });
            });
        });
    });
    // The run's end closes the feed, whatever it is doing.
    timer_.expires_at(stop_at_);
    timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
        if (!ec) self->finish();
    });
}

void DashboardSubscriber::read() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t n) {
        if (ec) {
            if (!self->finished_) self->fail();
            return;
        }
        self->on_message(n);
        self->read();
    });
}

void DashboardSubscriber::on_message(std::size_t) {
    const auto received = now_system_micros();
    const std::string text = beast::buffers_to_string(buffer_.data());
    buffer_.consume(buffer_.size());
    if (!got_snapshot_) {
        got_snapshot_ = true;
        stats_.snapshot(static_cast<std::uint64_t>(
            std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - connect_started_).count()));
        return;
    }
    for_each_server_time(text, [&](std::int64_t ms) { stats_.event(received - ms * 1000); });
}

void DashboardSubscriber::fail() {
    if (finished_) return;
    stats_.failed();
    finish();
}

void DashboardSubscriber::finish() {
    if (finished_) return;
    finished_ = true;
    timer_.cancel();
    ws_.async_close(websocket::close_code::normal, [self = shared_from_this()](beast::error_code) {
        beast::error_code ignored;
        beast::get_lowest_layer(self->ws_).socket().close(ignored);
        self->done_();
    });
}

}  // namespace exam_load
