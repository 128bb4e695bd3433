#include <cstdlib>

#include "cli.hpp"

namespace exam_admin {

std::filesystem::path bank_location(const std::string& flag_value) {
    if (!flag_value.empty()) return flag_value;
    if (const char* env = std::getenv("EXAM_BANK_DIR"); env != nullptr && *env != '\0') return env;
    return EXAM_BANK_DATA_DIR;
}

}  // namespace exam_admin
