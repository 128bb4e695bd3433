// Centres, staff, candidates (JSON or CSV) and registrations.
#include <boost/json.hpp>

#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/reply_with.hpp"
#include "api/route_params.hpp"
#include "services/candidate_csv.hpp"
#include "services/candidate_registry.hpp"
#include "services/identity_service.hpp"

namespace exam::api {
namespace json = boost::json;
using services::CandidateDraft;
using services::RowProblem;

namespace {

net::HttpResponse rows_rejected(const std::vector<RowProblem>& problems, const char* row_word) {
    json::array rows;
    for (const auto& p : problems) {
        rows.push_back(json::object{{row_word, p.row}, {"field", p.field}, {"message", p.message}});
    }
    const auto& first = problems.front();
    std::string message = std::to_string(problems.size()) + (problems.size() == 1 ? " problem" : " problems") +
                          "; nothing was imported. First: " + row_word + " " + std::to_string(first.row) +
                          (first.field.empty() ? "" : ", " + first.field) + ": " + first.message;
    json::object error{{"code", "invalid_rows"}, {"message", message}, {"rows", std::move(rows)}};
    return json_reply(422, json::object{{"error", std::move(error)}});
}

json::array to_array(const std::vector<domain::Candidate>& list) {
    json::array a;
    for (const auto& c : list) a.push_back(candidate_json(c));
    return a;
}

void add_candidates(ApiContext& ctx, const net::HttpRequest& req, domain::Id centre, const domain::Principal& p,
                    net::Responder respond) {
    std::vector<CandidateDraft> drafts;
    std::vector<std::size_t> lines;
    const bool csv = req.header("content-type").substr(0, 8) == "text/csv";
    if (csv) {
        auto parsed = services::parse_candidate_csv(req.body);
        if (!parsed.problems.empty()) return respond(rows_rejected(parsed.problems, "line"));
        drafts = std::move(parsed.drafts);
        lines = std::move(parsed.lines);
    } else {
        auto body = parse_json_body(req);
        if (!body) return respond(error_response(body.error()));
        JsonObjectReader r(body->as_object(), "");
        const json::array* list_value = r.array("candidates", true, 5000);
        if (auto e = r.finish()) return respond(error_response(*e));
        const auto& list = *list_value;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string ptr = "/candidates/" + std::to_string(i);
            if (!list[i].is_object()) return respond(error_response(domain::invalid(ptr, "expected an object")));
            JsonObjectReader c(list[i].as_object(), ptr);
            CandidateDraft d;
            d.candidate_number = c.string("candidate_number", true, 16).value_or("");
            d.given_name = c.string("given_name", true, 100).value_or("");
            d.family_name = c.string("family_name", true, 100).value_or("");
            d.date_of_birth = c.string("date_of_birth", true, 10).value_or("");
            d.uln = c.string("uln", true, 10).value_or("");
            d.extra_time_percent = static_cast<int>(c.integer("extra_time_percent", false, 0, 100).value_or(0));
            if (auto e = c.finish()) return respond(error_response(*e));
            drafts.push_back(std::move(d));
        }
    }
    ctx.registry.add_candidates(
        p, centre, std::move(drafts),
        [respond, csv, lines](domain::Result<std::vector<domain::Candidate>> r, std::vector<RowProblem> problems) {
            if (!problems.empty()) {
                if (csv) {
                    for (auto& problem : problems) problem.row = lines.at(problem.row);
                    return respond(rows_rejected(problems, "line"));
                }
                return respond(rows_rejected(problems, "index"));
            }
            if (!r) return respond(error_response(r.error()));
            respond(json_reply(201, json::object{{"candidates", to_array(r.value())}}));
        });
}

}  // namespace

void add_centre_routes(Router& router, ApiContext& ctx) {
    router.add("POST", "/api/v1/centres", [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        with_principal(ctx, req, respond, [&](const domain::Principal& p) {
            auto body = parse_json_body(req);
            if (!body) return respond(error_response(body.error()));
            JsonObjectReader r(body->as_object(), "");
            auto number = r.string("number", true, 16);
            auto name = r.string("name", true, 100);
            if (auto e = r.finish()) return respond(error_response(*e));
            ctx.registry.create_centre(p, *number, *name, reply_with<domain::Centre>(respond, 201, centre_json));
        });
    });
    router.add("GET", "/api/v1/centres", [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        with_principal(ctx, req, respond, [&](const domain::Principal& p) {
            auto list = ctx.registry.centres(p);
            if (!list) return respond(error_response(list.error()));
            json::array a;
            for (const auto& c : list.value()) a.push_back(centre_json(c));
            respond(json_reply(200, json::object{{"centres", std::move(a)}}));
        });
    });
    router.add("POST", "/api/v1/staff", [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        with_principal(ctx, req, respond, [&](const domain::Principal& p) {
            auto body = parse_json_body(req);
            if (!body) return respond(error_response(body.error()));
            JsonObjectReader r(body->as_object(), "");
            services::NewStaffUser u;
            u.username = r.string("username", true, 64).value_or("");
            u.display_name = r.string("display_name", true, 100).value_or("");
            auto role = r.string("role", true, 20);
            auto centre = r.integer("centre", false, 1, INT64_MAX);
            u.password = r.string("password", true, 1024).value_or("");
            if (auto e = r.finish()) return respond(error_response(*e));
            auto parsed_role = domain::parse_role(*role);
            if (!parsed_role) {
                return respond(error_response(domain::invalid("/role", "expected ao_admin, centre_admin or invigilator")));
            }
            u.role = *parsed_role;
            if (centre) u.centre_id = *centre;
            ctx.identity.create_user(p, std::move(u), reply_with<domain::StaffUser>(respond, 201, staff_json));
        });
    });
    router.add("GET", "/api/v1/centres/{centre}/staff",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto centre = id_param(params, "centre", respond);
                       if (!centre) return;
                       auto list = ctx.registry.staff(p, *centre);
                       if (!list) return respond(error_response(list.error()));
                       json::array a;
                       for (const auto& u : list.value()) a.push_back(staff_json(u));
                       respond(json_reply(200, json::object{{"staff", std::move(a)}}));
                   });
               });
    router.add("POST", "/api/v1/centres/{centre}/candidates",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto centre = id_param(params, "centre", respond);
                       if (!centre) return;
                       add_candidates(ctx, req, *centre, p, respond);
                   });
               });
    router.add("GET", "/api/v1/centres/{centre}/candidates",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto centre = id_param(params, "centre", respond);
                       if (!centre) return;
                       auto list = ctx.registry.candidates(p, *centre);
                       if (!list) return respond(error_response(list.error()));
                       respond(json_reply(200, json::object{{"candidates", to_array(list.value())}}));
                   });
               });
    router.add("PATCH", "/api/v1/candidates/{candidate}",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto id = id_param(params, "candidate", respond);
                       if (!id) return;
                       auto body = parse_json_body(req);
                       if (!body) return respond(error_response(body.error()));
                       JsonObjectReader r(body->as_object(), "");
                       services::CandidateChanges ch;
                       ch.given_name = r.string("given_name", false, 100);
                       ch.family_name = r.string("family_name", false, 100);
                       ch.date_of_birth = r.string("date_of_birth", false, 10);
                       ch.uln = r.string("uln", false, 10);
                       if (auto extra = r.integer("extra_time_percent", false, 0, 100)) ch.extra_time_percent = static_cast<int>(*extra);
                       ch.reason = r.string("reason", true, 500).value_or("");
                       if (auto e = r.finish()) return respond(error_response(*e));
                       ctx.registry.update_candidate(p, *id, std::move(ch),
                                                     reply_with<domain::Candidate>(respond, 200, candidate_json));
                   });
               });
    router.add("GET", "/api/v1/candidates/{candidate}",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto id = id_param(params, "candidate", respond);
                       if (!id) return;
                       auto c = ctx.registry.candidate(p, *id);
                       if (!c) return respond(error_response(c.error()));
                       auto regs = ctx.registry.registrations(p, *id);
                       json::object o = candidate_json(c.value()).as_object();
                       json::array q;
                       for (const auto& r : regs.value()) q.push_back(json::value(r));
                       o["registrations"] = std::move(q);
                       respond(json_reply(200, o));
                   });
               });
    router.add("POST", "/api/v1/candidates/{candidate}/registrations",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto id = id_param(params, "candidate", respond);
                       if (!id) return;
                       auto body = parse_json_body(req);
                       if (!body) return respond(error_response(body.error()));
                       JsonObjectReader r(body->as_object(), "");
                       auto qualification = r.string("qualification", true, 32);
                       if (auto e = r.finish()) return respond(error_response(*e));
                       ctx.registry.register_on(p, *id, *qualification,
                                                reply_with<domain::Done>(respond, 201, [q = *qualification](const domain::Done&) {
                                                    return json::object{{"qualification", q}};
                                                }));
                   });
               });
}

}  // namespace exam::api
