#pragma once
// One simulated invigilator dashboard: a wss connection to a session's live
// feed, authenticated by its first message, reading the snapshot and then
// every event until the run ends, timing each event's delivery.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <functional>
#include <memory>
#include <string>

#include "dashboard_stats.hpp"
#include "https_connection.hpp"
#include "operation_stats.hpp"

namespace exam_load {

namespace websocket = beast::websocket;

class DashboardSubscriber : public std::enable_shared_from_this<DashboardSubscriber> {
public:
    DashboardSubscriber(asio::io_context& io, asio::ssl::context& tls, ServerAddress server, std::int64_t session,
                        std::string token, DashboardStats& stats, Clock::time_point stop_at, std::function<void()> done);

    void start_at(Clock::time_point when);

private:
    void connect();
    void read();
    void on_message(std::size_t bytes);
    void fail();
    void finish();

    asio::strand<asio::io_context::executor_type> executor_;
    websocket::stream<beast::ssl_stream<beast::tcp_stream>> ws_;
    const ServerAddress server_;
    const std::string target_;
    const std::string token_;
    DashboardStats& stats_;
    const Clock::time_point stop_at_;
    std::function<void()> done_;
    asio::steady_timer timer_;
    beast::flat_buffer buffer_;
    Clock::time_point connect_started_;
    bool got_snapshot_ = false;
    bool finished_ = false;
};

}  // namespace exam_load
