// A QTI 2.1/2.2/3.0 item file on arbitrary bytes: libxml2 as the readers lock
// it down, the namespace and template checks, the choice interaction, the text
// conversion. It reports or rejects, never crashes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "item_interchange/qti_item_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view content(reinterpret_cast<const char*>(data), size);
    const auto report = item_interchange::read_qti_item(content, "fuzz.xml", fuzz::options());
    fuzz::check_report(report);
    return 0;
}
