// What the server promises about its transport and its configuration: TLS 1.2
// and 1.3 only, a plain-HTTP mode for proxies, metrics in the Prometheus text
// format, and a configuration that reports bad values by name.
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>

#include <fstream>

#include "app/application.hpp"
#include "app/config.hpp"
#include "app/storage_backend.hpp"
#include "https_client.hpp"
#include "server_fixture.hpp"
#include "temp_dir.hpp"

namespace asio = boost::asio;

namespace {

// True when a TLS handshake limited to [min, max] succeeds against the server.
bool handshake_with(unsigned short port, int min_version, int max_version) {
    asio::io_context ioc;
    asio::ssl::context ctx(asio::ssl::context::tls_client);
    SSL_CTX_set_security_level(ctx.native_handle(), 0);  // let the client offer old versions at all
    SSL_CTX_set_min_proto_version(ctx.native_handle(), min_version);
    SSL_CTX_set_max_proto_version(ctx.native_handle(), max_version);
    ctx.set_verify_mode(asio::ssl::verify_none);
    asio::ssl::stream<asio::ip::tcp::socket> stream(ioc, ctx);
    asio::ip::tcp::resolver resolver(ioc);
    asio::connect(stream.next_layer(), resolver.resolve("127.0.0.1", std::to_string(port)));
    boost::system::error_code ec;
    stream.handshake(asio::ssl::stream_base::client, ec);
    return !ec;
}

// A server on plain HTTP, without demo data, for tests of the transport itself.
exam::app::ApplicationOptions plain_http_options(const exam_test::TempDir& dir) {
    exam::app::ApplicationOptions options;
    options.config.port = 0;
    options.config.tls = false;
    options.config.data_dir = (dir.path() / "data").string();
    options.config.log_level = "off";
    options.kdf = exam::security::ScryptParameters::cheap_for_tests();
    options.run_scheduler = false;
    return options;
}

}  // namespace

class Transport : public exam_test::ServerFixture {};

TEST_F(Transport, OnlyTls12And13AreAccepted) {
    EXPECT_TRUE(handshake_with(app_->port(), TLS1_3_VERSION, TLS1_3_VERSION));
    EXPECT_TRUE(handshake_with(app_->port(), TLS1_2_VERSION, TLS1_2_VERSION));
    EXPECT_FALSE(handshake_with(app_->port(), TLS1_VERSION, TLS1_1_VERSION));
}

TEST_F(Transport, RepliesCarrySecurityHeadersAndARequestId) {
    auto r = client().get("/healthz");
    EXPECT_EQ(r.headers["strict-transport-security"], "max-age=31536000");
    EXPECT_EQ(r.headers["x-content-type-options"], "nosniff");
    EXPECT_EQ(r.headers["cache-control"], "no-store");
    EXPECT_FALSE(r.headers["x-request-id"].empty());
    EXPECT_NE(client().get("/healthz").headers["x-request-id"], r.headers["x-request-id"]);
}

TEST_F(Transport, MetricsCountRequestsPerRouteInPrometheusFormat) {
    client().get("/healthz");
    const auto token = candidate_token("0001");
    start_and_fetch(token);
    client().put("/api/v1/attempt/responses/0", R"({"sequence":1,"selected":[]})", token);
    auto r = client().get("/metrics");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.headers["content-type"], "text/plain; version=0.0.4");
    EXPECT_NE(r.body.find(R"(exam_http_requests_total{method="GET",route="/healthz",status="200"})"), std::string::npos);
    EXPECT_NE(r.body.find(R"(route="/api/v1/attempt/responses/{position}")"), std::string::npos);
    EXPECT_NE(r.body.find("exam_http_request_duration_seconds_bucket"), std::string::npos);
    EXPECT_NE(r.body.find("exam_commit_batch_jobs_count"), std::string::npos);
    EXPECT_NE(r.body.find("exam_attempts_in_progress 1"), std::string::npos);
}

TEST_F(Transport, TheOpenApiDocumentIsServed) {
    auto r = client().get("/api/v1/openapi.json");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.json().at("openapi").as_string(), "3.0.3");
    EXPECT_TRUE(r.json().at("paths").as_object().contains("/api/v1/attempt/responses/{position}"));
}

TEST(PlainHttp, ServesWithoutTlsBehindAProxy) {
    exam_test::TempDir dir;
    auto options = plain_http_options(dir);
    exam::app::Application app(options);
    app.start();
    exam_test::HttpsClient client("127.0.0.1", app.port(), false);
    auto r = client.get("/healthz");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.headers.count("strict-transport-security"), 0u);
    app.stop();
}

TEST(ServerConfig, FlagsOverrideTheFileAndBadValuesAreNamed) {
    exam_test::TempDir dir;
    const auto file = dir.write("server.json", R"({"port": 9000, "data_dir": "/var/exam", "clock_grace": 45, "plain_http": true})");
    auto parsed = exam::app::parse_config({"--config", file.string(), "--port", "9443"});
    ASSERT_TRUE(parsed.config) << parsed.message;
    EXPECT_EQ(parsed.config->port, 9443);
    EXPECT_EQ(parsed.config->data_dir, "/var/exam");
    EXPECT_EQ(parsed.config->clock_grace_seconds, 45);
    EXPECT_FALSE(parsed.config->tls);

    auto bad = exam::app::parse_config({"--port", "70000"});
    EXPECT_FALSE(bad.config);
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.message.find("--port"), std::string::npos);
    const auto bad_file = dir.write("bad.json", R"({"clock_grace": "soon"})");
    bad = exam::app::parse_config({"--config", bad_file.string()});
    EXPECT_FALSE(bad.config);
    EXPECT_NE(bad.message.find("/clock_grace"), std::string::npos);
    EXPECT_FALSE(exam::app::parse_config({"--frobnicate", "1"}).config);
    auto help = exam::app::parse_config({"--help"});
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.message.find("--clock-grace"), std::string::npos);
}

TEST(ServerConfig, TheDatabaseIsSqliteUnlessAPostgresqlUriIsGiven) {
    auto parsed = exam::app::parse_config({});
    ASSERT_TRUE(parsed.config);
    EXPECT_EQ(parsed.config->database, "");
    EXPECT_EQ(parsed.config->database_connections, 4u);
    parsed = exam::app::parse_config({"--database", "postgresql://exam@db1:5432/exam", "--database-connections", "16"});
    ASSERT_TRUE(parsed.config) << parsed.message;
    EXPECT_EQ(parsed.config->database, "postgresql://exam@db1:5432/exam");
    EXPECT_EQ(parsed.config->database_connections, 16u);
    EXPECT_EQ(exam::app::parse_config({"--database", "sqlite"}).config->database, "");

    auto bad = exam::app::parse_config({"--database", "mysql://db1/exam"});
    EXPECT_FALSE(bad.config);
    EXPECT_NE(bad.message.find("--database"), std::string::npos);
    EXPECT_FALSE(exam::app::parse_config({"--database-connections", "0"}).config);
    EXPECT_EQ(exam::app::without_password("postgresql://exam:s3cret@db1:5432/exam"), "postgresql://exam:***@db1:5432/exam");
    EXPECT_EQ(exam::app::without_password("postgresql://exam@db1/exam"), "postgresql://exam@db1/exam");
}

TEST(ServerConfig, TrustedProxiesAreAListOfAddresses) {
    EXPECT_TRUE(exam::app::parse_config({}).config->trusted_proxies.empty());
    auto parsed = exam::app::parse_config({"--trusted-proxy", "10.0.0.5,10.0.0.6"});
    ASSERT_TRUE(parsed.config) << parsed.message;
    EXPECT_EQ(parsed.config->trusted_proxies, (std::vector<std::string>{"10.0.0.5", "10.0.0.6"}));
    auto bad = exam::app::parse_config({"--trusted-proxy", "10.0.0.5,,10.0.0.6"});
    EXPECT_FALSE(bad.config);
    EXPECT_NE(bad.message.find("--trusted-proxy"), std::string::npos);
}

TEST(ConnectionLimits, ConnectionsPastThePerAddressCapAreRefused) {
    exam_test::TempDir dir;
    auto options = plain_http_options(dir);
    options.config.limits.max_connections_per_address = 2;
    exam::app::Application app(options);
    app.start();
    asio::io_context ioc;
    asio::ip::tcp::resolver resolver(ioc);
    const auto endpoints = resolver.resolve("127.0.0.1", std::to_string(app.port()));
    asio::ip::tcp::socket first(ioc), second(ioc), third(ioc);
    asio::connect(first, endpoints);
    asio::connect(second, endpoints);
    asio::connect(third, endpoints);  // the kernel accepts; the server closes it at once
    char byte;
    boost::system::error_code ec;
    third.read_some(asio::buffer(&byte, 1), ec);
    EXPECT_EQ(ec, asio::error::eof);
    // The two within the cap are served.
    const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    asio::write(first, asio::buffer(request));
    std::string reply(64, '\0');
    const auto n = first.read_some(asio::buffer(reply), ec);
    EXPECT_EQ(reply.substr(0, std::min<std::size_t>(n, 12)), "HTTP/1.1 200");
    app.stop();
}
