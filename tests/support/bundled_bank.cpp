#include "bundled_bank.hpp"

#include <gtest/gtest.h>

namespace exam_test {

std::filesystem::path bundled_bank_dir() { return EXAM_BANK_DATA_DIR; }

const item_bank::Bank& bundled_bank() {
    static const item_bank::LoadResult loaded = item_bank::load_bank({bundled_bank_dir()});
    static const item_bank::Bank empty;
    if (!loaded.bank) {
        std::string all;
        for (const auto& e : loaded.errors) all += e.to_string() + "\n";
        ADD_FAILURE() << "the bundled bank does not load:\n" << all;
        return empty;
    }
    return *loaded.bank;
}

}  // namespace exam_test
