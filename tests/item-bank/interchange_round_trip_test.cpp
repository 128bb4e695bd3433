// Every unit of the sample bank exported to QTI 3.0, QTI 2.1 and Moodle XML and
// imported again gives back every field the model holds, item by item; and so
// do items made here with what the sample bank lacks (weights, feedback, fixed
// order, markup, several criteria, characters that mean something in XML).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "bundled_bank.hpp"
#include "item_bank/item_media.hpp"
#include "item_interchange/item_export.hpp"
#include "item_interchange/moodle_xml_reader.hpp"
#include "item_interchange/qti_package_reader.hpp"
#include "item_interchange/zip_archive.hpp"
#include "test_bank_files.hpp"

using namespace item_interchange;
using item_bank::Item;
using item_bank::ItemOption;

namespace {

const ExportFormat formats[] = {ExportFormat::qti30, ExportFormat::qti21, ExportFormat::moodle_xml};

FileReport round_trip(const ExportInput& input, ExportFormat format, const std::string& file) {
    const auto exported = export_items(input, format);
    EXPECT_FALSE(exported.bytes.empty());
    const ImportOptions options{input.unit->code, input.unit};
    return format == ExportFormat::moodle_xml ? read_moodle_xml(exported.bytes, file, options)
                                              : read_qti_package(exported.bytes, file, options);
}

// Moodle XML has one general feedback, which carries the rationale (or the
// general feedback when there is no rationale); read back it fills both.
std::string expected_feedback(const Item& original, ExportFormat format) {
    if (format != ExportFormat::moodle_xml) return original.feedback;
    return original.rationale.empty() ? original.feedback : original.rationale;
}

std::string expected_rationale(const Item& original, ExportFormat format) {
    if (format != ExportFormat::moodle_xml) return original.rationale;
    return original.rationale.empty() ? original.feedback : original.rationale;
}

void expect_same_picture(const std::optional<item_bank::ItemImage>& back, const std::optional<item_bank::ItemImage>& original,
                         const std::string& where) {
    ASSERT_EQ(back.has_value(), original.has_value()) << where;
    if (!original) return;
    EXPECT_EQ(back->media, original->media) << where;
    EXPECT_EQ(back->alt, original->alt) << where;
}

void expect_same(const Item& original, const ImportedItem& back, ExportFormat format, const std::string& file) {
    SCOPED_TRACE(original.id + " in " + std::string(to_string(format)));
    const Item& i = back.item;
    EXPECT_EQ(i.id, original.id);
    EXPECT_EQ(i.unit, original.unit);
    EXPECT_EQ(i.status, original.status) << (back.broken_rules.empty() ? "" : back.broken_rules[0]);
    EXPECT_TRUE(back.broken_rules.empty()) << (back.broken_rules.empty() ? "" : back.broken_rules.front());
    EXPECT_TRUE(back.warnings.empty()) << (back.warnings.empty() ? "" : back.warnings.front());
    EXPECT_EQ(i.type, original.type);
    EXPECT_EQ(i.criteria, original.criteria);
    EXPECT_EQ(i.stem, original.stem);
    expect_same_picture(i.image, original.image, "the stem");
    ASSERT_EQ(i.options.size(), original.options.size());
    for (std::size_t n = 0; n < i.options.size(); ++n) {
        const auto &a = i.options[n], &b = original.options[n];
        EXPECT_EQ(a.id, b.id);
        EXPECT_EQ(a.text, b.text);
        EXPECT_EQ(a.feedback, b.feedback);
        expect_same_picture(a.image, b.image, "option " + b.id);
        ASSERT_EQ(a.weight.has_value(), b.weight.has_value()) << "option " << b.id;
        if (b.weight) {
            EXPECT_NEAR(*a.weight, *b.weight, 1e-12) << "option " << b.id;
        }
    }
    EXPECT_EQ(i.key, original.key);
    EXPECT_EQ(i.choose, original.choose);
    EXPECT_EQ(i.shuffle_options, original.shuffle_options);
    EXPECT_EQ(i.rationale, expected_rationale(original, format));
    EXPECT_EQ(i.feedback, expected_feedback(original, format));
    // Source identity: the export it came from and, in it, the item's own id.
    ASSERT_TRUE(i.source.has_value());
    EXPECT_EQ(i.source->format, to_string(format));
    EXPECT_EQ(i.source->identifier, original.id);
    EXPECT_EQ(i.source->file, file);
}

void expect_round_trip(const ExportInput& input) {
    for (const auto format : formats) {
        const std::string file = "export." + std::string(format == ExportFormat::moodle_xml ? "xml" : "zip");
        const auto back = round_trip(input, format, file);
        ASSERT_FALSE(back.rejected) << back.error;
        EXPECT_TRUE(back.skipped.empty()) << (back.skipped.empty() ? "" : back.skipped.front().reason);
        ASSERT_EQ(back.imported.size(), input.items.size()) << to_string(format);
        for (std::size_t n = 0; n < input.items.size(); ++n) expect_same(*input.items[n], back.imported[n], format, file);
        // Every picture comes back byte for byte, and nothing else comes with them.
        std::set<std::string> shown;
        for (const auto* item : input.items) {
            for (const auto& m : item->media()) shown.insert(m);
        }
        EXPECT_EQ(back.media.size(), shown.size()) << to_string(format);
        for (const auto& name : shown) {
            ASSERT_TRUE(back.media.count(name)) << name << " in " << to_string(format);
            EXPECT_EQ(back.media.at(name), *input.media(name)) << name;
        }
    }
}

}  // namespace

TEST(InterchangeRoundTrip, EveryUnitOfTheSampleBankInEveryFormat) {
    const auto& bank = exam_test::bundled_bank();
    std::size_t units = 0, items = 0;
    for (const auto& unit : bank.units()) {
        ExportInput input{&unit, bank.items_of_unit(unit.code), bank.test_specification(unit.code), nullptr,
                          [&bank](const std::string& name) { return bank.media(name) ? bank.media(name)->bytes : nullptr; }};
        if (input.items.empty()) continue;
        SCOPED_TRACE(unit.code);
        expect_round_trip(input);
        ++units;
        items += input.items.size();
    }
    EXPECT_GE(units, 14u);
    EXPECT_GE(items, 700u);
}

TEST(InterchangeRoundTrip, WeightsFeedbackMarkupAndOrderComeBack) {
    item_bank::Unit unit;
    unit.code = "Z/000/0001";
    unit.title = "Round trip";
    unit.learning_outcomes = {{"1", "Know", {{"1.1", "state"}, {"1.2", "list"}}, ""}, {"2", "Do", {{"2.1", "show"}}, ""}};
    auto item = [&](std::string id) {
        Item i;
        i.id = std::move(id);
        i.status = item_bank::ItemStatus::live;
        i.unit = unit.code;
        i.criteria = {"1.1"};
        i.rationale = "Because the unit content says so.";
        return i;
    };
    Item single = item("Z-1");
    single.stem =
        "Line one\nline **two *both* end** and \\* a star, a \\\\ backslash & 2 < 3 > 1 \"quoted\" caf\xC3\xA9 ]]> end\n\n"
        "Second paragraph with *emphasis* and **strong**.";
    single.options = {ItemOption{"A", "Right **here**", 1.0, "Well done & more."}, ItemOption{"B", "Half", 0.5, "Nearly.\n\nTry again."},
                      ItemOption{"C", "Wrong", -0.25}, ItemOption{"D", "Also wrong", 0.0}};
    single.key = {"A"};
    single.shuffle_options = false;
    single.criteria = {"2.1", "1.2"};
    single.feedback = "Because the unit content says so.";

    Item weighted = item("Z-2");
    weighted.type = item_bank::ResponseType::multiple;
    weighted.stem = "Which **two**?";
    weighted.options = {ItemOption{"A", "one", 0.5}, ItemOption{"B", "two", 0.5}, ItemOption{"C", "three", -0.5},
                        ItemOption{"D", "four", 0.0}, ItemOption{"E", "five", 0.0}};
    weighted.key = {"A", "B"};
    weighted.choose = 2;

    Item all_or_nothing = item("Z-3");
    all_or_nothing.type = item_bank::ResponseType::multiple;
    all_or_nothing.stem = "Which three?";
    all_or_nothing.options = {ItemOption{"A", "one"}, ItemOption{"B", "two"}, ItemOption{"C", "three"}, ItemOption{"D", "four"}};
    all_or_nothing.key = {"A", "C", "D"};
    all_or_nothing.choose = 3;

    expect_round_trip(ExportInput{&unit, {&single, &weighted, &all_or_nothing}, nullptr, nullptr, {}});
}

TEST(InterchangeRoundTrip, PicturesInStemsAndOptionsComeBackWithTheirAltText) {
    item_bank::Unit unit;
    unit.code = "Z/000/0001";
    unit.learning_outcomes = {{"1", "Know", {{"1.1", "state"}}, ""}};
    const std::string dot = exam_test::bank_files::tiny_png();
    const std::string other = dot + std::string("\0", 1);  // still a PNG by its bytes, another hash
    std::map<std::string, std::shared_ptr<const std::string>> media = {
        {item_bank::media_name(dot, item_bank::ImageType::png), std::make_shared<const std::string>(dot)},
        {item_bank::media_name(other, item_bank::ImageType::png), std::make_shared<const std::string>(other)}};
    const auto dot_name = media.begin()->first, other_name = std::next(media.begin())->first;
    Item i;
    i.id = "Z-P";
    i.status = item_bank::ItemStatus::live;
    i.unit = unit.code;
    i.criteria = {"1.1"};
    i.stem = "Which sign means **information**?";
    i.image = item_bank::ItemImage{dot_name, "Four signs in a row: \"i\", \"P\", \"+\" & \"WC\" <left to right>"};
    i.options = {ItemOption{"A", "", std::nullopt, "", item_bank::ItemImage{other_name, "A blue square with a white i"}},
                 ItemOption{"B", "The second sign", std::nullopt, "", item_bank::ItemImage{dot_name, "A white P on blue"}},
                 ItemOption{"C", "Neither"}};
    i.key = {"A"};
    i.rationale = "The letter i stands for information.";
    Item plain = i;
    plain.id = "Z-Q";
    plain.image.reset();  // the same pictures shown by two items are written once
    plain.stem = "Which again?";
    ExportInput input{&unit, {&i, &plain}, nullptr, nullptr, [&media](const std::string& name) {
                          auto it = media.find(name);
                          return it == media.end() ? nullptr : it->second;
                      }};
    expect_round_trip(input);
    const auto package = export_items(input, ExportFormat::qti30);
    ASSERT_EQ(package.warnings.size(), 1u);  // only that the unit has no test to write
    EXPECT_NE(package.warnings[0].message.find("no test specification"), std::string::npos);
    const ZipReader zip(package.bytes, "export.zip");
    EXPECT_EQ(zip.names().size(), 1u + 2u + 2u);  // the manifest, two items, two pictures
}

TEST(InterchangeRoundTrip, APictureTheBankLacksIsAWarningNotABrokenFile) {
    item_bank::Unit unit;
    unit.code = "Z/000/0001";
    unit.learning_outcomes = {{"1", "Know", {{"1.1", "state"}}, ""}};
    Item i;
    i.id = "Z-M";
    i.unit = unit.code;
    i.criteria = {"1.1"};
    i.stem = "Which?";
    i.image = item_bank::ItemImage{std::string(64, 'a') + ".png", "gone"};
    i.options = {ItemOption{"A", "one"}, ItemOption{"B", "two"}, ItemOption{"C", "three"}};
    i.key = {"B"};
    for (const auto format : formats) {
        const auto r = export_items(ExportInput{&unit, {&i}, nullptr, nullptr, {}}, format);
        EXPECT_FALSE(r.bytes.empty());
        EXPECT_TRUE(std::any_of(r.warnings.begin(), r.warnings.end(), [](const ExportWarning& w) {
            return w.item == "Z-M" && w.message.find("is not in the bank") != std::string::npos;
        })) << to_string(format);
    }
}

TEST(InterchangeRoundTrip, QtiKeepsAGeneralFeedbackApartFromTheRationale) {
    item_bank::Unit unit;
    unit.code = "Z/000/0001";
    unit.learning_outcomes = {{"1", "Know", {{"1.1", "state"}}, ""}};
    Item i;
    i.id = "Z-9";
    i.status = item_bank::ItemStatus::live;
    i.unit = unit.code;
    i.criteria = {"1.1"};
    i.stem = "Which?";
    i.options = {ItemOption{"A", "one"}, ItemOption{"B", "two"}, ItemOption{"C", "three"}};
    i.key = {"B"};
    i.rationale = "Two is right.";
    i.feedback = "See the handbook.";
    for (const auto format : {ExportFormat::qti30, ExportFormat::qti21}) {
        const auto back = round_trip(ExportInput{&unit, {&i}, nullptr, nullptr, {}}, format, "export.zip");
        ASSERT_EQ(back.imported.size(), 1u) << back.error;
        EXPECT_EQ(back.imported[0].item.rationale, "Two is right.");
        EXPECT_EQ(back.imported[0].item.feedback, "See the handbook.");
    }
}
