// The candidate's place and display settings, and the display settings of a
// candidate's access arrangements. The settings are a closed list of known
// values (the player's text sizes, overlays and spacings), checked here and
// stored as canonical JSON, so nothing a client invents is kept or sent back.
#include "api/player_state_routes.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <string_view>

#include "api/json_body.hpp"
#include "api/reply_with.hpp"
#include "api/route_params.hpp"
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

json::value display_json(const std::optional<std::string>& canonical) {
    if (!canonical) return nullptr;
    json::error_code ec;
    auto display = json::parse(*canonical, ec);
    return ec ? json::value(nullptr) : display;
}

json::value state_json(const storage::PlayerState& s) {
    return json::object{{"position", s.position}, {"display", display_json(s.display)}, {"display_source", "player"}};
}

json::value view_json(const services::PlayerView& v) {
    return json::object{{"position", v.position ? json::value(*v.position) : json::value(nullptr)},
                        {"display", display_json(v.display)},
                        {"display_source", v.display_source.empty() ? json::value(nullptr) : json::value(v.display_source)}};
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
                       auto v = players.get(attempt);
                       if (!v) return respond(error_response(v.error()));
                       respond(json_reply(200, view_json(v.value())));
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
    router.add("GET", "/api/v1/candidates/{candidate}/display-arrangement",
               [&ctx, &players](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto id = id_param(params, "candidate", respond);
                       if (!id) return;
                       auto d = players.display_arrangement(p, *id);
                       if (!d) return respond(error_response(d.error()));
                       respond(json_reply(200, json::object{{"candidate", *id}, {"display", display_json(d.value())}}));
                   });
               });
    router.add("PUT", "/api/v1/candidates/{candidate}/display-arrangement",
               [&ctx, &players](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto id = id_param(params, "candidate", respond);
                       if (!id) return;
                       auto body = parse_json_body(req);
                       if (!body) return respond(error_response(body.error()));
                       JsonObjectReader r(body->as_object(), "");
                       const json::object* display = r.object("display", true);
                       if (auto e = r.finish()) return respond(error_response(*e));
                       auto canonical = read_display(*display);
                       if (!canonical) return respond(error_response(canonical.error()));
                       players.set_display_arrangement(
                           p, *id, canonical.value(),
                           reply_with<domain::Done>(respond, 200, [id = *id, c = canonical.value()](const domain::Done&) {
                               return json::object{{"candidate", id}, {"display", display_json(c)}};
                           }));
                   });
               });
}

}  // namespace exam::api
