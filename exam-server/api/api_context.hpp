#pragma once
// What the route handlers reach: the services and a few server facts. Handlers
// never see storage or SQL (DESIGN, "a suggested shape").

#include <functional>
#include <optional>
#include <string>

#include "api/router.hpp"
#include "domain/people.hpp"
#include "domain/result.hpp"

namespace exam::app {
class Metrics;
}
namespace exam::services {
class IdentityService;
class CandidateRegistry;
class SessionService;
class AttemptService;
class CreditLedger;
class InvigilationService;
class LiveFeed;
class CertificationService;
class ResultsService;
class AuditService;
class BankImportService;
class BankExportService;
}  // namespace exam::services

namespace exam::api {

struct ApiContext {
    services::IdentityService& identity;
    services::CandidateRegistry& registry;
    services::SessionService& sessions;
    services::AttemptService& attempts;
    services::CreditLedger& ledger;
    services::InvigilationService& invigilation;
    services::LiveFeed& feed;
    services::CertificationService& certification;
    services::ResultsService& results;
    services::AuditService& audit;
    services::BankImportService& bank_imports;
    services::BankExportService& bank_exports;
    app::Metrics& metrics;
    std::function<std::string()> openapi_document;
};

// The bearer token of a request, if it sent one.
std::optional<std::string> bearer_token(const net::HttpRequest& request);
// The principal of the request, or the 401 to send.
domain::Result<domain::Principal> authenticate(ApiContext& ctx, const net::HttpRequest& request);

// Replies with the error of a failed Result.
net::HttpResponse error_response(const domain::Error& e);

void add_system_routes(Router& router, ApiContext& ctx);
void add_auth_routes(Router& router, ApiContext& ctx);
void add_centre_routes(Router& router, ApiContext& ctx);
void add_session_routes(Router& router, ApiContext& ctx);
void add_candidate_routes(Router& router, ApiContext& ctx);
void add_ledger_routes(Router& router, ApiContext& ctx);
void add_invigilation_routes(Router& router, ApiContext& ctx);
void add_bank_routes(Router& router, ApiContext& ctx);
void add_bank_import_routes(Router& router, ApiContext& ctx);
void add_bank_export_routes(Router& router, ApiContext& ctx);
void add_certificate_routes(Router& router, ApiContext& ctx);
void add_result_routes(Router& router, ApiContext& ctx);
void add_audit_routes(Router& router, ApiContext& ctx);

}  // namespace exam::api
