// What a candidate calls: log in with centre number, candidate number and
// keycode; then, with a token bound to that one attempt, start, fetch the
// items, save responses, heartbeat, review, submit and see a released result.
// No path names an attempt: a candidate can reach only their own.
#include <boost/json.hpp>

#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/reply_with.hpp"
#include "api/route_params.hpp"
#include "services/attempt_service.hpp"
#include "services/invigilation_service.hpp"
#include "services/session_service.hpp"

namespace exam::api {
namespace json = boost::json;

namespace {

// Runs `body` with the attempt id of a candidate's token, or answers 401/403.
template <class Body>
void as_candidate(ApiContext& ctx, const net::HttpRequest& req, const net::Responder& respond, Body body) {
    with_principal(ctx, req, respond, [&](const domain::Principal& p) {
        if (p.kind != domain::Principal::Kind::candidate) {
            return respond(error_response(domain::forbidden("this is for candidates: log in with your keycode")));
        }
        body(p.attempt_id);
    });
}

std::string candidate_actor(domain::Id attempt) { return "candidate:attempt:" + std::to_string(attempt); }

}  // namespace

void add_candidate_routes(Router& router, ApiContext& ctx) {
    router.add("POST", "/api/v1/candidate/login", [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        auto body = parse_json_body(req);
        if (!body) return respond(error_response(body.error()));
        JsonObjectReader r(body->as_object(), "");
        auto centre = r.string("centre_number", true, 16);
        auto candidate = r.string("candidate_number", true, 16);
        auto keycode = r.string("keycode", true, 32);
        if (auto e = r.finish()) return respond(error_response(*e));
        ctx.sessions.candidate_login(
            *centre, *candidate, *keycode, req.remote_address,
            reply_with<services::CandidateLogin>(respond, 200, [&ctx](const services::CandidateLogin& login) {
                const auto* unit = ctx.attempts.bank().unit(login.session.unit_code);
                auto snapshot = ctx.attempts.snapshot(login.attempt.id);
                return json::object{
                    {"token", login.token},
                    {"candidate", json::object{{"candidate_number", login.candidate.candidate_number},
                                               {"given_name", login.candidate.given_name},
                                               {"family_name", login.candidate.family_name},
                                               {"extra_time_percent", login.candidate.extra_time_percent}}},
                    {"unit", json::object{{"code", login.session.unit_code}, {"title", unit ? unit->title : ""}}},
                    {"attempt", snapshot ? snapshot_json(snapshot.value()) : json::value(nullptr)},
                };
            }));
    });
    router.add("GET", "/api/v1/attempt", [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        as_candidate(ctx, req, respond, [&](domain::Id attempt) {
            auto s = ctx.attempts.snapshot(attempt);
            if (!s) return respond(error_response(s.error()));
            respond(json_reply(200, snapshot_json(s.value())));
        });
    });
    router.add("POST", "/api/v1/attempt/start", [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        as_candidate(ctx, req, respond, [&](domain::Id attempt) {
            ctx.attempts.start(attempt, candidate_actor(attempt),
                               reply_with<services::AttemptSnapshot>(respond, 200, snapshot_json));
        });
    });
    router.add("GET", "/api/v1/attempt/items", [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        as_candidate(ctx, req, respond, [&](domain::Id attempt) {
            auto a = ctx.attempts.get(attempt);
            if (!a) return respond(error_response(a.error()));
            if (a->state == domain::AttemptState::admitted || a->state == domain::AttemptState::booked) {
                return respond(error_response(domain::Error{409, "not_started", "start the test to see its items", {}}));
            }
            respond(json_reply(200, candidate_items_json(a.value(), ctx.attempts.bank())));
        });
    });
    // A picture of an item on the candidate's own form, and nothing else: the
    // bank's other pictures are as secret as its other items.
    router.add("GET", "/api/v1/attempt/media/{name}", [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
        as_candidate(ctx, req, respond, [&](domain::Id attempt) {
            auto a = ctx.attempts.get(attempt);
            if (!a) return respond(error_response(a.error()));
            if (a->state == domain::AttemptState::admitted || a->state == domain::AttemptState::booked) {
                return respond(error_response(domain::Error{409, "not_started", "start the test to see its items", {}}));
            }
            const auto& bank = ctx.attempts.bank();
            const std::string name(params.get("name"));
            const item_bank::MediaFile* file = form_shows_media(a.value(), bank, name) ? bank.media(name) : nullptr;
            if (file == nullptr) return respond(error_response(domain::not_found("no such picture in your test")));
            net::HttpResponse reply;
            reply.content_type = std::string(item_bank::media_type(file->type));
            reply.body = *file->bytes;
            respond(std::move(reply));
        });
    });
    router.add("PUT", "/api/v1/attempt/responses/{position}",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   as_candidate(ctx, req, respond, [&](domain::Id attempt) {
                       auto position = parse_id(params.get("position"));
                       const bool zero = params.get("position") == "0";
                       if (!position && !zero) return respond(error_response(domain::not_found("no such item position")));
                       auto body = parse_json_body(req);
                       if (!body) return respond(error_response(body.error()));
                       JsonObjectReader r(body->as_object(), "");
                       services::SaveRequest save;
                       save.position = zero ? 0 : static_cast<std::size_t>(*position);
                       auto sequence = r.integer("sequence", true, 1, INT64_MAX);
                       auto selected = r.string_array("selected", true, 26, 1);
                       save.flagged = r.boolean("flagged", false).value_or(false);
                       if (auto e = r.finish()) return respond(error_response(*e));
                       save.sequence = *sequence;
                       save.selected = std::move(*selected);
                       ctx.attempts.save(attempt, std::move(save),
                                         reply_with<services::SaveOutcome>(respond, 200, [](const services::SaveOutcome& o) {
                                             return json::object{{"saved", true},
                                                                 {"applied", o.applied},
                                                                 {"sequence", o.sequence},
                                                                 {"attempt", snapshot_json(o.snapshot)}};
                                         }));
                   });
               });
    router.add("POST", "/api/v1/attempt/heartbeat", [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        as_candidate(ctx, req, respond, [&](domain::Id attempt) {
            ctx.attempts.heartbeat(attempt, reply_with<services::AttemptSnapshot>(respond, 200, snapshot_json));
        });
    });
    router.add("GET", "/api/v1/attempt/summary", [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        as_candidate(ctx, req, respond, [&](domain::Id attempt) {
            auto a = ctx.attempts.get(attempt);
            if (!a) return respond(error_response(a.error()));
            json::array unanswered, flagged;
            for (std::size_t i = 0; i < a->responses.size(); ++i) {
                if (a->responses[i].selected.empty()) unanswered.push_back(i);
                if (a->responses[i].flagged) flagged.push_back(i);
            }
            json::object o = snapshot_json(ctx.attempts.snapshot(attempt).value()).as_object();
            o["unanswered_positions"] = std::move(unanswered);
            o["flagged_positions"] = std::move(flagged);
            respond(json_reply(200, o));
        });
    });
    router.add("POST", "/api/v1/attempt/submit", [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        as_candidate(ctx, req, respond, [&](domain::Id attempt) {
            auto body = parse_json_body(req);
            if (!body) return respond(error_response(body.error()));
            JsonObjectReader r(body->as_object(), "");
            auto confirm = r.boolean("confirm", true);
            if (auto e = r.finish()) return respond(error_response(*e));
            if (!*confirm) return respond(error_response(domain::invalid("/confirm", "send true to confirm submitting")));
            ctx.attempts.submit(attempt, domain::SubmittedBy::candidate, candidate_actor(attempt),
                                reply_with<services::AttemptSnapshot>(respond, 200, snapshot_json));
        });
    });
    router.add("POST", "/api/v1/attempt/irregularities",
               [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
                   as_candidate(ctx, req, respond, [&](domain::Id attempt) {
                       auto body = parse_json_body(req);
                       if (!body) return respond(error_response(body.error()));
                       JsonObjectReader r(body->as_object(), "");
                       auto kind = r.string("kind", true, 40);
                       if (auto e = r.finish()) return respond(error_response(*e));
                       if (!services::is_irregularity_kind(*kind)) {
                           return respond(error_response(domain::invalid(
                               "/kind", "one of focus_lost, page_hidden, fullscreen_exit, copy_attempt, paste_attempt")));
                       }
                       ctx.attempts.report_irregularity(attempt, std::move(*kind),
                                                        reply_with<services::AttemptSnapshot>(respond, 200, snapshot_json));
                   });
               });
    router.add("GET", "/api/v1/attempt/result", [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        as_candidate(ctx, req, respond, [&](domain::Id attempt) {
            auto a = ctx.attempts.get(attempt);
            if (!a) return respond(error_response(a.error()));
            // Unreleased, unmarked and voided results look the same to a candidate: not available.
            if (!a->result || !a->result->released || a->state == domain::AttemptState::void_) {
                return respond(json_reply(200, json::object{{"released", false}}));
            }
            json::object o = result_json(*a->result).as_object();
            o["provisional"] = true;
            respond(json_reply(200, o));
        });
    });
}

}  // namespace exam::api
