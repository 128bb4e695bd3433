#include "storage/sql/sql_bank_import_store.hpp"

#include "storage/postgresql/pg_database.hpp"
#include "storage/sqlite/database.hpp"
#include "storage/sql/inserted_id.hpp"

#include <memory>
#include <span>

namespace exam::storage::sql {
namespace {

// The columns every read takes, items last so that lists can leave them out.
constexpr const char* summary_columns =
    "id, unit_code, file_name, format, report, item_count, skipped_count, uploaded_by, uploaded_at, confirmed_by, "
    "confirmed_at, bank_file";

BankImport read_import(const auto& s) {
    BankImport b;
    b.id = s.column_int64(0);
    b.unit = s.column_text(1);
    b.file_name = s.column_text(2);
    b.format = s.column_text(3);
    b.report = s.column_text(4);
    b.item_count = s.column_int64(5);
    b.skipped_count = s.column_int64(6);
    b.uploaded_by = s.column_text(7);
    b.uploaded_at = s.column_int64(8);
    b.confirmed_by = s.template column<std::optional<std::string>>(9).value_or("");
    b.confirmed_at = s.template column<std::optional<std::int64_t>>(10);
    b.bank_file = s.template column<std::optional<std::string>>(11).value_or("");
    return b;
}

}  // namespace

template <class Database>
void SqlBankImportStore<Database>::add_import(BankImport import, AuditEvent audit, domain::Completion<BankImport> done) {
    auto result = std::make_shared<BankImport>(std::move(import));
    db_.write(
        [result, audit = std::move(audit)](auto& c) {
            auto s = c.prepare(
                "INSERT INTO bank_imports (unit_code, file_name, format, report, items, item_count, skipped_count, "
                "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
            s.bind_all(result->unit, result->file_name, result->format, result->report, result->items,
                       result->item_count, result->skipped_count, result->uploaded_by, result->uploaded_at);
            result->id = run_returning_id(s);
            auto m = c.prepare("INSERT INTO bank_import_media (import_id, name, bytes) VALUES (?, ?, ?)");
            for (const auto& [name, bytes] : result->media) {
                m.reset();
                m.bind_all(result->id, name, std::as_bytes(std::span(bytes.data(), bytes.size())));
                m.run();
            }
            AuditEvent a = audit;
            a.subject = "bank_import:" + std::to_string(result->id);
            append_audit(c, a);
        },
        [result, done = std::move(done)](std::optional<domain::Error> e) {
            if (e) return done(*e);
            done(*result);
        });
}

template <class Database>
std::optional<BankImport> SqlBankImportStore<Database>::bank_import(domain::Id id) {
    return db_.read([&](auto& c) -> std::optional<BankImport> {
        auto s = c.prepare(std::string("SELECT ") + summary_columns + ", items FROM bank_imports WHERE id = ?");
        s.bind_all(id);
        if (s.step() != Step::row) return std::nullopt;
        auto b = read_import(s);
        b.items = s.column_text(12);
        auto m = c.prepare("SELECT name, bytes FROM bank_import_media WHERE import_id = ? ORDER BY name");
        m.bind_all(id);
        while (m.step() == Step::row) {
            const auto bytes = m.column_blob(1);
            b.media.emplace(m.column_text(0), std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
        }
        return b;
    });
}

template <class Database>
std::vector<BankImport> SqlBankImportStore<Database>::bank_imports(int limit) {
    return db_.read([&](auto& c) {
        std::vector<BankImport> out;
        auto s = c.prepare(std::string("SELECT ") + summary_columns + " FROM bank_imports ORDER BY id DESC LIMIT ?");
        s.bind_all(limit);
        while (s.step() == Step::row) out.push_back(read_import(s));
        return out;
    });
}

template <class Database>
void SqlBankImportStore<Database>::confirm_import(domain::Id id, std::string confirmed_by, domain::Millis at,
                                           std::string bank_file, AuditEvent audit,
                                           domain::Completion<domain::Done> done) {
    db_.write(
        [id, confirmed_by = std::move(confirmed_by), at, bank_file = std::move(bank_file),
         audit = std::move(audit)](auto& c) {
            // Once only, whoever gets here first: the row decides, not a check made before.
            auto s = c.prepare(
                "UPDATE bank_imports SET confirmed_by = ?, confirmed_at = ?, bank_file = ? "
                "WHERE id = ? AND confirmed_at IS NULL");
            s.bind_all(confirmed_by, at, bank_file, id);
            s.run();
            if (c.changes() == 0) throw domain::conflict("this import is already confirmed");
            append_audit(c, audit);
        },
        on_commit(std::move(done)));
}

template <class Database>
void SqlBankImportStore<Database>::record_export(AuditEvent audit, domain::Completion<domain::Done> done) {
    db_.write([audit = std::move(audit)](auto& c) { append_audit(c, audit); }, on_commit(std::move(done)));
}

template class SqlBankImportStore<sqlite::Database>;
template class SqlBankImportStore<postgresql::PgDatabase>;

}  // namespace exam::storage::sql
