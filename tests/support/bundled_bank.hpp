#pragma once
// The item bank shipped in item-bank/data, loaded once per test binary.

#include <filesystem>

#include "item_bank/bank.hpp"

namespace exam_test {

std::filesystem::path bundled_bank_dir();
// Fails the calling test (and returns an empty bank) if the bundled bank does not load.
const item_bank::Bank& bundled_bank();

}  // namespace exam_test
