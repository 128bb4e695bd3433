#include "storage/sql/sql_certificate_store.hpp"

#include "storage/postgresql/pg_database.hpp"
#include "storage/sqlite/database.hpp"

#include <memory>

namespace exam::storage::sql {
namespace {

constexpr const char* columns =
    "SELECT number, kind, candidate_id, centre_id, qualification_id, status, replaces, replaced_by, replace_reason, "
    "issued_by, issued_at, document FROM certificates ";

std::vector<domain::CertificateRecord> read_all(auto& s) {
    std::vector<domain::CertificateRecord> out;
    while (s.step() == Step::row) {
        domain::CertificateRecord r;
        r.number = s.column_text(0);
        r.kind = domain::parse_certificate_kind(s.column_text(1)).value_or(domain::CertificateKind::unit);
        r.candidate_id = s.column_int64(2);
        r.centre_id = s.column_int64(3);
        r.qualification_id = s.column_text(4);
        r.status = domain::parse_certificate_status(s.column_text(5)).value_or(domain::CertificateStatus::replaced);
        r.replaces = s.template column<std::optional<std::string>>(6);
        r.replaced_by = s.template column<std::optional<std::string>>(7);
        r.replace_reason = s.template column<std::optional<std::string>>(8).value_or("");
        r.issued_by = s.column_text(9);
        r.issued_at = s.column_int64(10);
        r.document = s.column_text(11);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace

template <class Database>
std::optional<domain::CertificateRecord> SqlCertificateStore<Database>::certificate(const std::string& number) {
    auto list = db_.read([&](auto& c) {
        auto s = c.prepare(std::string(columns) + "WHERE number = ?");
        s.bind_all(number);
        return read_all(s);
    });
    if (list.empty()) return std::nullopt;
    return list.front();
}

template <class Database>
std::vector<domain::CertificateRecord> SqlCertificateStore<Database>::certificates_of(domain::Id candidate) {
    return db_.read([&](auto& c) {
        auto s = c.prepare(std::string(columns) + "WHERE candidate_id = ? ORDER BY id");
        s.bind_all(candidate);
        return read_all(s);
    });
}

template <class Database>
void SqlCertificateStore<Database>::issue(CertificateIssue issue, domain::Completion<domain::CertificateRecord> done) {
    auto request = std::make_shared<CertificateIssue>(std::move(issue));
    auto result = std::make_shared<domain::CertificateRecord>();
    db_.write(
        [request, result](auto& c) {
            // MAX + 1 under the one writer; with several writers (PostgreSQL) the
            // UNIQUE (year, sequence) constraint turns a race into a conflict.
            auto next = c.prepare("SELECT COALESCE(MAX(sequence), 0) + 1 FROM certificates WHERE year = ?");
            next.bind_all(request->year);
            next.step();
            const std::int64_t sequence = next.column_int64(0);
            const std::string number = domain::certificate_number(request->year, sequence);

            if (request->replaces) {
                auto old = c.prepare(
                    "UPDATE certificates SET status = 'replaced', replaced_by = ?, replace_reason = ? "
                    "WHERE number = ? AND status = 'current'");
                old.bind_all(number, request->replace_reason, *request->replaces);
                old.run();
                if (c.changes() == 0) {
                    throw domain::Error{409, "already_replaced", "certificate " + *request->replaces +
                                                             " is no longer current: it has been replaced already",
                                        {}};
                }
            }
            auto written = request->write(number);
            auto insert = c.prepare(
                "INSERT INTO certificates (number, year, sequence, candidate_id, centre_id, qualification_id, kind, "
                "status, replaces, document, issued_by, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'current', ?, ?, ?, ?)");
            insert.bind_all(number, request->year, sequence, request->candidate_id, request->centre_id,
                            request->qualification_id, std::string(domain::to_string(request->kind)), request->replaces,
                            written.document, request->issued_by, request->issued_at);
            insert.run();
            append_audit(c, written.audit);

            *result = domain::CertificateRecord{number,
                                                request->kind,
                                                request->candidate_id,
                                                request->centre_id,
                                                request->qualification_id,
                                                domain::CertificateStatus::current,
                                                request->replaces,
                                                std::nullopt,
                                                "",
                                                request->issued_by,
                                                request->issued_at,
                                                std::move(written.document)};
        },
        [result, done](std::optional<domain::Error> e) {
            // A constraint: the only one a valid request can meet is one current full
            // certificate per registration (numbers cannot collide under one writer).
            if (e && e->status == 409 && e->code == "conflict") {
                return done(domain::conflict("a full certificate is already issued for this registration: "
                                             "ask for a replacement of it instead",
                                             "/qualification"));
            }
            if (e) return done(*e);
            done(*result);
        });
}

template class SqlCertificateStore<sqlite::Database>;
template class SqlCertificateStore<postgresql::PgDatabase>;

}  // namespace exam::storage::sql
