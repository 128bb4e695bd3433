#pragma once
// Imports of item files into the bank, uploaded over the API and held until
// an AO admin confirms them (issue 11 section 4), and the audit of bank
// exports. The bank itself is files (item-bank/data or --bank): this store
// keeps only what is pending and what was confirmed when, by whom, into which file.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/people.hpp"
#include "domain/result.hpp"
#include "storage/audit_event.hpp"

namespace exam::storage {

struct BankImport {
    domain::Id id = 0;
    std::string unit;
    std::string file_name;  // as the upload named it, for the report
    std::string format;     // "gift", "moodle-xml", "qti21", "qti22", "qti30"
    std::string report;     // JSON object text: the import report, as exam-admin import --json prints it
    std::string items;      // items/1 JSON text: what confirming writes ("" in lists)
    // The pictures those items show, by media name ("<sha256>.png"), with
    // their bytes: written with them (empty in lists).
    std::map<std::string, std::string> media;
    std::int64_t item_count = 0;
    std::int64_t skipped_count = 0;
    std::string uploaded_by;  // "staff:<username>"
    domain::Millis uploaded_at = 0;
    std::optional<domain::Millis> confirmed_at;  // none while pending
    std::string confirmed_by;
    std::string bank_file;  // the file confirming wrote, relative to the bank folder ("" when it wrote none)
};

class BankImportStore {
public:
    virtual ~BankImportStore() = default;
    // `audit`'s subject is set to the new import ("bank_import:<id>").
    virtual void add_import(BankImport import, AuditEvent audit, domain::Completion<BankImport> done) = 0;
    virtual std::optional<BankImport> bank_import(domain::Id id) = 0;
    // Newest first, at most `limit`, without their items.
    virtual std::vector<BankImport> bank_imports(int limit) = 0;
    // Marks a pending import confirmed; a 409 when it already was.
    virtual void confirm_import(domain::Id id, std::string confirmed_by, domain::Millis at, std::string bank_file,
                                AuditEvent audit, domain::Completion<domain::Done> done) = 0;
    // An export changes nothing but is audited (who took which items away).
    virtual void record_export(AuditEvent audit, domain::Completion<domain::Done> done) = 0;
};

}  // namespace exam::storage
