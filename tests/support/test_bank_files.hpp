#pragma once
// Small bank files for loader tests: a one-unit specification, items in it and
// a check that a load reported one particular error.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "item_bank/bank.hpp"

namespace exam_test::bank_files {

inline const char* const spec_json = R"({
  "format": "qualification-specification/1",
  "awarding_organisation": "Test AO",
  "source": "made up for tests",
  "units": [
    { "code": "T/000/0001", "title": "Testing unit", "level": 2, "credit": 4, "glh": 30,
      "assessment_methods": ["onscreen_test"],
      "learning_outcomes": [
        { "number": "1", "text": "Know one thing",
          "assessment_criteria": [ { "number": "1.1", "text": "state one thing" }, { "number": "1.2", "text": "state another" } ] },
        { "number": "2", "text": "Know a second thing",
          "assessment_criteria": [ { "number": "2.1", "text": "describe it" } ] }
      ] }
  ],
  "qualifications": [
    { "id": "T/Q/1", "title": "Test Award", "level": 2, "framework": "QCF", "size": "Award",
      "credit": 4, "glh": 30, "tqt": null,
      "rules": { "min_credits": 4, "groups": [ { "id": "M", "title": "Mandatory", "mandatory": true, "units": ["T/000/0001"] } ] } }
  ]
})";

inline std::string item_json(const std::string& id, const std::string& criterion, const std::string& key = "A") {
    return R"({ "id": ")" + id + R"(", "version": 1, "status": "live", "type": "single", "criteria": [")" + criterion +
           R"("], "stem": "Question )" + id + R"(?", "options": [ { "id": "A", "text": "first )" + id +
           R"(" }, { "id": "B", "text": "second" }, { "id": "C", "text": "third" } ], "key": [")" + key +
           R"("], "rationale": "because" })";
}

inline std::string items_file(const std::vector<std::string>& items) {
    std::string out = R"({ "format": "items/1", "unit": "T/000/0001", "items": [)";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + items[i];
    return out + "] }";
}

// Finds a diagnostic for the file whose pointer and message contain the given text.
inline ::testing::AssertionResult has_error(const item_bank::LoadResult& r, const std::string& file_suffix, const std::string& pointer,
                                     const std::string& text) {
    for (const auto& e : r.errors) {
        if (e.file.ends_with(file_suffix) && e.pointer == pointer && e.message.find(text) != std::string::npos) {
            return ::testing::AssertionSuccess();
        }
    }
    auto f = ::testing::AssertionFailure() << "no error in " << file_suffix << " at '" << pointer << "' with \"" << text
                                           << "\"; errors:";
    for (const auto& e : r.errors) f << "\n  " << e.to_string();
    return f;
}

// A real 1 x 1 PNG (70 bytes): decoders, not only the magic-byte check, accept it.
inline std::string tiny_png() {
    static const unsigned char bytes[] = {
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
        0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x64, 0x60, 0xf8, 0x5f, 0x0f, 0x00, 0x02, 0x87, 0x01, 0x80,
        0xeb, 0x47, 0xba, 0x92, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
    return std::string(reinterpret_cast<const char*>(bytes), sizeof bytes);
}
inline const char* const tiny_png_name = "497790947d4666760ce38f3c00e852c71fdb66cae849bae8e9ede352719e1581.png";

}  // namespace exam_test::bank_files
