#pragma once
// Turning a service's completion into the HTTP reply: the error as JSON, or the
// value shaped by a view function.

#include <boost/json/value.hpp>

#include <utility>

#include "api/api_context.hpp"
#include "api/json_reply.hpp"
#include "domain/result.hpp"

namespace exam::api {

template <class T, class View>
domain::Completion<T> reply_with(net::Responder respond, int status, View view) {
    return [respond = std::move(respond), status, view = std::move(view)](domain::Result<T> r) {
        if (!r) return respond(error_response(r.error()));
        respond(json_reply(status, view(r.value())));
    };
}

// Runs `body` with the authenticated principal, or answers 401.
template <class Body>
void with_principal(ApiContext& ctx, const net::HttpRequest& request, const net::Responder& respond, Body body) {
    auto p = authenticate(ctx, request);
    if (!p) return respond(error_response(p.error()));
    body(p.value());
}

}  // namespace exam::api
