#include "api/json_reply.hpp"

#include <boost/json.hpp>

namespace exam::api {
namespace json = boost::json;

net::HttpResponse json_reply(int status, const json::value& body) {
    net::HttpResponse r;
    r.status = status;
    r.content_type = "application/json";
    r.body = json::serialize(body);
    return r;
}

net::HttpResponse error_reply(int status, std::string_view code, std::string_view message, std::string_view field) {
    json::object error{{"code", code}, {"message", message}};
    if (!field.empty()) error["field"] = field;
    return json_reply(status, json::object{{"error", std::move(error)}});
}

}  // namespace exam::api
