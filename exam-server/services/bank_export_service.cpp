#include "services/bank_export_service.hpp"

#include "item_interchange/unit_export.hpp"
#include "services/access_rules.hpp"
#include "services/bank_import_service.hpp"

namespace exam::services {

void BankExportService::run(const domain::Principal& actor, ExportRequest request, bool download,
                            domain::Completion<item_interchange::ExportResult> done) {
    if (auto e = require_role(actor, {domain::Role::ao_admin})) return done(*e);
    if (bank_->unit(request.unit) == nullptr) {
        return done(domain::Error{400, "invalid_parameter", "the bank has no unit " + request.unit, "unit"});
    }
    const bool posted = worker_.try_post([this, actor_name = "staff:" + actor.username, request = std::move(request),
                                          download, done] {
        using Failure = item_interchange::UnitExport::Failure;
        auto exported = item_interchange::export_unit(*bank_, request.unit, request.form, request.format);
        if (exported.failure == Failure::unknown_form) {
            return done(domain::Error{400, "invalid_parameter", exported.error, "form"});
        }
        if (exported.failure != Failure::none) {
            return done(domain::Error{500, "internal_error", exported.error, {}});
        }
        if (!download) return done(std::move(exported.result));
        const std::string details =
            R"({"unit":)" + storage::quoted_json(request.unit) + R"(,"format":")" +
            std::string(item_interchange::to_string(request.format)) + R"(","form":)" +
            (request.form.empty() ? std::string("null") : storage::quoted_json(request.form)) + R"(,"items":)" +
            std::to_string(exported.result.items) + R"(,"bytes":)" + std::to_string(exported.result.bytes.size()) +
            R"(,"warnings":)" + std::to_string(exported.result.warnings.size()) + "}";
        store_.record_export({clock_.now_ms(), actor_name, "bank.export", "unit:" + request.unit, details},
                             [result = std::move(exported.result), done](domain::Result<domain::Done> r) mutable {
                                 if (!r) return done(r.error());
                                 done(std::move(result));
                             });
    });
    if (!posted) done(interchange_busy());
}

}  // namespace exam::services
