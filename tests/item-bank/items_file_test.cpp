// Imported items as items/1 files: made ready to join a bank folder (the
// server's confirm) without ever stopping the bank loading, and one file of
// any format read by the reader its content calls for.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "bundled_bank.hpp"
#include "item_interchange/import_file.hpp"
#include "item_interchange/items_file.hpp"
#include "temp_dir.hpp"

using namespace item_interchange;

namespace {

item_bank::Item item(const std::string& id, const std::string& source_id) {
    item_bank::Item i;
    i.id = id;
    i.status = item_bank::ItemStatus::live;
    i.unit = "A/602/1359";
    i.criteria = {"1.1"};
    i.stem = "Which " + id + "?";
    i.options = {{"A", "one"}, {"B", "two"}, {"C", "three"}};
    i.key = {"A"};
    i.rationale = "Because.";
    i.source = item_bank::ItemSource{"gift", source_id, "quiz.gift"};
    return i;
}

}  // namespace

TEST(ItemsFileForBank, MakesEveryItemADraftRenamesTakenIdsAndLeavesOutSourcesTheBankHolds) {
    exam_test::TempDir dir;
    dir.write("items/earlier.json", items_file_json("A/602/1359", {item("x-1", "s-1")}));
    const auto loaded = item_bank::load_bank_with_context({dir.path()}, {exam_test::bundled_bank_dir() / "specifications"});
    ASSERT_TRUE(loaded.bank) << (loaded.errors.empty() ? "" : loaded.errors[0].to_string());

    const auto addition = items_file_for_bank(
        items_file_json("A/602/1359", {item("x-1", "s-1"), item("x-1", "s-2"), item("x-1", "s-3"), item("y", "s-4")}),
        *loaded.bank);
    ASSERT_TRUE(addition.error.empty()) << addition.error;
    EXPECT_EQ(addition.items, 3u);
    ASSERT_EQ(addition.already_in_bank.size(), 1u);
    EXPECT_EQ(addition.already_in_bank[0].source_id, "s-1");
    EXPECT_EQ(addition.already_in_bank[0].item_id, "x-1");
    ASSERT_EQ(addition.renamed.size(), 2u);
    EXPECT_EQ(addition.renamed[0].to, "x-1-2");
    EXPECT_EQ(addition.renamed[1].to, "x-1-3");

    const auto file = boost::json::parse(addition.text).as_object();
    EXPECT_EQ(file.at("format").as_string(), "items/1");
    EXPECT_EQ(file.at("unit").as_string(), "A/602/1359");
    std::vector<std::string> ids;
    for (const auto& i : file.at("items").as_array()) {
        ids.emplace_back(i.at("id").as_string());
        EXPECT_EQ(i.at("status").as_string(), "draft");
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"x-1-2", "x-1-3", "y"}));

    // The bank loads with the new file beside the old.
    dir.write("items/new.json", addition.text);
    const auto both = item_bank::load_bank_with_context({dir.path()}, {exam_test::bundled_bank_dir() / "specifications"});
    ASSERT_TRUE(both.bank) << (both.errors.empty() ? "" : both.errors[0].to_string());
    EXPECT_EQ(both.bank->items().size(), 4u);
}

TEST(ItemsFileForBank, NothingLeftToWriteGivesNoTextAndADamagedFileAnError) {
    const auto& bank = exam_test::bundled_bank();
    const auto none = items_file_for_bank(items_file_json("A/602/1359", {}), bank);
    EXPECT_TRUE(none.error.empty());
    EXPECT_TRUE(none.text.empty());
    EXPECT_FALSE(items_file_for_bank("{\"format\":\"items/1\"}", bank).error.empty());
    EXPECT_FALSE(items_file_for_bank("not json", bank).error.empty());
    EXPECT_FALSE(items_file_for_bank(R"({"unit":"A/602/1359","items":[{"stem":"no id"}]})", bank).error.empty());
}

TEST(ImportFile, ReadsEachFormatByItsContentAndRejectsTheRestNamingTheFile) {
    const ImportOptions options{"A/602/1359", nullptr};
    EXPECT_EQ(import_file("::Q::Which? {=a ~b ~c}", "q.xml", options).format, "gift");
    EXPECT_EQ(import_file("<quiz></quiz>", "q.txt", options).format, "moodle-xml");
    const auto unknown = import_file("%PDF-1.4", "brochure.pdf", options);
    EXPECT_TRUE(unknown.rejected);
    EXPECT_EQ(unknown.error, "brochure.pdf: not a format the bank imports (QTI, Moodle XML or GIFT)");
    const auto json = boost::json::parse(import_report_json({unknown}));
    EXPECT_EQ(json.at("files").as_array().at(0).at("status").as_string(), "rejected");
    EXPECT_EQ(json.at("files").as_array().at(0).at("error").as_string(), unknown.error);
}
