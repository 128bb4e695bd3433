// The audit trail: verifying its chain and anchor, and listing its entries.
#include <boost/json.hpp>

#include <limits>

#include "api/json_reply.hpp"
#include "api/query_params.hpp"
#include "api/reply_with.hpp"
#include "services/audit_service.hpp"

namespace exam::api {
namespace json = boost::json;

namespace {

json::value entry_json(const storage::AuditEntry& e) {
    // Details are JSON written by the server; anything else is shown as text, not dropped.
    json::error_code ec;
    auto details = json::parse(e.details, ec);
    if (ec) details = json::value(e.details);
    return json::object{{"id", e.id},         {"at", domain::format_utc(e.at)}, {"actor", e.actor},
                        {"action", e.action}, {"subject", e.subject},           {"details", std::move(details)}};
}

json::value verification_json(const storage::AuditVerification& v) {
    return json::object{{"ok", v.ok},
                        {"entries", v.entries},
                        {"first_broken_entry", v.first_broken_entry ? json::value(*v.first_broken_entry) : json::value(nullptr)},
                        {"message", v.message}};
}

}  // namespace

void add_audit_routes(Router& router, ApiContext& ctx) {
    router.add("GET", "/api/v1/audit/verify",
               [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       QueryReader q(req);
                       if (auto e = q.finish()) return respond(error_response(*e));
                       ctx.audit.verify(p, reply_with<storage::AuditVerification>(respond, 200, verification_json));
                   });
               });
    router.add("GET", "/api/v1/audit", [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        with_principal(ctx, req, respond, [&](const domain::Principal& p) {
            QueryReader q(req);
            services::AuditFilter f;
            f.centre = q.id("centre");
            f.from = q.time("from", false);
            f.to = q.time("to", true);
            f.after = q.integer("after", 0, std::numeric_limits<std::int64_t>::max()).value_or(0);
            f.limit = static_cast<int>(q.integer("limit", 1, 1000).value_or(200));
            if (auto e = q.finish()) return respond(error_response(*e));
            if (f.from && f.to && *f.to <= *f.from) return respond(error_response(bad_parameter("to", "must be later than from")));
            auto list = ctx.audit.entries(p, f);
            if (!list) return respond(error_response(list.error()));
            json::array a;
            for (const auto& e : list.value()) a.push_back(entry_json(e));
            // A full page may have more after it.
            const bool full = static_cast<int>(list->size()) == f.limit;
            respond(json_reply(200, json::object{{"entries", std::move(a)},
                                                 {"next_after", full ? json::value(list->back().id) : json::value(nullptr)}}));
        });
    });
}

}  // namespace exam::api
