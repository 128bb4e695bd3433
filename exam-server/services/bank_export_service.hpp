#pragma once
// A unit's items exported for another system (issue 11 section 4): a QTI 3.0
// or 2.1 content package or Moodle XML, exactly what exam-admin export writes
// from the same bank, with the warnings of what the target cannot hold. AO
// admins only; every download is audited (bank.export): who took which items away.
//
// The bank exported is the one the server loaded at its start.

#include <functional>
#include <memory>
#include <string>

#include "domain/clock.hpp"
#include "domain/people.hpp"
#include "domain/result.hpp"
#include "item_bank/bank.hpp"
#include "item_interchange/item_export.hpp"
#include "services/blocking_pool.hpp"
#include "storage/bank_import_store.hpp"

namespace exam::services {

struct ExportRequest {
    std::string unit;
    item_interchange::ExportFormat format = item_interchange::ExportFormat::qti30;
    std::string form;  // empty: the whole unit
};

class BankExportService {
public:
    BankExportService(storage::BankImportStore& store, const domain::Clock& clock,
                      std::shared_ptr<const item_bank::Bank> bank, BlockingPool& worker)
        : store_(store), clock_(clock), bank_(std::move(bank)), worker_(worker) {}

    // The file, audited before it is handed over. `download` false: the
    // same export made for its report only (its bytes are still counted), not audited.
    void run(const domain::Principal& actor, ExportRequest request, bool download,
             domain::Completion<item_interchange::ExportResult> done);

private:
    storage::BankImportStore& store_;
    const domain::Clock& clock_;
    std::shared_ptr<const item_bank::Bank> bank_;
    BlockingPool& worker_;
};

}  // namespace exam::services
