#include "https_transport.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>

#include <openssl/ssl.h>

#include <memory>
#include <optional>

namespace exam_admin {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

ServerAddress parse_server_url(const std::string& url) {
    auto parsed = boost::urls::parse_absolute_uri(url);
    if (!parsed) throw std::invalid_argument("'" + url + "' is not a URL such as https://exam.example.org:8443");
    if (parsed->scheme() != "https") {
        throw std::invalid_argument("the server URL must start with https:// (tokens never travel in clear)");
    }
    if (!parsed->encoded_path().empty() && parsed->encoded_path() != "/") {
        throw std::invalid_argument("give the server URL without a path, e.g. https://exam.example.org:8443");
    }
    ServerAddress a;
    a.host = std::string(parsed->host_address());
    if (a.host.empty()) throw std::invalid_argument("the server URL has no host");
    a.port = parsed->has_port() ? std::string(parsed->port()) : "443";
    return a;
}

namespace {

bool is_ip_address(const std::string& host) {
    boost::system::error_code ec;
    asio::ip::make_address(host, ec);
    return !ec;
}

std::string describe(const beast::error_code& ec) {
    // OpenSSL's verification failure says why, e.g. "self-signed certificate".
    if (ec.category() == asio::error::get_ssl_category()) {
        std::string text = ec.message();
        if (ERR_GET_REASON(static_cast<unsigned long>(ec.value())) == SSL_R_CERTIFICATE_VERIFY_FAILED) {
            text += " (give the server's certificate with --ca-file: exam-server keeps its self-signed one in "
                    "DATA_DIR/tls/)";
        }
        return text;
    }
    return ec.message();
}

// The request as a chain of asynchronous steps, so that one deadline covers
// the whole exchange: synchronous Asio calls cannot time out.
class Exchange : public std::enable_shared_from_this<Exchange> {
public:
    Exchange(asio::io_context& ioc, asio::ssl::context& tls, const ServerAddress& server, http::request<http::string_body> req)
        : resolver_(ioc), stream_(ioc, tls), server_(server), req_(std::move(req)) {}

    void start(std::chrono::seconds timeout) {
        timeout_ = timeout;
        if (!is_ip_address(server_.host)) SSL_set_tlsext_host_name(stream_.native_handle(), server_.host.c_str());
        stream_.set_verify_callback(asio::ssl::host_name_verification(server_.host));
        resolver_.async_resolve(server_.host, server_.port,
                                [self = shared_from_this()](beast::error_code ec, asio::ip::tcp::resolver::results_type r) {
                                    self->on_resolve(ec, r);
                                });
    }

    std::optional<std::string> error;
    http::response<http::string_body> response;

private:
    void fail(const char* what, const beast::error_code& ec) {
        error = std::string(what) + " " + server_.host + ":" + server_.port + ": " + describe(ec);
    }
    void on_resolve(beast::error_code ec, const asio::ip::tcp::resolver::results_type& results) {
        if (ec) return fail("cannot resolve", ec);
        beast::get_lowest_layer(stream_).expires_after(timeout_);
        beast::get_lowest_layer(stream_).async_connect(
            results, [self = shared_from_this()](beast::error_code e, const asio::ip::tcp::endpoint&) { self->on_connect(e); });
    }
    void on_connect(beast::error_code ec) {
        if (ec) return fail("cannot connect to", ec);
        stream_.async_handshake(asio::ssl::stream_base::client,
                                [self = shared_from_this()](beast::error_code e) { self->on_handshake(e); });
    }
    void on_handshake(beast::error_code ec) {
        if (ec) return fail("TLS with", ec);
        http::async_write(stream_, req_, [self = shared_from_this()](beast::error_code e, std::size_t) { self->on_write(e); });
    }
    void on_write(beast::error_code ec) {
        if (ec) return fail("cannot send to", ec);
        parser_.body_limit(256 * 1024 * 1024);
        http::async_read(stream_, buffer_, parser_,
                         [self = shared_from_this()](beast::error_code e, std::size_t) { self->on_read(e); });
    }
    void on_read(beast::error_code ec) {
        if (ec) return fail("no reply from", ec);
        response = parser_.release();
        beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(5));
        // A polite close; the reply is already whole, so its outcome does not matter.
        stream_.async_shutdown([self = shared_from_this()](beast::error_code) {});
    }

    asio::ip::tcp::resolver resolver_;
    beast::ssl_stream<beast::tcp_stream> stream_;
    ServerAddress server_;
    http::request<http::string_body> req_;
    beast::flat_buffer buffer_;
    http::response_parser<http::string_body> parser_;
    std::chrono::seconds timeout_{60};
};

}  // namespace

HttpReply https_request(const ServerAddress& server, const TransportOptions& options, const std::string& method,
                        const std::string& target, const std::string& body, const std::string& content_type,
                        const std::string& token) {
    asio::ssl::context tls(asio::ssl::context::tls_client);
    tls.set_options(asio::ssl::context::no_sslv2 | asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                    asio::ssl::context::no_tlsv1_1);
    tls.set_verify_mode(asio::ssl::verify_peer);
    beast::error_code ec;
    if (options.ca_file.empty()) {
        tls.set_default_verify_paths(ec);
    } else {
        tls.load_verify_file(options.ca_file, ec);
    }
    if (ec) throw TransportError("cannot load the certificates to trust from " +
                                 (options.ca_file.empty() ? std::string("the system store") : options.ca_file) + ": " +
                                 ec.message());

    http::request<http::string_body> req{http::string_to_verb(method), target, 11};
    req.set(http::field::host, server.host);
    req.set(http::field::user_agent, "exam-admin");
    if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
    if (!body.empty() || method == "POST" || method == "PUT") {
        if (!body.empty()) req.set(http::field::content_type, content_type);
        req.body() = body;
    }
    req.prepare_payload();

    asio::io_context ioc;
    auto exchange = std::make_shared<Exchange>(ioc, tls, server, std::move(req));
    exchange->start(options.timeout);
    ioc.run();
    if (exchange->error) throw TransportError(*exchange->error);
    HttpReply reply;
    reply.status = static_cast<int>(exchange->response.result_int());
    reply.content_type = std::string(exchange->response[http::field::content_type]);
    reply.body = std::move(exchange->response.body());
    return reply;
}

}  // namespace exam_admin
