#include "api/api_context.hpp"
#include "api/json_reply.hpp"
#include "services/identity_service.hpp"

namespace exam::api {

std::optional<std::string> bearer_token(const net::HttpRequest& request) {
    const auto header = request.header("authorization");
    constexpr std::string_view scheme = "Bearer ";
    if (header.size() <= scheme.size() || header.substr(0, scheme.size()) != scheme) return std::nullopt;
    return std::string(header.substr(scheme.size()));
}

domain::Result<domain::Principal> authenticate(ApiContext& ctx, const net::HttpRequest& request) {
    auto token = bearer_token(request);
    if (!token) return domain::Error{401, "unauthenticated", "log in first: send Authorization: Bearer <token>", {}};
    if (auto p = ctx.identity.authenticate(*token)) return *p;
    return domain::Error{401, "unauthenticated", "the token is not valid, has expired, or was revoked: log in again", {}};
}

net::HttpResponse error_response(const domain::Error& e) {
    auto r = error_reply(e.status, e.code, e.message, e.field);
    if (e.status == 401) r.headers.emplace_back("WWW-Authenticate", "Bearer");
    return r;
}

}  // namespace exam::api
