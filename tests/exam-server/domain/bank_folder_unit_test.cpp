// Confirmed imports written into a bank folder (services/bank_folder), without
// a server: a file the bank would not load with is never put in place, a
// folder that does not load as it is gets nothing added, and what is written
// loads.
#include <gtest/gtest.h>

#include <map>

#include "bundled_bank.hpp"
#include "item_interchange/items_file.hpp"
#include "services/bank_folder.hpp"
#include "temp_dir.hpp"
#include "test_bank_files.hpp"

namespace {

std::string items_json(const std::string& id, const std::string& criterion) {
    return R"({"format":"items/1","unit":"A/602/1359","items":[{"id":")" + id +
           R"(","version":1,"status":"live","type":"single","criteria":[")" + criterion +
           R"("],"stem":"Which?","options":[{"id":"A","text":"a"},{"id":"B","text":"b"},{"id":"C","text":"c"}],)"
           R"("key":["A"],"rationale":"Because.","source":{"format":"gift","id":")" + id + R"(","file":"q.gift"}}]})";
}

std::size_t files_in(const std::filesystem::path& dir) {
    std::size_t n = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) n += e.is_regular_file() ? 1 : 0;
    return n;
}

class BankFolderTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::filesystem::copy(exam_test::bundled_bank_dir(), root(), std::filesystem::copy_options::recursive);
    }
    std::filesystem::path root() const { return dir_.path() / "bank"; }
    exam_test::TempDir dir_;
};

}  // namespace

TEST_F(BankFolderTest, WritesANewDraftsFileTheFolderLoadsWith) {
    exam::services::BankFolder folder(root());
    auto written = folder.add_items(items_json("new-1", "1.1"), "A/602/1359", 12);
    ASSERT_TRUE(written) << written.error().message;
    EXPECT_TRUE(written->file.starts_with("items/import-12-a-602-1359-")) << written->file;
    const auto loaded = item_bank::load_bank({root()});
    ASSERT_TRUE(loaded.bank);
    ASSERT_NE(loaded.bank->item("new-1"), nullptr);
    EXPECT_EQ(loaded.bank->item("new-1")->status, item_bank::ItemStatus::draft);

    // A second write of the same import never takes the first one's name.
    auto again = folder.add_items(items_json("new-2", "1.1"), "A/602/1359", 12);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_NE(again->file, written->file);
    folder.remove(again.value());
    EXPECT_FALSE(std::filesystem::exists(root() / again->file));
}

TEST_F(BankFolderTest, AFileTheBankWouldNotLoadWithIsNotWritten) {
    const auto before = files_in(root());
    exam::services::BankFolder folder(root());
    // Criterion 9.9 is no criterion of the unit: the loader refuses it, even in a draft.
    auto r = folder.add_items(items_json("bad-1", "9.9"), "A/602/1359", 3);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().status, 422);
    EXPECT_EQ(r.error().code, "bank_validation");
    EXPECT_NE(r.error().message.find("9.9"), std::string::npos) << r.error().message;
    EXPECT_EQ(files_in(root()), before) << "nothing written, no staged file left behind";
    EXPECT_TRUE(item_bank::load_bank({root()}).bank);
}

TEST_F(BankFolderTest, AFolderThatDoesNotLoadAsItIsGetsNothingAdded) {
    exam_test::TempDir other;
    other.write("items/broken.json", "{\"format\":\"items/1\"");
    const auto before = files_in(other.path());
    exam::services::BankFolder folder(other.path());
    auto r = folder.add_items(items_json("new-1", "1.1"), "A/602/1359", 4);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().status, 409);
    EXPECT_EQ(files_in(other.path()), before);
}

namespace {

// items_json's item with a picture after its stem.
std::string pictured_items_json(const std::string& id, const std::string& criterion) {
    std::string json = items_json(id, criterion);
    json.replace(json.find(R"("options")"), 0,
                 std::string(R"("image":{"media":")") + exam_test::bank_files::tiny_png_name + R"(","alt":"A dot"},)");
    return json;
}

}  // namespace

TEST_F(BankFolderTest, PicturesAreWrittenIntoMediaBesideTheItemsAndTakenBackWithThem) {
    exam::services::BankFolder folder(root());
    const std::map<std::string, std::string> media = {{exam_test::bank_files::tiny_png_name, exam_test::bank_files::tiny_png()},
                                                      {std::string(64, 'b') + ".png", "not shown by any item"}};
    auto written = folder.add_items(pictured_items_json("pic-1", "1.1"), "A/602/1359", 21, media);
    ASSERT_TRUE(written) << written.error().message;
    const auto picture = root() / "items" / "media" / exam_test::bank_files::tiny_png_name;
    EXPECT_TRUE(std::filesystem::exists(picture));
    EXPECT_FALSE(std::filesystem::exists(root() / "items" / "media" / (std::string(64, 'b') + ".png")));
    EXPECT_EQ(written->new_media, std::vector<std::string>{exam_test::bank_files::tiny_png_name});
    const auto loaded = item_bank::load_bank({root()});
    ASSERT_TRUE(loaded.bank) << loaded.errors[0].to_string();
    ASSERT_NE(loaded.bank->media(exam_test::bank_files::tiny_png_name), nullptr);
    EXPECT_EQ(loaded.bank->item("pic-1")->image->alt, "A dot");
    folder.remove(written.value());
    EXPECT_FALSE(std::filesystem::exists(picture));
    EXPECT_FALSE(std::filesystem::exists(root() / written->file));
}

TEST_F(BankFolderTest, APictureOfAFileTheBankWouldNotLoadWithIsNotLeftBehind) {
    const auto before = files_in(root());
    exam::services::BankFolder folder(root());
    auto r = folder.add_items(pictured_items_json("pic-2", "9.9"), "A/602/1359", 22,
                              {{exam_test::bank_files::tiny_png_name, exam_test::bank_files::tiny_png()}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().status, 422);
    EXPECT_EQ(files_in(root()), before);
}

TEST_F(BankFolderTest, AnItemWhosePictureTheImportLacksIsRefused) {
    exam::services::BankFolder folder(root());
    auto r = folder.add_items(pictured_items_json("pic-3", "1.1"), "A/602/1359", 23);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().status, 422);
    EXPECT_NE(r.error().message.find("is not there"), std::string::npos) << r.error().message;
}
