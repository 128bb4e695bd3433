// The GIFT parser on arbitrary bytes: it reports or rejects, never crashes,
// and whatever it imports is an item the bank's own rules can judge.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "item_interchange/gift_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view content(reinterpret_cast<const char*>(data), size);
    const auto report = item_interchange::read_gift(content, "fuzz.gift", fuzz::options());
    fuzz::check_report(report);
    return 0;
}
