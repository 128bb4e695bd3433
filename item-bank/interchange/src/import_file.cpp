#include "item_interchange/import_file.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <set>

#include "item_interchange/format_detection.hpp"
#include "item_interchange/gift_reader.hpp"
#include "item_interchange/moodle_xml_reader.hpp"
#include "item_interchange/qti_item_reader.hpp"
#include "item_interchange/qti_package_reader.hpp"

namespace item_interchange {
namespace json = boost::json;
namespace {

// The best a response can earn: one option's weight for single response, the
// positive weights together for multiple, capped at the item's one mark.
double max_score(const item_bank::Item& item) {
    if (!item.weighted()) return 1;
    double best = 0;
    for (const auto& opt : item.options) {
        const double w = std::max(0.0, opt.weight.value_or(0.0));
        best = item.type == item_bank::ResponseType::single ? std::max(best, w) : best + w;
    }
    return std::min(best, 1.0);
}

json::array strings(const std::vector<std::string>& list) {
    json::array a;
    for (const auto& s : list) a.emplace_back(s);
    return a;
}

json::object report_json(const FileReport& r) {
    json::object o{{"file", r.file}, {"format", r.format}, {"status", r.rejected ? "rejected" : "read"}};
    if (r.rejected) o["error"] = r.error;
    json::array imported;
    for (const auto& i : r.imported) {
        imported.push_back(json::object{{"source_id", i.item.source ? i.item.source->identifier : i.item.id},
                                        {"item_id", i.item.id},
                                        {"position", i.position},
                                        {"title", i.title},
                                        {"response", item_bank::to_string(i.item.type)},
                                        {"options", i.item.options.size()},
                                        {"keys", strings(i.source_keys)},
                                        {"max_score", max_score(i.item)},
                                        {"status", item_bank::to_string(i.item.status)},
                                        {"broken_rules", strings(i.broken_rules)},
                                        {"pictures", strings(i.item.media())},
                                        {"warnings", strings(i.warnings)}});
    }
    o["imported"] = std::move(imported);
    json::array skipped;
    for (const auto& s : r.skipped) {
        skipped.push_back(json::object{
            {"source_id", s.source_id}, {"position", s.position}, {"type", s.type}, {"reason", s.reason}});
    }
    o["skipped"] = std::move(skipped);
    o["warnings"] = strings(r.warnings);
    return o;
}

}  // namespace

namespace {

FileReport read_any(std::string_view content, const std::string& file, const ImportOptions& options) {
    switch (detect_format(content)) {
        case SourceFormat::gift: return read_gift(content, file, options);
        case SourceFormat::moodle_xml: return read_moodle_xml(content, file, options);
        case SourceFormat::qti: return read_qti_item(content, file, options);
        case SourceFormat::zip_package: return read_qti_package(content, file, options);
        case SourceFormat::unknown: break;
    }
    FileReport report;
    report.file = file;
    report.rejected = true;
    report.error = file + ": not a format the bank imports (QTI, Moodle XML or GIFT)";
    return report;
}

}  // namespace

FileReport import_file(std::string_view content, const std::string& file, const ImportOptions& options) {
    FileReport report = read_any(content, file, options);
    // A picture of a question that was then skipped is not carried along.
    std::set<std::string> shown;
    for (const auto& i : report.imported) {
        for (const auto& m : i.item.media()) shown.insert(m);
    }
    std::erase_if(report.media, [&shown](const auto& entry) { return !shown.count(entry.first); });
    return report;
}

std::string import_report_json(const std::vector<FileReport>& reports) {
    json::array files;
    for (const auto& r : reports) files.push_back(report_json(r));
    return json::serialize(json::object{{"files", std::move(files)}});
}

}  // namespace item_interchange
