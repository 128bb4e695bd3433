#include "storage/audit_event.hpp"

#include <boost/json.hpp>

namespace exam::storage {

std::string quoted_json(std::string_view text) { return boost::json::serialize(boost::json::string(text)); }

}  // namespace exam::storage
