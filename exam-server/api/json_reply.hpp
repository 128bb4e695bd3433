#pragma once
// Shaping JSON replies, above all errors: every 4xx names what was wrong and,
// where one field was at fault, that field as a JSON Pointer.

#include <boost/json/value.hpp>

#include <string>
#include <string_view>

#include "net/http_types.hpp"

namespace exam::api {

net::HttpResponse json_reply(int status, const boost::json::value& body);
// {"error": {"code": ..., "message": ..., "field": ...}}; `field` omitted when empty.
net::HttpResponse error_reply(int status, std::string_view code, std::string_view message, std::string_view field = {});

}  // namespace exam::api
