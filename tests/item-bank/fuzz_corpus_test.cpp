// The fuzz targets' seed corpus (tests/fuzz/corpus/, where an input a fuzz run
// found a crash with is kept after the fix) replayed through the same readers
// in the ordinary build: what once broke a reader is tried on every test run,
// without clang or libFuzzer.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <variant>

#include "item_bank/safe_text.hpp"
#include "item_interchange/gift_reader.hpp"
#include "item_interchange/html_to_safe_text.hpp"
#include "item_interchange/qti_item_reader.hpp"

namespace {

std::vector<std::pair<std::string, std::string>> corpus(const std::string& folder) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(EXAM_FUZZ_CORPUS_DIR) / folder)) {
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        out.emplace_back(e.path().filename().string(), bytes.str());
    }
    return out;
}

const item_interchange::ImportOptions& options() {
    static const item_bank::Unit unit = [] {
        item_bank::Unit u;
        u.code = "T/000/0001";
        u.learning_outcomes = {item_bank::LearningOutcome{"1", "Know", {{"1.1", "state"}, {"1.2", "describe"}}, ""}};
        return u;
    }();
    static const item_interchange::ImportOptions o{"T/000/0001", &unit};
    return o;
}

void expect_keys_name_options(const item_interchange::FileReport& r, const std::string& name) {
    for (const auto& i : r.imported) {
        for (const auto& k : i.item.key) EXPECT_NE(i.item.option(k), nullptr) << name << ": " << i.item.id;
    }
}

}  // namespace

TEST(FuzzCorpus, GiftSeedsAreReadOrRejected) {
    const auto files = corpus("gift");
    EXPECT_GE(files.size(), 3u);
    for (const auto& [name, content] : files) {
        const auto r = item_interchange::read_gift(content, name, options());
        EXPECT_TRUE(r.rejected || !r.imported.empty() || !r.skipped.empty()) << name;
        expect_keys_name_options(r, name);
    }
}

TEST(FuzzCorpus, HtmlSeedsBecomeSafeTextThatRendersNoElementOfTheInput) {
    const auto files = corpus("html");
    EXPECT_GE(files.size(), 3u);
    for (const auto& [name, content] : files) {
        const auto c = item_interchange::html_to_safe_text(content);
        const auto parsed = item_bank::parse_safe_text(c.text);
        if (const auto* safe = std::get_if<item_bank::SafeText>(&parsed)) {
            const auto html = item_bank::render_html(*safe);
            EXPECT_EQ(html.find("<script"), std::string::npos) << name;
            EXPECT_EQ(html.find("<qti"), std::string::npos) << name;
            EXPECT_EQ(html.find("onclick"), std::string::npos) << name;
        }
    }
}

TEST(FuzzCorpus, QtiSeedsAreReadOrRejected) {
    const auto files = corpus("qti");
    EXPECT_GE(files.size(), 3u);
    for (const auto& [name, content] : files) {
        const auto r = item_interchange::read_qti_item(content, name, options());
        EXPECT_TRUE(r.rejected || !r.imported.empty() || !r.skipped.empty()) << name;
        expect_keys_name_options(r, name);
    }
}
