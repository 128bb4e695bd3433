#include "net/http_server.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/io_context.hpp>
#include <openssl/ssl.h>

#include <stdexcept>
#include <thread>
#include <vector>

#include "net/connection_registry.hpp"
#include "net/http_session.hpp"

namespace exam::net {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

void configure_tls(asio::ssl::context& tls, const HttpServerOptions& options) {
    tls.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                    asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1 |
                    asio::ssl::context::single_dh_use);
    // TLS 1.2 and 1.3 only, whatever the system's OpenSSL defaults are.
    SSL_CTX_set_min_proto_version(tls.native_handle(), TLS1_2_VERSION);
    boost::system::error_code ec;
    tls.use_certificate_chain_file(options.certificate_file, ec);
    if (ec) throw std::runtime_error("cannot load TLS certificate " + options.certificate_file + ": " + ec.message());
    tls.use_private_key_file(options.private_key_file, asio::ssl::context::pem, ec);
    if (ec) throw std::runtime_error("cannot load TLS key " + options.private_key_file + ": " + ec.message());
}

}  // namespace

struct HttpServer::Impl {
    Impl(HttpServerOptions opts, RequestHandler& h, PushHandler* p)
        : options(std::move(opts)),
          handler(h),
          push(p),
          registry(options.limits.max_connections, options.limits.max_connections_per_address),
          tls(asio::ssl::context::tls_server),
          acceptor(asio::make_strand(ioc)) {}

    void accept() {
        acceptor.async_accept(asio::make_strand(ioc), [this](boost::system::error_code ec, tcp::socket socket) {
            if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
            if (!ec) {
                boost::system::error_code addr_ec;
                const auto endpoint = socket.remote_endpoint(addr_ec);
                std::string remote = addr_ec ? std::string("unknown") : endpoint.address().to_string();
                if (registry.try_open(remote)) {
                    SessionContext ctx{handler, registry, options.limits, push, &options.trusted_proxies};
                    if (options.tls) {
                        start_tls_session(std::move(socket), std::move(remote), ctx, tls);
                    } else {
                        start_plain_session(std::move(socket), std::move(remote), ctx);
                    }
                } else {
                    socket.close(addr_ec);  // over a connection limit: refuse at once
                }
            }
            accept();
        });
    }

    HttpServerOptions options;
    RequestHandler& handler;
    PushHandler* push;
    ConnectionRegistry registry;
    asio::io_context ioc;
    asio::ssl::context tls;
    tcp::acceptor acceptor;
    std::vector<std::thread> threads;
    unsigned short bound_port = 0;
    bool stopped = false;
};

HttpServer::HttpServer(HttpServerOptions options, RequestHandler& handler, PushHandler* push)
    : impl_(std::make_unique<Impl>(std::move(options), handler, push)) {}

HttpServer::~HttpServer() { stop(std::chrono::milliseconds(0)); }

void HttpServer::start() {
    auto& i = *impl_;
    if (i.options.tls) configure_tls(i.tls, i.options);
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(i.options.address, ec);
    if (ec) throw std::runtime_error("invalid listen address '" + i.options.address + "'");
    const tcp::endpoint endpoint(address, i.options.port);
    i.acceptor.open(endpoint.protocol(), ec);
    if (!ec) i.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) i.acceptor.bind(endpoint, ec);
    if (!ec) i.acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        throw std::runtime_error("cannot listen on " + i.options.address + ":" + std::to_string(i.options.port) + ": " +
                                 ec.message());
    }
    i.bound_port = i.acceptor.local_endpoint().port();
    i.accept();
    std::size_t n = i.options.threads ? i.options.threads : std::max(1u, std::thread::hardware_concurrency());
    for (std::size_t t = 0; t < n; ++t) {
        i.threads.emplace_back([&i] {
            // A handler that throws is a bug, but must not take every
            // candidate's connection with it: the thread goes back to work
            // (its connection closes on its timeout).
            for (;;) {
                try {
                    i.ioc.run();
                    return;
                } catch (...) {
                }
            }
        });
    }
}

unsigned short HttpServer::port() const { return impl_->bound_port; }

std::size_t HttpServer::open_connections() const { return impl_->registry.open_count(); }

void HttpServer::stop(std::chrono::milliseconds deadline) {
    auto& i = *impl_;
    if (i.stopped) return;
    i.stopped = true;
    if (i.threads.empty()) return;
    asio::post(i.acceptor.get_executor(), [&i] {
        boost::system::error_code ec;
        i.acceptor.close(ec);
    });
    i.registry.drain_all();
    const auto until = std::chrono::steady_clock::now() + deadline;
    // Requests in flight finish and their replies are written before the threads stop.
    while (std::chrono::steady_clock::now() < until && i.registry.requests_in_flight() > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    // Then idle connections get a moment to close politely (TLS close_notify,
    // WebSocket close). One still in its TLS handshake has nothing to lose and
    // would hold the stop for the whole handshake timeout: it is cut off.
    const auto linger = std::min(until, std::chrono::steady_clock::now() + std::chrono::seconds(1));
    while (std::chrono::steady_clock::now() < linger && i.registry.open_count() > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    i.ioc.stop();
    for (auto& t : i.threads) t.join();
    i.threads.clear();
}

}  // namespace exam::net
