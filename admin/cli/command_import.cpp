// exam-admin import: reads other systems' item files into the bank's format
// and reports on every question; writes only with --out.
#include <boost/json.hpp>

#include <algorithm>
#include <fstream>
#include <ostream>
#include <sstream>

#include "cli.hpp"
#include "item_bank/bank.hpp"
#include "item_interchange/format_detection.hpp"
#include "item_interchange/gift_reader.hpp"
#include "item_interchange/moodle_xml_reader.hpp"
#include "item_interchange/qti_item_reader.hpp"
#include "item_interchange/qti_package_reader.hpp"
#include "items_file_writer.hpp"

namespace exam_admin {
namespace json = boost::json;
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
    const std::string content = bytes.str();
    switch (item_interchange::detect_format(content)) {
        case item_interchange::SourceFormat::gift: return item_interchange::read_gift(content, path.string(), options);
        case item_interchange::SourceFormat::moodle_xml:
            return item_interchange::read_moodle_xml(content, path.string(), options);
        case item_interchange::SourceFormat::qti: return item_interchange::read_qti_item(content, path.string(), options);
        case item_interchange::SourceFormat::zip_package:
            return item_interchange::read_qti_package(content, path.string(), options);
        case item_interchange::SourceFormat::unknown: break;
    }
    report.rejected = true;
    report.error = path.string() + ": not a format exam-admin imports (QTI, Moodle XML or GIFT)";
    return report;
}

json::object report_json(const FileReport& r) {
    json::object o{{"file", r.file}, {"format", r.format}, {"status", r.rejected ? "rejected" : "read"}};
    if (r.rejected) o["error"] = r.error;
    json::array imported;
    for (const auto& i : r.imported) {
        json::array keys, warnings;
        for (const auto& k : i.source_keys) keys.emplace_back(k);
        for (const auto& w : i.warnings) warnings.emplace_back(w);
        json::array rules;
        for (const auto& b : i.broken_rules) rules.emplace_back(b);
        // The best a response can earn: one option's weight for single response,
        // the positive weights together for multiple, capped at the item's one mark.
        double max_score = 1;
        if (i.item.weighted()) {
            max_score = 0;
            for (const auto& opt : i.item.options) {
                const double w = std::max(0.0, opt.weight.value_or(0.0));
                max_score = i.item.type == item_bank::ResponseType::single ? std::max(max_score, w) : max_score + w;
            }
            max_score = std::min(max_score, 1.0);
        }
        imported.push_back(json::object{{"source_id", i.item.source ? i.item.source->identifier : i.item.id},
                                        {"item_id", i.item.id},
                                        {"position", i.position},
                                        {"title", i.title},
                                        {"response", item_bank::to_string(i.item.type)},
                                        {"options", i.item.options.size()},
                                        {"keys", std::move(keys)},
                                        {"max_score", max_score},
                                        {"status", item_bank::to_string(i.item.status)},
                                        {"broken_rules", std::move(rules)},
                                        {"warnings", std::move(warnings)}});
    }
    o["imported"] = std::move(imported);
    json::array skipped;
    for (const auto& s : r.skipped) {
        skipped.push_back(json::object{
            {"source_id", s.source_id}, {"position", s.position}, {"type", s.type}, {"reason", s.reason}});
    }
    o["skipped"] = std::move(skipped);
    json::array warnings;
    for (const auto& w : r.warnings) warnings.emplace_back(w);
    o["warnings"] = std::move(warnings);
    return o;
}

void report_text(const FileReport& r, std::ostream& out) {
    if (r.rejected) {
        out << "rejected: " << r.error << "\n";
        return;
    }
    out << r.file << " (" << r.format << "): " << r.imported.size() << " imported, " << r.skipped.size() << " skipped\n";
    for (const auto& w : r.warnings) out << "  warning: " << w << "\n";
    for (const auto& i : r.imported) {
        out << "  " << item_bank::to_string(i.item.status) << " " << i.item.id << " (" << i.position << ")\n";
        for (const auto& b : i.broken_rules) out << "    breaks " << b << "\n";
        for (const auto& w : i.warnings) out << "    warning: " << w << "\n";
    }
    for (const auto& s : r.skipped) {
        out << "  skipped " << (s.source_id.empty() ? "" : s.source_id + " ") << "(" << s.position << "): " << s.type
            << ": " << s.reason << "\n";
    }
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
        const std::string merged = merge_items_file(existing, options.unit, items, merge_error);
        if (merged.empty()) {
            r.warnings.push_back("not written: " + target.string() + ": " + merge_error);
            any_rejected = true;
            continue;
        }
        if (auto error = write_file_atomically(target, merged); !error.empty()) {
            r.warnings.push_back(error);
            any_rejected = true;
        }
    }
    if (as_json) {
        json::array list;
        for (const auto& r : reports) list.push_back(report_json(r));
        io.out << json::serialize(json::object{{"files", std::move(list)}}) << "\n";
    } else {
        for (const auto& r : reports) report_text(r, io.out);
        if (out_dir.empty()) io.out << "Dry run: nothing written (use --out DIR to write the items)\n";
    }
    return any_rejected ? exit_invalid : exit_ok;
}

}  // namespace exam_admin
