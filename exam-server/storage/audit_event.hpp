#pragma once
// One entry of the append-only audit log. Stores write it in the same
// transaction as the change it records, so neither exists without the other.

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/clock.hpp"

namespace exam::storage {

struct AuditEvent {
    domain::Millis at = 0;
    std::string actor;    // "staff:alice", "candidate:12", "system"
    std::string action;   // "login", "session.open", "attempt.start", ...
    std::string subject;  // "attempt:42", "session:7"
    std::string details;  // JSON object text, may be "{}"
};

// The hash an entry carries: SHA-256 over the previous entry's hash ("genesis"
// for the first) and the entry's fields, each length-prefixed so no two
// different entries serialise alike. The same on every engine.
std::string audit_chain_hash(const std::string& prev, const AuditEvent& event);

// What walking the chain from its first entry found.
struct AuditChainCheck {
    std::int64_t first_broken = 0;  // the id of the first row that does not follow from the one before; 0 if none
    std::int64_t rows = 0;
    std::int64_t last_id = 0;
    std::string last_hash = "genesis";
};

// `text` as a quoted JSON string, for free text (reasons, evidence) in `details`.
std::string quoted_json(std::string_view text);

}  // namespace exam::storage
