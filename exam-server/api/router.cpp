#include "api/router.hpp"

#include <atomic>
#include <chrono>
#include <exception>
#include <memory>

#include "api/json_reply.hpp"
#include "domain/result.hpp"
#include "app/logger.hpp"
#include "app/metrics.hpp"

namespace exam::api {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '/') {
            ++i;
            continue;
        }
        const auto end = path.find('/', i);
        out.push_back(path.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i));
        if (end == std::string_view::npos) break;
        i = end;
    }
    return out;
}

bool is_param(std::string_view segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

void add_default_headers(net::HttpResponse& r, bool tls) {
    auto has = [&](std::string_view name) {
        for (const auto& [k, v] : r.headers) {
            if (k == name) return true;
        }
        return false;
    };
    if (!has("Cache-Control")) r.headers.emplace_back("Cache-Control", "no-store");
    if (!has("Content-Security-Policy")) {
        r.headers.emplace_back("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    r.headers.emplace_back("Referrer-Policy", "no-referrer");
    if (tls) r.headers.emplace_back("Strict-Transport-Security", "max-age=31536000");
}

}  // namespace

std::string_view RouteParams::get(std::string_view name) const {
    for (const auto& [k, v] : values_) {
        if (k == name) return v;
    }
    return {};
}

void Router::add(std::string method, std::string pattern, RouteHandler handler, net::BodySize body) {
    Route r{std::move(method), pattern, {}, std::move(handler), body};
    for (auto s : split_path(pattern)) r.segments.emplace_back(s);
    routes_.push_back(std::move(r));
}

void Router::set_fallback(std::string method, RouteHandler handler) {
    fallback_method_ = std::move(method);
    fallback_ = std::move(handler);
}

bool Router::match(const Route& route, const std::vector<std::string_view>& path, RouteParams& params) {
    if (route.segments.size() != path.size()) return false;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const auto& seg = route.segments[i];
        if (is_param(seg)) {
            params.add(seg.substr(1, seg.size() - 2), std::string(path[i]));
        } else if (seg != path[i]) {
            return false;
        }
    }
    return true;
}

net::BodySize Router::body_size(std::string_view method, std::string_view path) const {
    const auto segments = split_path(path);
    for (const auto& route : routes_) {
        RouteParams ignored;
        if (route.method == method && match(route, segments, ignored)) return route.body;
    }
    return net::BodySize::standard;
}

void Router::handle(net::HttpRequest request, net::Responder respond) {
    const auto started = std::chrono::steady_clock::now();
    const auto path = split_path(request.path);
    const Route* found = nullptr;
    RouteParams params;
    std::string allowed;
    for (const auto& route : routes_) {
        RouteParams candidate;
        if (!match(route, path, candidate)) continue;
        if (route.method == request.method) {
            found = &route;
            params = std::move(candidate);
            break;
        }
        allowed += allowed.empty() ? route.method : ", " + route.method;
    }
    const bool api_path = request.path == "/api" || request.path.starts_with("/api/");
    const bool use_fallback = !found && allowed.empty() && fallback_ && request.method == fallback_method_ && !api_path;

    const std::string route_name = found            ? found->pattern
                                   : use_fallback   ? "static"
                                   : allowed.empty() ? "unmatched"
                                                     : "method_not_allowed";
    // The wrapper runs once, on whatever thread completes the request.
    auto finish = [this, respond = std::move(respond), started, route_name, method = request.method,
                   request_id = request.request_id, remote = request.remote_address](net::HttpResponse r) {
        add_default_headers(r, tls_);
        r.headers.emplace_back("X-Request-Id", request_id);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        metrics_.observe_request(route_name, method, r.status, seconds);
        if (logger_.enabled(app::LogLevel::info)) {
            logger_.info("request", {{"request_id", request_id},
                                     {"method", method},
                                     {"route", route_name},
                                     {"status", static_cast<long long>(r.status)},
                                     {"duration_ms", seconds * 1000.0},
                                     {"remote", remote}});
        }
        respond(std::move(r));
    };

    if (found == nullptr && !use_fallback) {
        if (!allowed.empty()) {
            auto r = error_reply(405, "method_not_allowed", "this path accepts " + allowed);
            r.headers.emplace_back("Allow", allowed);
            return finish(std::move(r));
        }
        return finish(error_reply(404, "not_found", "no such endpoint: " + request.path));
    }
    // A handler may complete later on another thread; share the wrapper so an
    // exception thrown before completion can still answer exactly once.
    auto shared_finish = std::make_shared<decltype(finish)>(std::move(finish));
    auto answered = std::make_shared<std::atomic<bool>>(false);
    net::Responder once = [shared_finish, answered](net::HttpResponse r) {
        if (!answered->exchange(true)) (*shared_finish)(std::move(r));
    };
    try {
        (use_fallback ? fallback_ : found->handler)(request, params, once);
    } catch (const exam::domain::Error& e) {
        // A read refused on its way (PostgreSQL away: 503): the client sends again.
        logger_.warning("handler refused", {{"request_id", request.request_id}, {"route", route_name}, {"what", e.message}});
        once(error_reply(e.status, e.code, e.message));
    } catch (const std::exception& e) {
        logger_.error("handler failed", {{"request_id", request.request_id}, {"route", route_name}, {"what", e.what()}});
        once(error_reply(500, "internal_error", "the server could not complete this request; it has been logged"));
    }
}

}  // namespace exam::api
