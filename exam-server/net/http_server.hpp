#pragma once
// The HTTP(S) server: binds, accepts on a pool of threads, serves each
// connection with its limits, and shuts down gracefully. No Beast or Asio in
// this header: the application and the tests use it as a plain class.

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "net/http_types.hpp"
#include "net/server_limits.hpp"

namespace exam::net {

struct HttpServerOptions {
    std::string address = "127.0.0.1";
    unsigned short port = 8443;  // 0: an ephemeral port (see HttpServer::port)
    bool tls = true;
    std::string certificate_file;  // PEM chain
    std::string private_key_file;  // PEM
    std::size_t threads = 0;       // 0: one per core
    ServerLimits limits;
    std::vector<std::string> trusted_proxies;  // see client_address.hpp
};

class HttpServer {
public:
    // `push`, when given, serves WebSocket upgrades; it must outlive the server.
    HttpServer(HttpServerOptions options, RequestHandler& handler, PushHandler* push = nullptr);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and starts the worker threads. Throws std::runtime_error when it cannot bind or load the TLS files.
    void start();
    unsigned short port() const;
    std::size_t open_connections() const;

    // Stops accepting, lets requests in flight finish and be written (up to
    // `deadline`), closes idle connections, and joins the threads.
    void stop(std::chrono::milliseconds deadline = std::chrono::seconds(10));

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace exam::net
