#include "api/feed_endpoint.hpp"

#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include "api/json_reply.hpp"
#include "api/room_json.hpp"
#include "api/route_params.hpp"
#include "services/attempt_service.hpp"
#include "services/invigilation_service.hpp"
#include "services/live_feed.hpp"

namespace exam::api {
namespace json = boost::json;

namespace {

constexpr std::string_view session_prefix = "/api/v1/sessions/";
constexpr std::string_view session_suffix = "/feed";
constexpr std::string_view attempt_path = "/api/v1/attempt/feed";

// The session id of a room feed path, if it is one.
std::optional<domain::Id> session_of(std::string_view path) {
    if (!path.starts_with(session_prefix) || !path.ends_with(session_suffix)) return std::nullopt;
    path.remove_prefix(session_prefix.size());
    path.remove_suffix(session_suffix.size());
    return parse_id(path);
}

// A browser always sends Origin on a WebSocket handshake; another site's page must not ride on it.
bool same_origin(const net::HttpRequest& request) {
    const auto origin = request.header("origin");
    const auto host = request.header("host");
    if (origin.empty() || host.empty()) return false;
    auto parsed = boost::urls::parse_uri(origin);
    if (!parsed || !parsed->has_authority()) return false;
    return parsed->encoded_authority() == host;
}

// Unsubscribes when the connection that sends from it goes away.
class FeedSource final : public net::PushSource {
public:
    FeedSource(services::LiveFeed& feed, services::FeedTopic topic, std::shared_ptr<services::FeedSubscription> sub)
        : feed_(feed), topic_(topic), sub_(std::move(sub)) {}
    ~FeedSource() override { feed_.unsubscribe(topic_, sub_); }
    std::optional<std::string> next() override { return sub_->next(); }
    bool overflowed() const override { return sub_->overflowed(); }
    services::FeedSubscription& subscription() { return *sub_; }

private:
    services::LiveFeed& feed_;
    services::FeedTopic topic_;
    std::shared_ptr<services::FeedSubscription> sub_;
};

net::PushOpen refuse(std::string reason) { return net::PushOpen{nullptr, 1008, std::move(reason)}; }

}  // namespace

std::optional<net::HttpResponse> FeedEndpoint::check_upgrade(const net::HttpRequest& request) {
    if (request.path != attempt_path && !session_of(request.path)) {
        return error_reply(404, "not_found", "no WebSocket endpoint at " + request.path);
    }
    if (!same_origin(request)) {
        return error_reply(403, "forbidden_origin", "the Origin header must name this server");
    }
    return std::nullopt;
}

net::PushOpen FeedEndpoint::open(const net::HttpRequest& upgrade, const std::string& first_message,
                                 std::function<void()> wake) {
    try {
        return open_checked(upgrade, first_message, std::move(wake));
    } catch (const domain::Error& e) {
        return refuse(e.message);  // a read refused (PostgreSQL away): the client's reconnection tries again
    } catch (const std::exception&) {
        return refuse("the feed could not be opened; try again");
    }
}

net::PushOpen FeedEndpoint::open_checked(const net::HttpRequest& upgrade, const std::string& first_message,
                                         std::function<void()> wake) {
    boost::system::error_code ec;
    const json::value parsed = json::parse(first_message, ec);
    if (ec || !parsed.is_object() || !parsed.as_object().contains("token") ||
        !parsed.as_object().at("token").is_string()) {
        return refuse("the first message must be {\"token\": \"...\"}");
    }
    net::HttpRequest with_token = upgrade;
    with_token.headers.emplace_back("authorization",
                                    "Bearer " + std::string(parsed.as_object().at("token").as_string()));
    auto principal = authenticate(ctx_, with_token);
    if (!principal) return refuse(principal.error().message);
    const auto& first = parsed.as_object();
    const bool batch = first.contains("batch") && first.at("batch").is_bool() && first.at("batch").as_bool();

    if (upgrade.path == attempt_path) {
        if (principal->kind != domain::Principal::Kind::candidate) return refuse("this feed is a candidate's own");
        const services::FeedTopic topic{services::FeedTopic::Kind::attempt, principal->attempt_id};
        auto source = std::make_shared<FeedSource>(ctx_.feed, topic, ctx_.feed.subscribe(topic, std::move(wake)));
        auto snap = ctx_.attempts.snapshot(principal->attempt_id);
        if (!snap) return refuse(snap.error().message);
        source->subscription().offer_first(candidate_status_message(snap.value()));
        return net::PushOpen{std::move(source), 0, {}, batch};
    }
    const auto session = session_of(upgrade.path);
    auto allowed = ctx_.invigilation.session_for_staff(principal.value(), *session);
    if (!allowed) return refuse(allowed.error().message);
    const services::FeedTopic topic{services::FeedTopic::Kind::session, *session};
    auto source = std::make_shared<FeedSource>(ctx_.feed, topic, ctx_.feed.subscribe(topic, std::move(wake)));
    auto room = ctx_.invigilation.room_unchecked(*session);
    if (!room) return refuse("no such session");
    source->subscription().offer_first(room_snapshot_message(*room));
    return net::PushOpen{std::move(source), 0, {}, batch};
}

}  // namespace exam::api
