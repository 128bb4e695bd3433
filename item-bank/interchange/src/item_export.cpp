#include "item_interchange/item_export.hpp"

namespace item_interchange {

std::optional<ExportFormat> export_format_named(std::string_view name) {
    if (name == "qti30") return ExportFormat::qti30;
    if (name == "qti21") return ExportFormat::qti21;
    if (name == "moodle-xml") return ExportFormat::moodle_xml;
    return std::nullopt;
}

std::string_view to_string(ExportFormat format) {
    switch (format) {
        case ExportFormat::qti30: return "qti30";
        case ExportFormat::qti21: return "qti21";
        case ExportFormat::moodle_xml: return "moodle-xml";
    }
    return "";
}

ExportResult export_items(const ExportInput& input, ExportFormat format) {
    return format == ExportFormat::moodle_xml ? write_moodle_xml(input) : write_qti_package(input, format);
}

}  // namespace item_interchange
