#include "storage/sqlite/audit_anchor.hpp"

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

#include "security/atomic_file.hpp"

namespace exam::storage::sqlite {

AuditHead read_audit_head(Connection& db) {
    auto last = db.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
    if (last.step() != Step::row) return {};
    return {last.column_int64(0), last.column_text(1)};
}

std::optional<PendingAudit>& pending_audit() {
    thread_local std::optional<PendingAudit> pending;
    return pending;
}

std::optional<AuditHead> read_audit_anchor(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    boost::json::error_code ec;
    const auto v = boost::json::parse(text.str(), ec);
    if (ec || !v.is_object()) return std::nullopt;
    const auto& o = v.as_object();
    const auto* entries = o.if_contains("entries");
    const auto* hash = o.if_contains("head_hash");
    if (!entries || !entries->is_int64() || !hash || !hash->is_string()) return std::nullopt;
    return AuditHead{entries->as_int64(), std::string(hash->as_string())};
}

void write_audit_anchor(const std::filesystem::path& file, const AuditHead& head) {
    const auto text = boost::json::serialize(boost::json::object{{"entries", head.entries}, {"head_hash", head.hash}});
    security::write_file_atomically(file, text + "\n", 0600);
}

}  // namespace exam::storage::sqlite
