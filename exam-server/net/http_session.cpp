// One HTTP/1.1 connection: read a request with limits and timeouts, hand it to
// the RequestHandler, write the reply when the handler completes, repeat. Plain
// and TLS share one implementation (CRTP over the stream, as Beast's flex
// server does). A session is kept alive only by its pending operations.

#include "net/http_session.hpp"

#include "net/client_address.hpp"

#include "net/websocket_session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/url/parse.hpp>

#include <atomic>
#include <limits>
#include <memory>
#include <optional>

namespace exam::net {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr std::size_t first_read_bytes = 4096;
// Bodies up to this size are read and dropped before a 413, so the client gets the reply.
constexpr std::uint64_t max_discarded_body = 8 * 1024 * 1024;

std::string new_request_id() {
    static std::atomic<std::uint64_t> counter{0};
    static const std::uint64_t prefix = static_cast<std::uint64_t>(
        std::chrono::steady_clock::now().time_since_epoch().count());
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%06llx-%llu", static_cast<unsigned long long>(prefix & 0xffffff),
                  static_cast<unsigned long long>(++counter));
    return buffer;
}

bool is_csv(std::string_view content_type) {
    return content_type.substr(0, content_type.find(';')) == "text/csv";
}

// "64 KB", "8 MiB": how the 413 names a limit.
std::string size_words(std::size_t bytes) {
    constexpr std::size_t mib = 1024 * 1024;
    if (bytes >= mib && bytes % mib == 0) return std::to_string(bytes / mib) + " MiB";
    return std::to_string(bytes / 1024) + " KB";
}

// Parses the target into path and query; false for a target that is not an origin-form URL.
bool split_target(std::string_view target, HttpRequest& out) {
    auto parsed = boost::urls::parse_origin_form(target);
    if (!parsed) return false;
    out.path = parsed->path();
    for (auto param : parsed->params()) out.query.emplace_back(param.key, param.value);
    return true;
}

template <class Derived>
class HttpSession {
public:
    HttpSession(std::string remote, SessionContext context) : remote_(std::move(remote)), ctx_(context) {}

    ~HttpSession() {
        ctx_.registry.remove_drain_callback(drain_id_);
        // An upgraded connection's slot went with it to the WebSocket session.
        if (!handed_off_) ctx_.registry.close(remote_);
    }

protected:
    Derived& derived() { return static_cast<Derived&>(*this); }

    void begin_serving() {
        std::weak_ptr<Derived> weak = derived().shared_from_this();
        drain_id_ = ctx_.registry.add_drain_callback([weak] {
            if (auto self = weak.lock()) {
                asio::post(self->stream().get_executor(), [self] { self->on_drain(); });
            }
        });
        if (ctx_.registry.draining()) draining_ = true;
        wait_for_request();
    }

    beast::flat_buffer buffer_;

private:
    void on_drain() {
        draining_ = true;
        // A session with a request in flight finishes it; an idle one closes now.
        if (!busy_) beast::get_lowest_layer(derived().stream()).cancel();
    }

    void wait_for_request() {
        if (draining_) return derived().do_eof();
        beast::get_lowest_layer(derived().stream()).expires_after(ctx_.limits.keep_alive);
        if (buffer_.size() > 0) return read_header();
        // Waiting for the first byte uses the keep-alive timeout; once a request
        // has begun, the shorter read timeout holds off slow senders.
        derived().stream().async_read_some(
            buffer_.prepare(first_read_bytes),
            [self = derived().shared_from_this()](beast::error_code ec, std::size_t n) {
                self->on_first_bytes(ec, n);
            });
    }

    void on_first_bytes(beast::error_code ec, std::size_t n) {
        if (ec) return derived().do_eof();
        buffer_.commit(n);
        read_header();
    }

    void read_header() {
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(ctx_.limits.header_bytes));
        // No body limit yet: the parser would fail the header itself on a
        // Content-Length over it, and the connection close with no reply. The
        // route's limit is known once the header is (on_header), and set then.
        parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
        beast::get_lowest_layer(derived().stream()).expires_after(ctx_.limits.read_timeout);
        http::async_read_header(derived().stream(), buffer_, *parser_,
                                [self = derived().shared_from_this()](beast::error_code ec, std::size_t) {
                                    self->on_header(ec);
                                });
    }

    void on_header(beast::error_code ec) {
        if (ec == http::error::header_limit) return reject(431, "the request's headers are larger than 8 KB");
        if (ec) return derived().do_eof();
        const std::size_t limit = body_limit(parser_->get());
        if (parser_->content_length() && *parser_->content_length() > limit) {
            const std::string message = "the request body is larger than " + size_words(limit);
            // Read and drop a body of reasonable size first: closing with it unread
            // makes the kernel reset the connection, and the client would lose the 413.
            const std::uint64_t discardable = std::max<std::uint64_t>(max_discarded_body, 2 * std::uint64_t{limit});
            if (*parser_->content_length() <= discardable) return discard_then_reject(*parser_->content_length(), message);
            return reject(413, message);
        }
        parser_->body_limit(limit);
        if (parser_->is_done()) return on_body({});
        http::async_read(derived().stream(), buffer_, *parser_,
                         [self = derived().shared_from_this()](beast::error_code e, std::size_t) { self->on_body(e); });
    }

    // The route's allowance (an upload route takes files) or, for the rest, what the Content-Type says.
    std::size_t body_limit(const http::request_parser<http::string_body>::value_type& req) const {
        auto parsed = boost::urls::parse_origin_form(req.target());
        if (parsed && ctx_.handler.body_size(req.method_string(), parsed->path()) == BodySize::upload) {
            return ctx_.limits.upload_body_bytes;
        }
        return is_csv(req[http::field::content_type]) ? ctx_.limits.csv_body_bytes : ctx_.limits.json_body_bytes;
    }

    void discard_then_reject(std::uint64_t remaining, const std::string& message) {
        const auto buffered = std::min<std::uint64_t>(remaining, buffer_.size());
        buffer_.consume(static_cast<std::size_t>(buffered));
        remaining -= buffered;
        if (remaining == 0) return reject(413, message);
        beast::get_lowest_layer(derived().stream()).expires_after(ctx_.limits.read_timeout);
        derived().stream().async_read_some(
            buffer_.prepare(static_cast<std::size_t>(std::min<std::uint64_t>(remaining, first_read_bytes))),
            [self = derived().shared_from_this(), remaining, message](beast::error_code ec, std::size_t n) {
                if (ec) return self->derived().do_eof();
                self->buffer_.commit(n);
                self->discard_then_reject(remaining, message);
            });
    }

    void on_body(beast::error_code ec) {
        if (ec == http::error::body_limit) return reject(413, "the request body is too large");
        if (ec) return derived().do_eof();
        auto message = parser_->release();
        HttpRequest request;
        request.method = std::string(message.method_string());
        request.target = std::string(message.target());
        request.remote_address = remote_;
        request.request_id = new_request_id();
        for (const auto& field : message) {
            std::string name(field.name_string());
            for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            request.headers.emplace_back(std::move(name), std::string(field.value()));
        }
        if (ctx_.trusted_proxies != nullptr && !ctx_.trusted_proxies->empty()) {
            request.remote_address =
                client_address(remote_, message["X-Forwarded-For"], *ctx_.trusted_proxies);
        }
        keep_alive_ = message.keep_alive();
        version_ = message.version();
        if (!split_target(request.target, request)) return reject(400, "the request target is not a valid URL path");
        if (boost::beast::websocket::is_upgrade(message)) return upgrade(std::move(message), std::move(request));
        request.body = std::move(message.body());

        busy_ = true;
        ctx_.registry.request_started();
        auto self = derived().shared_from_this();
        ctx_.handler.handle(std::move(request), [self](HttpResponse response) {
            asio::dispatch(self->stream().get_executor(),
                           [self, response = std::move(response)]() mutable { self->write(std::move(response)); });
        });
    }

    void upgrade(UpgradeRequest message, HttpRequest request) {
        std::optional<HttpResponse> refusal;
        if (ctx_.push == nullptr) {
            refusal = HttpResponse{404, "application/json", R"({"error":{"code":"not_found","message":"no WebSocket here"}})", {}, true};
        } else {
            refusal = ctx_.push->check_upgrade(request);
        }
        if (refusal) {
            refusal->close_connection = true;
            busy_ = true;
            ctx_.registry.request_started();
            return write(std::move(*refusal));
        }
        if (draining_) return derived().do_eof();
        handed_off_ = true;
        derived().hand_off(std::move(message), std::move(request), remote_, ctx_);
    }

    void reject(int status, const std::string& message) {
        HttpResponse r;
        r.status = status;
        r.body = R"({"error":{"code":"request_rejected","message":")" + message + R"("}})";
        r.close_connection = true;
        busy_ = true;
        ctx_.registry.request_started();
        keep_alive_ = false;
        version_ = 11;
        write(std::move(r));
    }

    void write(HttpResponse r) {
        auto res = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(r.status), version_);
        res->set(http::field::content_type, r.content_type);
        for (auto& [name, value] : r.headers) res->set(name, value);
        res->keep_alive(keep_alive_ && !r.close_connection && !draining_);
        res->body() = std::move(r.body);
        res->prepare_payload();
        beast::get_lowest_layer(derived().stream()).expires_after(ctx_.limits.write_timeout);
        http::async_write(derived().stream(), *res,
                          [self = derived().shared_from_this(), res](beast::error_code ec, std::size_t) {
                              self->on_write(ec, res->keep_alive());
                          });
    }

    void on_write(beast::error_code ec, bool keep_alive) {
        busy_ = false;
        ctx_.registry.request_finished();
        if (ec || !keep_alive) return derived().do_eof();
        wait_for_request();
    }

    std::string remote_;
    SessionContext ctx_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::uint64_t drain_id_ = 0;
    bool busy_ = false;
    bool draining_ = false;
    bool handed_off_ = false;
    bool keep_alive_ = true;
    unsigned version_ = 11;
};

class PlainSession : public HttpSession<PlainSession>, public std::enable_shared_from_this<PlainSession> {
public:
    PlainSession(tcp::socket socket, std::string remote, SessionContext ctx)
        : HttpSession(std::move(remote), ctx), stream_(std::move(socket)) {}

    beast::tcp_stream& stream() { return stream_; }
    void run() { begin_serving(); }

    void hand_off(UpgradeRequest message, HttpRequest request, const std::string& remote, SessionContext ctx) {
        start_plain_websocket(std::move(stream_), std::move(message), std::move(request), remote, ctx);
    }

    void do_eof() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    }

private:
    beast::tcp_stream stream_;
};

class TlsSession : public HttpSession<TlsSession>, public std::enable_shared_from_this<TlsSession> {
public:
    TlsSession(tcp::socket socket, std::string remote, SessionContext ctx, asio::ssl::context& tls)
        : HttpSession(std::move(remote), ctx), stream_(std::move(socket), tls), limits_(ctx.limits) {}

    beast::ssl_stream<beast::tcp_stream>& stream() { return stream_; }

    void hand_off(UpgradeRequest message, HttpRequest request, const std::string& remote, SessionContext ctx) {
        start_tls_websocket(std::move(stream_), std::move(message), std::move(request), remote, ctx);
    }

    void run() {
        beast::get_lowest_layer(stream_).expires_after(limits_.handshake_timeout);
        stream_.async_handshake(asio::ssl::stream_base::server, [self = shared_from_this()](beast::error_code ec) {
            if (ec) return;  // a failed handshake just ends the connection
            self->begin_serving();
        });
    }

    void do_eof() {
        beast::get_lowest_layer(stream_).expires_after(limits_.write_timeout);
        // The peer may close without a TLS close_notify (stream_truncated): nothing to do either way.
        stream_.async_shutdown([self = shared_from_this()](beast::error_code) {});
    }

private:
    beast::ssl_stream<beast::tcp_stream> stream_;
    const ServerLimits& limits_;
};

}  // namespace

void start_plain_session(tcp::socket socket, std::string remote_address, SessionContext context) {
    std::make_shared<PlainSession>(std::move(socket), std::move(remote_address), context)->run();
}

void start_tls_session(tcp::socket socket, std::string remote_address, SessionContext context,
                       asio::ssl::context& tls) {
    std::make_shared<TlsSession>(std::move(socket), std::move(remote_address), context, tls)->run();
}

}  // namespace exam::net
