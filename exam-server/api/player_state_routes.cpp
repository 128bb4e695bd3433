// The candidate's place and display settings. The settings are a closed list
// of known values (the player's text sizes, overlays and spacings), checked
// here and stored as canonical JSON, so nothing a client invents is kept or
// sent back to another computer.
#include "api/player_state_routes.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <string_view>

#include "api/json_body.hpp"
#include "api/reply_with.hpp"
#include "services/player_state_service.hpp"

namespace exam::api {
namespace json = boost::json;

namespace {

constexpr std::array<std::int64_t, 5> text_sizes{100, 125, 150, 175, 200};
constexpr std::array<std::string_view, 7> overlays{"none", "cream", "blue", "yellow", "green", "pink", "grey"};
constexpr std::array<std::string_view, 3> spacings{"normal", "wide", "wider"};

template <class List, class Value>
bool one_of(const List& list, const Value& v) {
    return std::find(list.begin(), list.end(), v) != list.end();
}

json::value state_json(const storage::PlayerState& s) {
    json::error_code ec;
    auto display = json::parse(s.display, ec);
    return json::object{{"position", s.position}, {"display", ec ? json::value(nullptr) : display}};
}

// The display settings as canonical JSON, or the error naming the field.
domain::Result<std::string> read_display(const json::object& o) {
    JsonObjectReader r(o, "/display");
    auto size = r.integer("text_size", true, 100, 200);
    auto overlay = r.string("overlay", true, 16);
    auto contrast = r.boolean("high_contrast", true);
    auto spacing = r.string("line_spacing", true, 16);
    if (auto e = r.finish()) return *e;
    if (!one_of(text_sizes, *size)) return domain::invalid("/display/text_size", "one of 100, 125, 150, 175, 200");
    if (!one_of(overlays, std::string_view(*overlay))) {
        return domain::invalid("/display/overlay", "one of none, cream, blue, yellow, green, pink, grey");
    }
    if (!one_of(spacings, std::string_view(*spacing))) {
        return domain::invalid("/display/line_spacing", "one of normal, wide, wider");
    }
    return json::serialize(json::object{
        {"text_size", *size}, {"overlay", *overlay}, {"high_contrast", *contrast}, {"line_spacing", *spacing}});
}

template <class Body>
void as_candidate(ApiContext& ctx, const net::HttpRequest& req, const net::Responder& respond, Body body) {
    with_principal(ctx, req, respond, [&](const domain::Principal& p) {
        if (p.kind != domain::Principal::Kind::candidate) {
            return respond(error_response(domain::forbidden("this is for candidates: log in with your keycode")));
        }
        body(p.attempt_id);
    });
}

}  // namespace

void add_player_state_routes(Router& router, ApiContext& ctx, services::PlayerStateService& players) {
    router.add("GET", "/api/v1/attempt/player-state",
               [&ctx, &players](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
                   as_candidate(ctx, req, respond, [&](domain::Id attempt) {
                       auto s = players.get(attempt);
                       if (!s) return respond(error_response(s.error()));
                       if (!s.value()) {
                           return respond(json_reply(200, json::object{{"position", nullptr}, {"display", nullptr}}));
                       }
                       respond(json_reply(200, state_json(*s.value())));
                   });
               });
    router.add("PUT", "/api/v1/attempt/player-state",
               [&ctx, &players](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
                   as_candidate(ctx, req, respond, [&](domain::Id attempt) {
                       auto body = parse_json_body(req);
                       if (!body) return respond(error_response(body.error()));
                       JsonObjectReader r(body->as_object(), "");
                       auto position = r.integer("position", true, 0, 10'000);
                       const json::object* display = r.object("display", true);
                       if (auto e = r.finish()) return respond(error_response(*e));
                       auto canonical = read_display(*display);
                       if (!canonical) return respond(error_response(canonical.error()));
                       players.save(attempt, storage::PlayerState{*position, std::move(canonical.value())},
                                    reply_with<storage::PlayerState>(respond, 200, state_json));
                   });
               });
}

}  // namespace exam::api
