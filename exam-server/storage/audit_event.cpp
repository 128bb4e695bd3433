#include "storage/audit_event.hpp"

#include <boost/json.hpp>

#include "security/sha256.hpp"

namespace exam::storage {

std::string quoted_json(std::string_view text) { return boost::json::serialize(boost::json::string(text)); }

std::string audit_chain_hash(const std::string& prev, const AuditEvent& e) {
    std::string material;
    for (const std::string& field :
         {prev, std::to_string(e.at), e.actor, e.action, e.subject, e.details}) {
        material += std::to_string(field.size());
        material += ':';
        material += field;
    }
    return security::sha256_hex(material);
}

}  // namespace exam::storage
