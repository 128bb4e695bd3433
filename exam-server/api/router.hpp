#pragma once
// Routes requests by method and path pattern ("/api/v1/attempts/{attempt}/responses")
// to handlers, and does for every request what no handler should repeat:
// timing, metrics, the request log line, security headers, 404/405 replies and
// turning an escaped exception into a 500 that reveals nothing.

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "net/http_types.hpp"

namespace exam::app {
class Logger;
class Metrics;
}  // namespace exam::app

namespace exam::api {

class RouteParams {
public:
    void add(std::string name, std::string value) { values_.emplace_back(std::move(name), std::move(value)); }
    // The value of a {name} segment; empty if the pattern has none.
    std::string_view get(std::string_view name) const;

private:
    std::vector<std::pair<std::string, std::string>> values_;
};

using RouteHandler = std::function<void(const net::HttpRequest&, const RouteParams&, net::Responder)>;

class Router final : public net::RequestHandler {
public:
    Router(app::Logger& logger, app::Metrics& metrics, bool tls) : logger_(logger), metrics_(metrics), tls_(tls) {}

    // Not thread-safe: add every route before the server starts. A route
    // taking a file says so (`body`), and only its requests get the larger limit.
    void add(std::string method, std::string pattern, RouteHandler handler,
             net::BodySize body = net::BodySize::standard);
    // Answers requests of `method` that match no route and lie outside /api/
    // (the player's files); everything under /api/ keeps its JSON 404.
    void set_fallback(std::string method, RouteHandler handler);

    void handle(net::HttpRequest request, net::Responder respond) override;
    net::BodySize body_size(std::string_view method, std::string_view path) const override;

private:
    struct Route {
        std::string method;
        std::string pattern;
        std::vector<std::string> segments;
        RouteHandler handler;
        net::BodySize body = net::BodySize::standard;
    };
    static bool match(const Route& route, const std::vector<std::string_view>& path, RouteParams& params);

    app::Logger& logger_;
    app::Metrics& metrics_;
    bool tls_;
    std::vector<Route> routes_;
    std::string fallback_method_;
    RouteHandler fallback_;
};

}  // namespace exam::api
