// Certificates: claims (full, or unit), the candidate's certificates, the
// signed file as a download, replacement with a reason, and the public side:
// the awarding public key and a verifier anyone may call.
#include <boost/json.hpp>

#include "api/json_body.hpp"
#include "api/reply_with.hpp"
#include "api/route_params.hpp"
#include "services/certification_service.hpp"

namespace exam::api {
namespace json = boost::json;

namespace {

json::array strings(const std::vector<std::string>& list) {
    json::array a;
    for (const auto& s : list) a.push_back(json::value(s));
    return a;
}

json::value optional_text(const std::optional<std::string>& s) { return s ? json::value(*s) : json::value(nullptr); }

json::object summary_json(const domain::CertificateRecord& r) {
    json::object o{{"number", r.number},
                   {"kind", domain::to_string(r.kind)},
                   {"candidate", r.candidate_id},
                   {"qualification", r.qualification_id},
                   {"status", domain::to_string(r.status)},
                   {"issued_at", domain::format_utc(r.issued_at)},
                   {"issued_by", r.issued_by},
                   {"replacement", r.replaces.has_value()},
                   {"replaces", optional_text(r.replaces)},
                   {"download", "/api/v1/certificates/" + r.number}};
    if (r.status == domain::CertificateStatus::replaced) {
        o["replaced_by"] = optional_text(r.replaced_by);
        o["replace_reason"] = r.replace_reason;
    }
    return o;
}

// The summary and what the certificate says, as signed.
json::value issued_json(const domain::CertificateRecord& r) {
    auto o = summary_json(r);
    o["certificate"] = json::parse(r.document).at("certificate");
    return o;
}

// The engine's explanation travels with the refusal, as it would on the progress page.
net::HttpResponse refusal(const services::ClaimAssessment& a) {
    std::string message = a.qualification->id + " " + a.qualification->title +
                          " is not achieved, so a full certificate cannot be claimed";
    for (std::size_t i = 0; i < a.outcome.missing.size(); ++i) message += (i == 0 ? ": " : "; ") + a.outcome.missing[i];
    return json_reply(422, json::object{{"error", json::object{{"code", "rules_not_met"},
                                                               {"message", message},
                                                               {"field", "/qualification"},
                                                               {"missing", strings(a.outcome.missing)},
                                                               {"credits", a.outcome.credits},
                                                               {"counted_units", strings(a.outcome.counted_units)}}}});
}

// Certificate numbers are letters, digits and dashes; anything else is no certificate.
std::optional<std::string> number_param(const RouteParams& params, const net::Responder& respond) {
    const auto n = params.get("number");
    const bool plausible = !n.empty() && n.size() <= 32 &&
                           n.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == std::string_view::npos;
    if (!plausible) {
        respond(error_response(domain::not_found("no such certificate")));
        return std::nullopt;
    }
    return std::string(n);
}

}  // namespace

void add_certificate_routes(Router& router, ApiContext& ctx) {
    router.add("POST", "/api/v1/candidates/{candidate}/claims",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto id = id_param(params, "candidate", respond);
                       if (!id) return;
                       auto body = parse_json_body(req);
                       if (!body) return respond(error_response(body.error()));
                       JsonObjectReader r(body->as_object(), "");
                       auto kind = r.string("kind", true, 10);
                       services::Claim claim;
                       claim.qualification = r.string("qualification", true, 32).value_or("");
                       claim.units = r.string_array("units", false, 100, 32);
                       if (auto e = r.finish()) return respond(error_response(*e));
                       auto parsed = domain::parse_certificate_kind(*kind);
                       if (!parsed) return respond(error_response(domain::invalid("/kind", "expected full or unit")));
                       claim.kind = *parsed;
                       auto assessment = ctx.certification.assess(p, *id, claim);
                       if (!assessment) return respond(error_response(assessment.error()));
                       if (assessment->refused()) return respond(refusal(assessment.value()));
                       ctx.certification.issue(p, std::move(assessment).value(),
                                               reply_with<domain::CertificateRecord>(respond, 201, issued_json));
                   });
               });
    router.add("GET", "/api/v1/candidates/{candidate}/certificates",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto id = id_param(params, "candidate", respond);
                       if (!id) return;
                       auto list = ctx.certification.certificates_of(p, *id);
                       if (!list) return respond(error_response(list.error()));
                       json::array a;
                       for (const auto& c : list.value()) a.push_back(summary_json(c));
                       respond(json_reply(200, json::object{{"certificates", std::move(a)}}));
                   });
               });
    // Before {number}: the router takes the first pattern that matches.
    router.add("GET", "/api/v1/certificates/public-key",
               [&ctx](const net::HttpRequest&, const RouteParams&, net::Responder respond) {
                   net::HttpResponse r;
                   r.content_type = "application/x-pem-file";
                   r.body = ctx.certification.public_key_pem();
                   respond(std::move(r));
               });
    router.add("GET", "/api/v1/certificates/{number}",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto number = number_param(params, respond);
                       if (!number) return;
                       auto c = ctx.certification.certificate(p, *number);
                       if (!c) return respond(error_response(c.error()));
                       // The stored bytes, untouched: any re-encoding would break the signature check.
                       net::HttpResponse r;
                       r.content_type = "application/json";
                       r.body = c->document;
                       r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + c->number + ".json\"");
                       respond(std::move(r));
                   });
               });
    router.add("POST", "/api/v1/certificates/{number}/replace",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       auto number = number_param(params, respond);
                       if (!number) return;
                       auto body = parse_json_body(req);
                       if (!body) return respond(error_response(body.error()));
                       JsonObjectReader r(body->as_object(), "");
                       auto reason = r.string("reason", true, 500);
                       if (auto e = r.finish()) return respond(error_response(*e));
                       ctx.certification.replace(p, *number, *reason,
                                                 reply_with<domain::CertificateRecord>(respond, 201, issued_json));
                   });
               });
    router.add("POST", "/api/v1/certificates/verify",
               [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
                   const auto type = req.header("content-type");
                   if (type.substr(0, type.find(';')) != "application/json") {
                       return respond(error_reply(415, "unsupported_media_type",
                                                  "send the certificate file as application/json"));
                   }
                   const auto check = ctx.certification.verify(req.body);
                   if (!check.valid) {
                       return respond(json_reply(200, json::object{{"valid", false}, {"reason", check.reason}}));
                   }
                   const auto& c = *check.content;
                   json::object reply{{"valid", true},
                                      {"number", c.number},
                                      {"kind", domain::to_string(c.kind)},
                                      {"candidate", c.candidate_name},
                                      {"qualification", c.qualification_id},
                                      {"issued_at", c.issued_at},
                                      {"replacement", c.replaces.has_value()},
                                      {"replaces", optional_text(c.replaces)}};
                   // Signed, and also what the register says of it now: a replaced certificate still verifies.
                   if (auto entry = ctx.certification.register_entry(c.number)) {
                       json::object status{{"status", domain::to_string(entry->status)}};
                       if (entry->replaced_by) status["replaced_by"] = *entry->replaced_by;
                       reply["register"] = std::move(status);
                   } else {
                       reply["register"] = json::object{{"status", "unknown"}};
                   }
                   respond(json_reply(200, reply));
               });
}

}  // namespace exam::api
