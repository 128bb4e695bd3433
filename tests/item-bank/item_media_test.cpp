// Pictures in items: accepted by their bytes (PNG, JPEG, GIF; never SVG), at
// most 2 MB, named by their SHA-256; the loader reads each from the media
// folder beside its items file and refuses a bank whose pictures do not match.
#include <gtest/gtest.h>

#include "item_bank/bank.hpp"
#include "item_bank/item_media.hpp"
#include "item_bank/item_validation.hpp"
#include "temp_dir.hpp"
#include "test_bank_files.hpp"

using namespace item_bank;
using exam_test::TempDir;
using namespace exam_test::bank_files;

namespace {

std::string replace_first(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
}

// item_json's item with a picture after the stem and, optionally, as option B.
std::string item_with_picture(const std::string& id, const std::string& media, const std::string& alt_member,
                              bool option_picture = false) {
    std::string item = item_json(id, "1.1");
    item = replace_first(item, R"("options")", R"("image": { "media": ")" + media + "\"" + alt_member + R"( }, "options")");
    if (option_picture) {
        item = replace_first(item, R"({ "id": "B", "text": "second" })",
                             R"({ "id": "B", "image": { "media": ")" + media + R"(", "alt": "a dot" } })");
    }
    return item;
}

LoadResult load_with_media(const std::string& items, const std::string& media_name, const std::string& bytes) {
    TempDir dir;
    dir.write("spec.json", spec_json);
    dir.write("items/t.json", items);
    if (!media_name.empty()) dir.write("items/media/" + media_name, bytes);
    return load_bank({dir.path()});
}

}  // namespace

TEST(ItemMedia, KnowsTheThreeTypesByTheirFirstBytes) {
    EXPECT_EQ(detect_image_type(tiny_png()), ImageType::png);
    EXPECT_EQ(detect_image_type("\xFF\xD8\xFF\xE0rest of a jpeg"), ImageType::jpeg);
    EXPECT_EQ(detect_image_type("GIF89a...."), ImageType::gif);
    EXPECT_EQ(detect_image_type("GIF87a...."), ImageType::gif);
    EXPECT_FALSE(detect_image_type("<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"));
    EXPECT_FALSE(detect_image_type("\x89PNG"));  // cut short of the signature
    EXPECT_FALSE(detect_image_type(""));
    EXPECT_EQ(media_type(ImageType::jpeg), "image/jpeg");
    EXPECT_EQ(extension(ImageType::jpeg), "jpg");
}

TEST(ItemMedia, SaysWhyBytesCannotBeAPicture) {
    EXPECT_FALSE(image_problem(tiny_png()));
    EXPECT_NE(image_problem("<?xml version='1.0'?><svg onload='x()'/>")->find("SVG is not accepted"), std::string::npos);
    EXPECT_NE(image_problem("ID3 an mp3")->find("expected a PNG, JPEG or GIF"), std::string::npos);
    EXPECT_NE(image_problem("")->find("empty"), std::string::npos);
    std::string big = tiny_png();
    big.resize(max_image_bytes + 1, '\0');
    EXPECT_NE(image_problem(big)->find("more than the 2097152 (2 MB)"), std::string::npos);
    big.resize(max_image_bytes);
    EXPECT_FALSE(image_problem(big));
}

TEST(ItemMedia, NamesAFileByTheHashOfItsBytes) {
    EXPECT_EQ(media_name(tiny_png(), ImageType::png), tiny_png_name);
    EXPECT_EQ(media_name_type(tiny_png_name), ImageType::png);
    EXPECT_EQ(media_name_type(std::string(64, 'a') + ".gif"), ImageType::gif);
    EXPECT_FALSE(media_name_type(std::string(64, 'A') + ".png"));  // upper case is not the canonical spelling
    EXPECT_FALSE(media_name_type(std::string(63, 'a') + ".png"));
    EXPECT_FALSE(media_name_type(std::string(64, 'a') + ".svg"));
    EXPECT_FALSE(media_name_type("../" + std::string(61, 'a') + ".png"));
}

TEST(ItemMedia, ALoadedBankHoldsThePicturesItsItemsShow) {
    const auto r = load_with_media(items_file({item_with_picture("I1", tiny_png_name, R"(, "alt": "a dot")", true),
                                               item_json("I2", "1.2")}),
                                   tiny_png_name, tiny_png());
    ASSERT_TRUE(r.bank) << (r.errors.empty() ? "" : r.errors[0].to_string());
    const Item* item = r.bank->item("I1");
    ASSERT_TRUE(item->image);
    EXPECT_EQ(item->image->alt, "a dot");
    ASSERT_TRUE(item->options[1].image);
    EXPECT_EQ(item->options[1].text, "");
    EXPECT_EQ(item->media(), (std::vector<std::string>{tiny_png_name, tiny_png_name}));
    const MediaFile* file = r.bank->media(tiny_png_name);
    ASSERT_NE(file, nullptr);
    EXPECT_EQ(*file->bytes, tiny_png());
    EXPECT_EQ(file->type, ImageType::png);
    EXPECT_EQ(r.bank->media(std::string(64, 'a') + ".png"), nullptr);
}

TEST(ItemMedia, APictureMissingChangedOrMisnamedLoadsNothing) {
    const std::string items = items_file({item_with_picture("I1", tiny_png_name, R"(, "alt": "a dot")")});
    auto missing = load_with_media(items, "", "");
    EXPECT_FALSE(missing.bank);
    EXPECT_TRUE(has_error(missing, "t.json", "/items/0/image/media", "is not there"));

    std::string changed = tiny_png();
    changed.back() = 'X';
    auto edited = load_with_media(items, tiny_png_name, changed);
    EXPECT_FALSE(edited.bank);
    EXPECT_TRUE(has_error(edited, "t.json", "/items/0/image/media", "does not match its name"));

    const std::string gif_name = sha256_hex(tiny_png()) + ".gif";
    auto misnamed = load_with_media(items_file({item_with_picture("I1", gif_name, R"(, "alt": "a dot")")}), gif_name, tiny_png());
    EXPECT_TRUE(has_error(misnamed, "t.json", "/items/0/image/media", "holds image/png bytes, but its name says image/gif"));

    const std::string svg = "<svg xmlns='http://www.w3.org/2000/svg'/>";
    const std::string svg_name = sha256_hex(svg) + ".png";
    auto script = load_with_media(items_file({item_with_picture("I1", svg_name, R"(, "alt": "a dot")")}), svg_name, svg);
    EXPECT_TRUE(has_error(script, "t.json", "/items/0/image/media", "SVG is not accepted"));

    auto bad_name = load_with_media(items_file({item_with_picture("I1", "../secret.png", R"(, "alt": "a dot")")}), "", "");
    EXPECT_TRUE(has_error(bad_name, "t.json", "/items/0/image/media", "expected a media file name"));
}

TEST(ItemMedia, APictureWithoutAltTextKeepsAnItemFromGoingLive) {
    auto live = load_with_media(items_file({item_with_picture("I1", tiny_png_name, "")}), tiny_png_name, tiny_png());
    EXPECT_FALSE(live.bank);
    EXPECT_TRUE(has_error(live, "t.json", "/items/0/image/alt", "needs alt text"));

    auto draft = load_with_media(items_file({replace_first(item_with_picture("I1", tiny_png_name, ""), R"("live")", R"("draft")"),
                                             item_json("I2", "1.2")}),
                                 tiny_png_name, tiny_png());
    ASSERT_TRUE(draft.bank) << (draft.errors.empty() ? "" : draft.errors[0].to_string());
    ASSERT_EQ(draft.draft_rules.size(), 1u);
    EXPECT_EQ(draft.draft_rules[0].pointer, "/items/0/image/alt");
    EXPECT_NE(draft.draft_rules[0].message.find("rule image-alt"), std::string::npos);
}

TEST(ItemMedia, AnOptionNeedsTextOrAPictureAndTwoPicturesMakeTwoOptions) {
    Item item;
    item.id = "I1";
    item.criteria = {"1.1"};
    item.stem = "Which sign?";
    item.options = {{"A", ""}, {"B", "", std::nullopt, "", ItemImage{tiny_png_name, "a dot"}},
                    {"C", "", std::nullopt, "", ItemImage{std::string(64, 'a') + ".png", "a ring"}}};
    item.key = {"B"};
    item.rationale = "because";
    auto problems = validate_item(item, nullptr);
    auto has = [&](const std::string& pointer, const std::string& text) {
        return std::any_of(problems.begin(), problems.end(), [&](const ItemProblem& p) {
            return p.pointer == pointer && p.message.find(text) != std::string::npos;
        });
    };
    EXPECT_TRUE(has("/options/0/text", "needs text, a picture or both"));
    EXPECT_FALSE(has("/options/2/text", "same text"));
    item.options[2].image->media = tiny_png_name;
    problems = validate_item(item, nullptr);
    EXPECT_TRUE(has("/options/2/text", "two options have the same text"));
}

TEST(ItemMedia, APictureIsPartOfTheCanonicalTextOnlyWhenThere) {
    Item item;
    item.id = "I1";
    item.stem = "Which?";
    item.options = {{"A", "one"}};
    const std::string plain = canonical_item_text(item);
    EXPECT_EQ(plain.find("image="), std::string::npos);
    item.image = ItemImage{tiny_png_name, "a dot"};
    const std::string with_picture = canonical_item_text(item);
    EXPECT_NE(with_picture.find(tiny_png_name), std::string::npos);
    item.image->alt = "a larger dot";
    EXPECT_NE(canonical_item_text(item), with_picture);
}
