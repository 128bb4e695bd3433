// Results for centres, as JSON or as CSV (RFC 4180), filtered by date range,
// unit, session, candidate and qualification.
#include <boost/json.hpp>

#include <cstdio>

#include "api/csv_text.hpp"
#include "api/json_views.hpp"
#include "api/json_reply.hpp"
#include "api/query_params.hpp"
#include "api/reply_with.hpp"
#include "api/route_params.hpp"
#include "domain/score.hpp"
#include "services/results_service.hpp"

namespace exam::api {
namespace json = boost::json;

namespace {

json::array outcomes_json(const domain::AttemptResult& r) {
    json::array a;
    for (const auto& o : r.by_outcome) {
        a.push_back(json::object{{"learning_outcome", o.learning_outcome}, {"marks", score_json(o.marks)}, {"available", o.available}});
    }
    return a;
}

template <class T>
json::value or_null(const std::optional<T>& v) {
    return v ? json::value(*v) : json::value(nullptr);
}

json::value line_json(const domain::ResultLine& l) {
    json::object o{{"session", l.session_id},
                   {"date", domain::format_utc(l.session_starts_at)},
                   {"unit", l.unit_code},
                   {"candidate", l.candidate_id},
                   {"candidate_number", l.candidate_number},
                   {"given_name", l.given_name},
                   {"family_name", l.family_name},
                   {"uln", l.uln},
                   {"attempt", or_null(l.attempt_id)},
                   {"state", l.state},
                   {"submitted_by", or_null(l.submitted_by)},
                   {"submitted_at", l.submitted_at ? json::value(domain::format_utc(*l.submitted_at)) : json::value(nullptr)}};
    if (l.result) {
        const auto& r = *l.result;
        o["result"] = json::object{{"raw_score", score_json(r.raw_score)},
                                   {"available", r.available},
                                   {"percentage", r.percentage},
                                   {"pass_mark", r.pass_mark},
                                   {"outcome", r.passed ? "pass" : "fail"},
                                   {"status", r.released ? "released" : "provisional"},
                                   {"by_outcome", outcomes_json(r)}};
    } else {
        o["result"] = nullptr;
    }
    return o;
}

std::string percentage_text(double p) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", p);
    return buffer;
}

std::string results_csv(const std::vector<domain::ResultLine>& lines) {
    std::string out = csv_row({"session", "date", "unit", "candidate_number", "family_name", "given_name", "uln", "state",
                               "submitted_by", "submitted_at", "raw_score", "available", "percentage", "pass_mark",
                               "outcome", "status", "by_outcome"});
    for (const auto& l : lines) {
        std::vector<std::string> row{std::to_string(l.session_id), domain::format_utc(l.session_starts_at),
                                     l.unit_code,                  l.candidate_number,
                                     l.family_name,                l.given_name,
                                     l.uln,                        l.state,
                                     l.submitted_by.value_or(""),
                                     l.submitted_at ? domain::format_utc(*l.submitted_at) : ""};
        if (l.result) {
            const auto& r = *l.result;
            for (auto v : {domain::score_text(r.raw_score), std::to_string(r.available), percentage_text(r.percentage),
                           std::to_string(r.pass_mark), std::string(r.passed ? "pass" : "fail"),
                           std::string(r.released ? "released" : "provisional"), json::serialize(outcomes_json(r))}) {
                row.push_back(std::move(v));
            }
        } else {
            row.resize(row.size() + 7);
        }
        out += csv_row(row);
    }
    return out;
}

// format=csv|json wins; otherwise Accept naming text/csv asks for CSV.
std::optional<bool> wants_csv(const net::HttpRequest& req, const std::optional<std::string>& format,
                              const net::Responder& respond) {
    if (format) {
        if (*format == "csv") return true;
        if (*format == "json") return false;
        respond(error_response(bad_parameter("format", "expected csv or json")));
        return std::nullopt;
    }
    return req.header("accept").find("text/csv") != std::string_view::npos;
}

}  // namespace

void add_result_routes(Router& router, ApiContext& ctx) {
    router.add("GET", "/api/v1/centres/{centre}/results",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto centre = id_param(params, "centre", respond);
                       if (!centre) return;
                       QueryReader q(req);
                       services::ResultFilter f;
                       f.from = q.time("from", false);
                       f.to = q.time("to", true);
                       f.unit = q.text("unit", 32);
                       f.session = q.id("session");
                       f.candidate_number = q.text("candidate", 32);
                       f.qualification = q.text("qualification", 32);
                       auto format = q.text("format", 8);
                       if (auto e = q.finish()) return respond(error_response(*e));
                       if (f.from && f.to && *f.to <= *f.from) {
                           return respond(error_response(bad_parameter("to", "must be later than from")));
                       }
                       auto csv = wants_csv(req, format, respond);
                       if (!csv) return;
                       auto lines = ctx.results.results(p, *centre, f);
                       if (!lines) return respond(error_response(lines.error()));
                       if (!*csv) {
                           json::array a;
                           for (const auto& l : lines.value()) a.push_back(line_json(l));
                           return respond(json_reply(200, json::object{{"centre", *centre}, {"results", std::move(a)}}));
                       }
                       net::HttpResponse r;
                       r.content_type = "text/csv; charset=utf-8; header=present";
                       r.body = results_csv(lines.value());
                       r.headers.emplace_back("Content-Disposition",
                                              "attachment; filename=\"results-centre-" + std::to_string(*centre) + ".csv\"");
                       respond(std::move(r));
                   });
               });
}

}  // namespace exam::api
