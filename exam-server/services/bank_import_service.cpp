#include "services/bank_import_service.hpp"

#include <future>

#include "item_interchange/import_file.hpp"
#include "item_interchange/items_file.hpp"
#include "services/access_rules.hpp"

namespace exam::services {

using domain::Role;

namespace {

constexpr int listed_imports = 100;

std::string upload_details(const storage::BankImport& b) {
    return R"({"file":)" + storage::quoted_json(b.file_name) + R"(,"unit":)" + storage::quoted_json(b.unit) +
           R"(,"format":)" + storage::quoted_json(b.format) + R"(,"items":)" + std::to_string(b.item_count) +
           R"(,"skipped":)" + std::to_string(b.skipped_count) + "}";
}

std::string confirm_details(const storage::BankImport& b, const WrittenItems& w) {
    return R"({"file":)" + storage::quoted_json(b.file_name) + R"(,"unit":)" + storage::quoted_json(b.unit) +
           R"(,"bank_file":)" + storage::quoted_json(w.file) + R"(,"items":)" + std::to_string(w.addition.items) +
           R"(,"renamed":)" + std::to_string(w.addition.renamed.size()) + R"(,"already_in_bank":)" +
           std::to_string(w.addition.already_in_bank.size()) + "}";
}

}  // namespace

domain::Error interchange_busy() {
    return domain::Error{503, "busy", "the server is reading or writing other item files; try again in a moment", {}};
}

// GCC 12 at -O2 believes the Error a failed Result<BankImport> holds may be
// uninitialised when it is copied out below (a known false positive of
// std::variant with a large alternative); the variant's index says otherwise.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
void BankImportService::upload(const domain::Principal& actor, ImportUpload upload,
                               domain::Completion<UploadOutcome> done) {
    if (auto e = require_role(actor, {Role::ao_admin})) return done(*e);
    const item_bank::Unit* unit = bank_->unit(upload.unit);
    if (unit == nullptr) {
        return done(domain::Error{400, "invalid_parameter", "the bank has no unit " + upload.unit, "unit"});
    }
    const bool posted = worker_.try_post([this, actor_name = "staff:" + actor.username, upload = std::move(upload), unit,
                                          done]() {
        item_interchange::ImportOptions options;
        options.unit = upload.unit;
        options.unit_spec = unit;
        const auto report = item_interchange::import_file(upload.content, upload.file_name, options);
        UploadOutcome out;
        out.report = item_interchange::import_report_json({report});
        if (report.rejected) {
            out.rejected = true;
            out.error = report.error;
            return done(std::move(out));
        }
        std::vector<item_bank::Item> items;
        for (const auto& i : report.imported) items.push_back(i.item);
        storage::BankImport b;
        b.unit = upload.unit;
        b.file_name = upload.file_name;
        b.format = report.format;
        b.report = out.report;
        b.items = item_interchange::items_file_json(upload.unit, items);
        b.media = report.media;
        b.item_count = static_cast<std::int64_t>(items.size());
        b.skipped_count = static_cast<std::int64_t>(report.skipped.size());
        b.uploaded_by = actor_name;
        b.uploaded_at = clock_.now_ms();
        const std::string details = upload_details(b);
        store_.add_import(std::move(b), {clock_.now_ms(), actor_name, "bank.import.upload", "", details},
                          [out = std::move(out), done](domain::Result<storage::BankImport> r) mutable {
                              if (!r) return done(r.error());
                              out.stored = std::move(r).value();
                              out.stored.items.clear();  // the caller has the report; the items and pictures stay stored
                              out.stored.media.clear();
                              done(std::move(out));
                          });
    });
    if (!posted) done(interchange_busy());
}
#pragma GCC diagnostic pop

domain::Result<std::vector<storage::BankImport>> BankImportService::list_imports(const domain::Principal& actor) {
    if (auto e = require_role(actor, {Role::ao_admin})) return *e;
    return store_.bank_imports(listed_imports);
}

domain::Result<storage::BankImport> BankImportService::find_import(const domain::Principal& actor, domain::Id id) {
    if (auto e = require_role(actor, {Role::ao_admin})) return *e;
    auto b = store_.bank_import(id);
    if (!b) return domain::not_found("no such import");
    b->items.clear();
    b->media.clear();
    return std::move(*b);
}

void BankImportService::confirm(const domain::Principal& actor, domain::Id id, domain::Completion<Confirmation> done) {
    if (auto e = require_role(actor, {Role::ao_admin})) return done(*e);
    const bool posted = worker_.try_post([this, actor, id, done] { confirm_now(actor, id, done); });
    if (!posted) done(interchange_busy());
}

// On the interchange thread: the folder is written and the confirmation
// committed before the next job starts, so the next one sees both.
void BankImportService::confirm_now(const domain::Principal& actor, domain::Id id,
                                    const domain::Completion<Confirmation>& done) {
    auto b = store_.bank_import(id);
    if (!b) return done(domain::not_found("no such import"));
    if (b->confirmed_at) {
        return done(domain::conflict("this import was confirmed on " + domain::format_utc(*b->confirmed_at) + " by " +
                                     b->confirmed_by));
    }
    if (b->item_count == 0) return done(domain::conflict("this import holds no items to write"));
    auto written = folder_.add_items(b->items, b->unit, id, b->media);
    if (!written) return done(written.error());

    const domain::Millis now = clock_.now_ms();
    const std::string actor_name = "staff:" + actor.username;
    std::promise<domain::Result<domain::Done>> committed;
    auto result = committed.get_future();
    store_.confirm_import(id, actor_name, now, written->file,
                          {now, actor_name, "bank.import.confirm", "bank_import:" + std::to_string(id),
                           confirm_details(*b, written.value())},
                          [&committed](domain::Result<domain::Done> r) { committed.set_value(std::move(r)); });
    auto recorded = result.get();
    if (!recorded) {
        // Another server confirmed it meanwhile, or the database failed: the file goes, as if never written.
        folder_.remove(written.value());
        return done(recorded.error());
    }
    b->items.clear();
    b->media.clear();
    b->confirmed_at = now;
    b->confirmed_by = actor_name;
    b->bank_file = written->file;
    done(Confirmation{std::move(*b), std::move(written).value()});
}

}  // namespace exam::services
