#include "export_support.hpp"

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace item_interchange::detail {

std::string exact_number(double value) {
    char buffer[40];
    // Plain decimals ("50", not "5e+01"): every reader of a fraction or a mapped value takes them.
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
        if (std::strtod(buffer, nullptr) == value && std::string_view(buffer).find('e') == std::string_view::npos) {
            return buffer;
        }
    }
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

void warn_if_ids_not_positional(const item_bank::Item& item, std::vector<ExportWarning>& warnings) {
    for (std::size_t i = 0; i < item.options.size(); ++i) {
        if (item.options[i].id != std::string(1, static_cast<char>('A' + i))) {
            warnings.push_back({item.id, "option ids are not A, B, C in order: an import names them by position, "
                                         "so they come back renamed (the key with them)"});
            return;
        }
    }
}

}  // namespace item_interchange::detail
