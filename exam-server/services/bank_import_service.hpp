#pragma once
// Importing items into the bank over the API (issue 11 section 4): an AO
// admin uploads an item file or package and gets the report exam-admin
// import would print; nothing enters the bank until they confirm, once, and
// then the items are written as drafts into the bank folder (BankFolder).
// Uploads and confirmations are audited (bank.import.upload,
// bank.import.confirm).
//
// Reading a package (libxml2, inflating a zip) and writing the bank folder
// are slow by network standards, so both run on the interchange pool's one
// thread, one job at a time: two confirmations never race each other to the
// folder. The database still decides "once only", for servers sharing it.
//
// The running server's bank is the one loaded at its start: confirmed drafts
// are in the folder at once, and in the coverage view and exports after a
// restart (swapping the bank under the services' readers is not safe: they
// hold references into it).

#include <memory>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/people.hpp"
#include "domain/result.hpp"
#include "item_bank/bank.hpp"
#include "services/bank_folder.hpp"
#include "services/blocking_pool.hpp"
#include "storage/bank_import_store.hpp"

namespace exam::services {

struct ImportUpload {
    std::string unit;       // the unit every item of the file belongs to
    std::string file_name;  // how the report names the file
    std::string content;    // the file's bytes
};

struct UploadOutcome {
    bool rejected = false;  // the file could not be read: nothing was stored
    std::string error;      // when rejected: names the file and the place inside it
    std::string report;     // JSON object text, the exam-admin import --json shape
    storage::BankImport stored;  // when not rejected
};

struct Confirmation {
    storage::BankImport import;  // as now stored: confirmed
    WrittenItems written;
};

class BankImportService {
public:
    // `worker`: one thread (see above), joined before the store's database stops.
    BankImportService(storage::BankImportStore& store, const domain::Clock& clock,
                      std::shared_ptr<const item_bank::Bank> bank, BankFolder folder, BlockingPool& worker)
        : store_(store), clock_(clock), bank_(std::move(bank)), folder_(std::move(folder)), worker_(worker) {}

    void upload(const domain::Principal& actor, ImportUpload upload, domain::Completion<UploadOutcome> done);
    domain::Result<std::vector<storage::BankImport>> list_imports(const domain::Principal& actor);
    domain::Result<storage::BankImport> find_import(const domain::Principal& actor, domain::Id id);
    void confirm(const domain::Principal& actor, domain::Id id, domain::Completion<Confirmation> done);

private:
    void confirm_now(const domain::Principal& actor, domain::Id id, const domain::Completion<Confirmation>& done);

    storage::BankImportStore& store_;
    const domain::Clock& clock_;
    std::shared_ptr<const item_bank::Bank> bank_;
    BankFolder folder_;
    BlockingPool& worker_;
};

// The 503 when the interchange pool has too much queued.
domain::Error interchange_busy();

}  // namespace exam::services
