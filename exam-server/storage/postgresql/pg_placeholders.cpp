#include "storage/postgresql/pg_placeholders.hpp"

#include <algorithm>
#include <cctype>

namespace exam::storage::postgresql {

std::string postgresql_placeholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 8);
    int largest = 0;
    char quote = 0;  // inside '...' or "..." when set
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (quote != 0) {
            out += c;
            if (c == quote) quote = 0;  // a doubled quote closes and reopens: the same result
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            out += c;
            continue;
        }
        if (c != '?') {
            out += c;
            continue;
        }
        std::size_t end = i + 1;
        while (end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[end]))) ++end;
        int number = 0;
        if (end > i + 1) {
            number = std::stoi(std::string(sql.substr(i + 1, end - i - 1)));
        } else {
            number = largest + 1;
        }
        largest = std::max(largest, number);
        out += '$';
        out += std::to_string(number);
        i = end - 1;
    }
    return out;
}

}  // namespace exam::storage::postgresql
