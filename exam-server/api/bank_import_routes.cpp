// Importing items into the bank over the API (issue 11 section 4): an AO
// admin uploads an item file or package (GIFT, Moodle XML, a QTI item file or
// content package) and gets the report exam-admin import --json prints; the
// import waits, stored, until they confirm it into the bank folder as drafts.
// docs/bank-api.md describes the flow.
#include <boost/json.hpp>

#include <array>

#include "api/json_reply.hpp"
#include "api/query_params.hpp"
#include "api/reply_with.hpp"
#include "api/route_params.hpp"
#include "services/access_rules.hpp"
#include "services/bank_import_service.hpp"

namespace exam::api {
namespace json = boost::json;

namespace {

// What an upload may be sent as: the format itself is told from the content.
constexpr std::array<std::string_view, 4> upload_types = {"application/zip", "application/xml", "text/xml",
                                                          "text/plain"};

bool accepted_type(std::string_view content_type) {
    auto type = content_type.substr(0, content_type.find(';'));
    while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
    for (auto t : upload_types) {
        if (type == t) return true;
    }
    return false;
}

// The name the report gives the file: its last path component, printable characters only.
std::optional<std::string> file_name(QueryReader& q) {
    auto given = q.text("filename", 200);
    if (!given) return std::string("upload");
    for (unsigned char c : *given) {
        if (c < 0x20 || c == 0x7f) {
            q.fail(bad_parameter("filename", "a file name without control characters"));
            return std::nullopt;
        }
    }
    const auto slash = given->find_last_of("/\\");
    std::string name = slash == std::string::npos ? *given : given->substr(slash + 1);
    if (name.empty()) {
        q.fail(bad_parameter("filename", "a file name, not a folder"));
        return std::nullopt;
    }
    return name;
}

json::value parsed(const std::string& text) {
    boost::system::error_code ec;
    auto v = json::parse(text, ec);
    return ec ? json::value(nullptr) : v;
}

json::value import_json(const storage::BankImport& b) {
    json::object o{{"id", b.id},
                   {"unit", b.unit},
                   {"file", b.file_name},
                   {"format", b.format},
                   {"status", b.confirmed_at ? "confirmed" : "pending"},
                   {"items", b.item_count},
                   {"skipped", b.skipped_count},
                   {"uploaded_by", b.uploaded_by},
                   {"uploaded_at", domain::format_utc(b.uploaded_at)}};
    if (b.confirmed_at) {
        o["confirmed_by"] = b.confirmed_by;
        o["confirmed_at"] = domain::format_utc(*b.confirmed_at);
        o["bank_file"] = b.bank_file.empty() ? json::value(nullptr) : json::value(b.bank_file);
    }
    o["report"] = parsed(b.report);
    return o;
}

json::value confirmation_json(const services::Confirmation& c) {
    const auto& a = c.written.addition;
    json::array renamed, already;
    for (const auto& r : a.renamed) renamed.push_back(json::object{{"from", r.from}, {"to", r.to}});
    for (const auto& x : a.already_in_bank) already.push_back(json::object{{"source_id", x.source_id}, {"item_id", x.item_id}});
    return json::object{{"import", import_json(c.import)},
                        {"bank_file", c.written.file.empty() ? json::value(nullptr) : json::value(c.written.file)},
                        {"written", a.items},
                        {"renamed", std::move(renamed)},
                        {"already_in_bank", std::move(already)},
                        {"loaded", "at the server's next start: until then the coverage view and exports show the bank "
                                   "as it was loaded"}};
}

}  // namespace

void add_bank_import_routes(Router& router, ApiContext& ctx) {
    router.add(
        "POST", "/api/v1/bank/imports",
        [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
            with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                if (auto e = services::require_role(p, {domain::Role::ao_admin})) return respond(error_response(*e));
                QueryReader q(req);
                auto unit = q.text("unit", 32);
                auto name = file_name(q);
                if (auto e = q.finish()) return respond(error_response(*e));
                if (!unit) return respond(error_response(bad_parameter("unit", "the unit the file's items belong to")));
                if (req.body.empty()) {
                    return respond(error_reply(400, "empty_body", "the body is the file to import, and it is empty"));
                }
                if (!accepted_type(req.header("content-type"))) {
                    return respond(error_reply(415, "unsupported_media_type",
                                               "send the file as application/zip (a QTI package), application/xml or "
                                               "text/xml (QTI or Moodle XML), or text/plain (GIFT)"));
                }
                ctx.bank_imports.upload(
                    p, {*unit, *name, req.body}, [respond](domain::Result<services::UploadOutcome> r) {
                        if (!r) return respond(error_response(r.error()));
                        if (r->rejected) {
                            return respond(json_reply(
                                422, json::object{{"error", json::object{{"code", "import_rejected"}, {"message", r->error}}},
                                                  {"report", parsed(r->report)}}));
                        }
                        respond(json_reply(201, json::object{{"import", r->stored.id}, {"report", parsed(r->report)}}));
                    });
            });
        },
        net::BodySize::upload);
    router.add("GET", "/api/v1/bank/imports", [&ctx](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        with_principal(ctx, req, respond, [&](const domain::Principal& p) {
            auto list = ctx.bank_imports.list_imports(p);
            if (!list) return respond(error_response(list.error()));
            json::array a;
            for (const auto& b : list.value()) a.push_back(import_json(b));
            respond(json_reply(200, json::object{{"imports", std::move(a)}}));
        });
    });
    router.add("GET", "/api/v1/bank/imports/{import}",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       if (auto e = services::require_role(p, {domain::Role::ao_admin})) return respond(error_response(*e));
                       auto id = id_param(params, "import", respond);
                       if (!id) return;
                       auto b = ctx.bank_imports.find_import(p, *id);
                       if (!b) return respond(error_response(b.error()));
                       respond(json_reply(200, import_json(b.value())));
                   });
               });
    router.add("POST", "/api/v1/bank/imports/{import}/confirm",
               [&ctx](const net::HttpRequest& req, const RouteParams& params, net::Responder respond) {
                   with_principal(ctx, req, respond, [&](const domain::Principal& p) {
                       if (auto e = services::require_role(p, {domain::Role::ao_admin})) return respond(error_response(*e));
                       auto id = id_param(params, "import", respond);
                       if (!id) return;
                       ctx.bank_imports.confirm(p, *id,
                                                reply_with<services::Confirmation>(respond, 200, confirmation_json));
                   });
               });
}

}  // namespace exam::api
