// A unit's items as a download for another system (issue 11 section 4): a
// QTI 3.0 or 2.1 content package or Moodle XML, the bytes exam-admin export
// writes from the same bank. What the target cannot hold is listed by the
// sibling report endpoint (the download carries only the count, in
// X-Export-Warnings: a header has no room for a list). docs/bank-api.md.
#include <boost/json.hpp>

#include <cctype>

#include "api/json_reply.hpp"
#include "api/query_params.hpp"
#include "api/reply_with.hpp"
#include "services/access_rules.hpp"
#include "services/bank_export_service.hpp"

namespace exam::api {
namespace json = boost::json;

namespace {

// The request's unit, format and form, or the 400 naming the parameter (after the role: a caller
// who may not export learns nothing about what the bank holds).
std::optional<services::ExportRequest> export_request(const net::HttpRequest& req, const net::Responder& respond) {
    QueryReader q(req);
    auto unit = q.text("unit", 32);
    auto format = q.text("format", 16);
    auto form = q.text("form", 64);
    if (auto e = q.finish()) {
        respond(error_response(*e));
        return std::nullopt;
    }
    if (!unit) {
        respond(error_response(bad_parameter("unit", "the unit to export")));
        return std::nullopt;
    }
    const auto parsed = format ? item_interchange::export_format_named(*format) : std::nullopt;
    if (!parsed) {
        respond(error_response(bad_parameter("format", "expected qti30, qti21 or moodle-xml")));
        return std::nullopt;
    }
    return services::ExportRequest{*unit, *parsed, form.value_or("")};
}

// "a-602-1359-qti30.zip", "a-602-1359-form-A-moodle-xml.xml": letters, digits and '-' only.
std::string download_name(const services::ExportRequest& r) {
    std::string stem = r.unit + (r.form.empty() ? "" : "-form-" + r.form) + "-" +
                       std::string(item_interchange::to_string(r.format));
    for (auto& c : stem) {
        const auto u = static_cast<unsigned char>(c);
        c = std::isalnum(u) ? static_cast<char>(std::tolower(u)) : '-';
    }
    return stem + (r.format == item_interchange::ExportFormat::moodle_xml ? ".xml" : ".zip");
}

json::value report_json(const services::ExportRequest& r, const item_interchange::ExportResult& result) {
    json::array warnings;
    for (const auto& w : result.warnings) warnings.push_back(json::object{{"item", w.item}, {"message", w.message}});
    return json::object{{"unit", r.unit},
                        {"format", item_interchange::to_string(r.format)},
                        {"form", r.form.empty() ? json::value(nullptr) : json::value(r.form)},
                        {"file", download_name(r)},
                        {"bytes", result.bytes.size()},
                        {"items", result.items},
                        {"tests", result.tests},
                        {"warnings", std::move(warnings)}};
}

}  // namespace

void add_bank_export_routes(Router& router, ApiContext& ctx) {
    router.add("GET", "/api/v1/bank/export", [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        with_principal(ctx, req, respond, [&](const domain::Principal& p) {
            if (auto e = services::require_role(p, {domain::Role::ao_admin})) return respond(error_response(*e));
            auto request = export_request(req, respond);
            if (!request) return;
            ctx.bank_exports.run(p, *request, true,
                                 [respond, request = *request](domain::Result<item_interchange::ExportResult> r) {
                                     if (!r) return respond(error_response(r.error()));
                                     net::HttpResponse reply;
                                     reply.content_type = request.format == item_interchange::ExportFormat::moodle_xml
                                                              ? "application/xml"
                                                              : "application/zip";
                                     reply.body = std::move(r->bytes);
                                     reply.headers.emplace_back("Content-Disposition",
                                                                "attachment; filename=\"" + download_name(request) + "\"");
                                     reply.headers.emplace_back("X-Export-Items", std::to_string(r->items));
                                     reply.headers.emplace_back("X-Export-Warnings", std::to_string(r->warnings.size()));
                                     respond(std::move(reply));
                                 });
        });
    });
    router.add("GET", "/api/v1/bank/export/report",
               [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       if (auto e = services::require_role(p, {domain::Role::ao_admin})) {
                           return respond(error_response(*e));
                       }
                       auto request = export_request(req, respond);
                       if (!request) return;
                       ctx.bank_exports.run(p, *request, false,
                                            [respond, request = *request](domain::Result<item_interchange::ExportResult> r) {
                                                if (!r) return respond(error_response(r.error()));
                                                respond(json_reply(200, report_json(request, r.value())));
                                            });
                   });
               });
}

}  // namespace exam::api
