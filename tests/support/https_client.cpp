#include "https_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/json.hpp>

namespace exam_test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

boost::json::value Reply::json() const {
    boost::json::error_code ec;
    auto v = boost::json::parse(body, ec);
    return ec ? boost::json::value(nullptr) : v;
}

namespace {

template <class Stream>
Reply exchange(Stream& stream, const std::string& host, const std::string& method, const std::string& target,
               const std::string& body, const std::string& token, const std::string& content_type,
               const std::vector<std::pair<std::string, std::string>>& extra_headers) {
    http::request<http::string_body> req{http::string_to_verb(method), target, 11};
    req.set(http::field::host, host);
    for (const auto& [name, value] : extra_headers) req.set(name, value);
    if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
    if (!body.empty()) {
        req.set(http::field::content_type, content_type);
        req.body() = body;
    }
    req.prepare_payload();
    // A server may answer (413, 431) and close before the whole request is
    // written: a failed write still leaves its reply to be read.
    beast::error_code write_error;
    http::write(stream, req, write_error);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    http::read(stream, buffer, parser);
    auto res = parser.release();
    Reply r;
    r.status = static_cast<int>(res.result_int());
    r.body = res.body();
    for (const auto& f : res) {
        std::string name(f.name_string());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        r.headers[name] = std::string(f.value());
    }
    return r;
}

}  // namespace

Reply HttpsClient::request(const std::string& method, const std::string& target, const std::string& body,
                           const std::string& token, const std::string& content_type,
                           const std::vector<std::pair<std::string, std::string>>& extra_headers) {
    asio::io_context ioc;
    asio::ip::tcp::resolver resolver(ioc);
    auto endpoints = resolver.resolve(host_, std::to_string(port_));
    Reply r;
    if (tls_) {
        asio::ssl::context ctx(asio::ssl::context::tls_client);
        ctx.set_verify_mode(asio::ssl::verify_none);  // the test server's certificate is self-signed
        beast::ssl_stream<beast::tcp_stream> stream(ioc, ctx);
        beast::get_lowest_layer(stream).connect(endpoints);
        stream.handshake(asio::ssl::stream_base::client);
        r = exchange(stream, host_, method, target, body, token, content_type, extra_headers);
        beast::error_code ignored;
        stream.shutdown(ignored);
    } else {
        beast::tcp_stream stream(ioc);
        stream.connect(endpoints);
        r = exchange(stream, host_, method, target, body, token, content_type, extra_headers);
    }
    received_.push_back(r.body);
    return r;
}

}  // namespace exam_test
