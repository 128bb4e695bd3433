// exam-admin import: reads other systems' item files into the bank's format
// and reports on every question; writes only with --out.
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>

#include "atomic_write.hpp"
#include "cli.hpp"
#include "item_bank/bank.hpp"
#include "item_interchange/import_file.hpp"
#include "item_interchange/items_file.hpp"

namespace exam_admin {
using item_interchange::FileReport;

namespace {

// No item file of any real bank comes near this; a larger file is a mistake or an attack.
constexpr std::uintmax_t max_file_bytes = 32u * 1024u * 1024u;

FileReport import_one(const std::filesystem::path& path, const item_interchange::ImportOptions& options) {
    FileReport report;
    report.file = path.string();
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        report.rejected = true;
        report.error = path.string() + ": cannot read the file";
        return report;
    }
    if (size > max_file_bytes) {
        report.rejected = true;
        report.error = path.string() + ": larger than 32 MiB";
        return report;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return item_interchange::import_file(bytes.str(), path.string(), options);
}

void report_text(const FileReport& r, std::ostream& out) {
    if (r.rejected) {
        out << "rejected: " << r.error << "\n";
        return;
    }
    out << r.file << " (" << r.format << "): " << r.imported.size() << " imported, " << r.skipped.size() << " skipped";
    if (!r.media.empty()) out << ", " << r.media.size() << (r.media.size() == 1 ? " picture" : " pictures");
    out << "\n";
    for (const auto& w : r.warnings) out << "  warning: " << w << "\n";
    for (const auto& i : r.imported) {
        out << "  " << item_bank::to_string(i.item.status) << " " << i.item.id << " (" << i.position << ")";
        if (const auto shown = i.item.media().size(); shown > 0) out << " with " << shown << (shown == 1 ? " picture" : " pictures");
        out << "\n";
        for (const auto& b : i.broken_rules) out << "    breaks " << b << "\n";
        for (const auto& w : i.warnings) out << "    warning: " << w << "\n";
    }
    for (const auto& s : r.skipped) {
        out << "  skipped " << (s.source_id.empty() ? "" : s.source_id + " ") << "(" << s.position << "): " << s.type
            << ": " << s.reason << "\n";
    }
}

// The pictures go first, into media/ beside the items file (where the bank
// loader looks), so the items file never names a picture that is not there.
// A name is the hash of its bytes: a file already there is the same picture.
std::string write_media(const std::filesystem::path& out_dir, const std::map<std::string, std::string>& media) {
    if (media.empty()) return {};
    const auto folder = out_dir / "media";
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) return "not written: cannot make " + folder.string() + ": " + ec.message();
    for (const auto& [name, bytes] : media) {
        if (std::filesystem::exists(folder / name)) continue;
        if (auto error = write_file_atomically(folder / name, bytes); !error.empty()) return error;
    }
    return {};
}

}  // namespace

int command_import(const std::vector<std::string>& args, Streams io) {
    item_interchange::ImportOptions options;
    std::filesystem::path out_dir;
    bool as_json = false;
    std::vector<std::filesystem::path> files;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--unit" && i + 1 < args.size()) {
            options.unit = args[++i];
        } else if (args[i] == "--out" && i + 1 < args.size()) {
            out_dir = args[++i];
        } else if (args[i] == "--json") {
            as_json = true;
        } else if (args[i].starts_with("--")) {
            io.err << "exam-admin import: unknown option " << args[i] << "\n";
            return exit_usage;
        } else {
            files.emplace_back(args[i]);
        }
    }
    if (files.empty() || (!out_dir.empty() && options.unit.empty())) {
        io.err << "usage: exam-admin import [--unit CODE] [--out DIR] [--json] FILE...\n"
                  "       (--out needs --unit: every items file belongs to one unit)\n";
        return exit_usage;
    }
    if (!out_dir.empty() && !std::filesystem::is_directory(out_dir)) {
        io.err << "exam-admin import: " << out_dir.string() << " is not a folder\n";
        return exit_usage;
    }
    // The unit's definition lets criteria be checked; without it items stay drafts.
    std::shared_ptr<const item_bank::Bank> specifications;
    if (!options.unit.empty()) {
        specifications = item_bank::load_bank({bank_location("") / "specifications"}).bank;
        if (specifications) options.unit_spec = specifications->unit(options.unit);
    }

    std::vector<FileReport> reports;
    for (const auto& f : files) reports.push_back(import_one(f, options));

    bool any_rejected = false;
    for (auto& r : reports) {
        any_rejected = any_rejected || r.rejected;
        if (r.rejected || out_dir.empty() || r.imported.empty()) continue;
        std::vector<item_bank::Item> items;
        for (const auto& i : r.imported) items.push_back(i.item);
        const auto target = out_dir / (std::filesystem::path(r.file).stem().string() + ".json");
        // A re-import of the same source updates its items (new versions) rather than duplicating them.
        std::string existing, merge_error;
        if (std::filesystem::exists(target)) {
            std::ifstream in(target, std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            existing = text.str();
        }
        const std::string merged = item_interchange::merge_items_file(existing, options.unit, items, merge_error);
        if (merged.empty()) {
            r.warnings.push_back("not written: " + target.string() + ": " + merge_error);
            any_rejected = true;
            continue;
        }
        if (auto error = write_media(out_dir, r.media); !error.empty()) {
            r.warnings.push_back(error);
            any_rejected = true;
            continue;
        }
        if (auto error = write_file_atomically(target, merged); !error.empty()) {
            r.warnings.push_back(error);
            any_rejected = true;
        }
    }
    if (as_json) {
        io.out << item_interchange::import_report_json(reports) << "\n";
    } else {
        for (const auto& r : reports) report_text(r, io.out);
        if (out_dir.empty()) io.out << "Dry run: nothing written (use --out DIR to write the items)\n";
    }
    return any_rejected ? exit_invalid : exit_ok;
}

}  // namespace exam_admin
