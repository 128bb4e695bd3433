// One WebSocket connection, after the HTTP upgrade: accept, wait (a bounded
// time) for the first message that authenticates, then send what the push
// source has, one write in flight at a time; the source's queue is where
// messages wait, bounded and coalesced, so a slow client costs only itself.
// Plain and TLS share the code through the stream type, as Beast's examples do.

#include "net/websocket_session.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <memory>

namespace exam::net {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

template <class NextLayer>
class WebSocketSession : public std::enable_shared_from_this<WebSocketSession<NextLayer>> {
public:
    WebSocketSession(NextLayer stream, UpgradeRequest upgrade, HttpRequest request, std::string remote,
                     SessionContext ctx)
        : ws_(std::move(stream)),
          upgrade_(std::move(upgrade)),
          request_(std::move(request)),
          remote_(std::move(remote)),
          ctx_(ctx),
          auth_timer_(ws_.get_executor()) {}

    ~WebSocketSession() {
        ctx_.registry.remove_drain_callback(drain_id_);
        ctx_.registry.close(remote_);
    }

    void run() {
        // From here the WebSocket's own timeouts hold the connection, not the TCP stream's.
        beast::get_lowest_layer(ws_).expires_never();
        websocket::stream_base::timeout timeout;
        timeout.handshake_timeout = ctx_.limits.handshake_timeout;
        timeout.idle_timeout = ctx_.limits.websocket_idle_timeout;
        timeout.keep_alive_pings = true;  // a ping at half the idle time tells a quiet client from a dead one
        ws_.set_option(timeout);
        ws_.read_message_max(ctx_.limits.websocket_message_bytes);
        ws_.set_option(websocket::stream_base::decorator(
            [](websocket::response_type& res) { res.set(beast::http::field::server, "exam-server"); }));

        std::weak_ptr<WebSocketSession> weak = this->shared_from_this();
        drain_id_ = ctx_.registry.add_drain_callback([weak] {
            if (auto self = weak.lock()) {
                asio::post(self->ws_.get_executor(), [self] { self->close(websocket::close_code::going_away, "server shutting down"); });
            }
        });
        ws_.async_accept(upgrade_, [self = this->shared_from_this()](beast::error_code ec) { self->on_accept(ec); });
    }

private:
    void on_accept(beast::error_code ec) {
        if (ec) return;
        auth_timer_.expires_after(ctx_.limits.websocket_auth_timeout);
        auth_timer_.async_wait([self = this->shared_from_this()](beast::error_code e) {
            if (!e && !self->source_) self->close(websocket::close_code::policy_error, "authenticate first");
        });
        ws_.async_read(buffer_, [self = this->shared_from_this()](beast::error_code e, std::size_t) {
            self->on_first_message(e);
        });
    }

    void on_first_message(beast::error_code ec) {
        auth_timer_.cancel();
        if (ec || closing_) return;
        const std::string text = beast::buffers_to_string(buffer_.data());
        buffer_.consume(buffer_.size());
        std::weak_ptr<WebSocketSession> weak = this->shared_from_this();
        auto wake = [weak] {
            if (auto self = weak.lock()) asio::post(self->ws_.get_executor(), [self] { self->pump(); });
        };
        PushOpen opened = ctx_.push->open(request_, text, wake);
        if (!opened.source) return close(opened.close_code, opened.close_reason);
        source_ = std::move(opened.source);
        batch_ = opened.batch;
        pump();
        read_more();
    }

    // Clients have nothing to say after the first message; reading still
    // answers pings and notices the close.
    void read_more() {
        ws_.async_read(buffer_, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return;
            self->buffer_.consume(self->buffer_.size());
            self->read_more();
        });
    }

    void pump() {
        if (writing_ || closing_ || !source_) return;
        if (source_->overflowed()) return close(websocket::close_code::try_again_later, "too far behind: reconnect");
        auto message = source_->next();
        if (!message) return;
        writing_ = true;
        outgoing_ = std::move(*message);
        // Whatever else is waiting joins it, up to about 64 KB: under load a
        // dashboard gets one frame per write instead of one per candidate.
        // The snapshot always travels alone, first.
        if (batch_ && sent_first_) {
            std::string events = outgoing_;
            std::size_t count = 1;
            while (events.size() < batch_bytes) {
                auto more = source_->next();
                if (!more) break;
                events += ",";
                events += *more;
                ++count;
            }
            if (count > 1) outgoing_ = R"({"type":"batch","events":[)" + events + "]}";
        }
        sent_first_ = true;
        ws_.text(true);
        ws_.async_write(asio::buffer(outgoing_), [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
            self->on_write(ec);
        });
    }

    void on_write(beast::error_code ec) {
        writing_ = false;
        // A room's snapshot can be a megabyte: its buffer is not kept for the
        // small events that follow (a hundred dashboards would hold a hundred).
        if (outgoing_.capacity() > 2 * batch_bytes) std::string().swap(outgoing_);
        if (ec) return;
        if (pending_close_) return close(pending_close_->code, std::string(pending_close_->reason.data(), pending_close_->reason.size()));
        pump();
    }

    void close(std::uint16_t code, std::string reason) {
        if (closing_) return;
        if (writing_) {  // one write in flight: the close frame waits its turn
            pending_close_ = websocket::close_reason(static_cast<websocket::close_code>(code), reason);
            return;
        }
        closing_ = true;
        auth_timer_.cancel();
        ws_.async_close(websocket::close_reason(static_cast<websocket::close_code>(code), reason), [self = this->shared_from_this()](beast::error_code) {});
    }

    websocket::stream<NextLayer> ws_;
    UpgradeRequest upgrade_;
    HttpRequest request_;
    std::string remote_;
    SessionContext ctx_;
    asio::steady_timer auth_timer_;
    beast::flat_buffer buffer_;
    std::shared_ptr<PushSource> source_;
    std::string outgoing_;
    std::optional<websocket::close_reason> pending_close_;
    std::uint64_t drain_id_ = 0;
    bool writing_ = false;
    bool closing_ = false;
    bool batch_ = false;
    bool sent_first_ = false;
    static constexpr std::size_t batch_bytes = 64 * 1024;
};

}  // namespace

void start_plain_websocket(beast::tcp_stream stream, UpgradeRequest upgrade, HttpRequest request, std::string remote,
                           SessionContext context) {
    std::make_shared<WebSocketSession<beast::tcp_stream>>(std::move(stream), std::move(upgrade), std::move(request),
                                                          std::move(remote), context)
        ->run();
}

void start_tls_websocket(beast::ssl_stream<beast::tcp_stream> stream, UpgradeRequest upgrade, HttpRequest request,
                         std::string remote, SessionContext context) {
    std::make_shared<WebSocketSession<beast::ssl_stream<beast::tcp_stream>>>(
        std::move(stream), std::move(upgrade), std::move(request), std::move(remote), context)
        ->run();
}

}  // namespace exam::net
