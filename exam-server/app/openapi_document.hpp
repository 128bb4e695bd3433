#pragma once
// docs/openapi.json, compiled into the server so it serves the document that
// describes the build it is part of.

#include <string>

namespace exam::app {
std::string openapi_document();
}
