// The exports on items made here: what each target holds, in the places the
// importers (ours and other systems') read, and a warning for each thing it
// cannot hold.
#include <gtest/gtest.h>

#include <algorithm>

#include "item_interchange/item_export.hpp"
#include "item_interchange/moodle_xml_reader.hpp"
#include "item_interchange/zip_archive.hpp"

using namespace item_interchange;
using item_bank::Item;
using item_bank::ItemOption;

namespace {

item_bank::Unit unit() {
    item_bank::Unit u;
    u.code = "T/000/0001";
    u.title = "Test unit";
    u.learning_outcomes = {{"1", "Know", {{"1.1", "state"}, {"1.2", "list"}}, ""}, {"2", "Do", {{"2.1", "show"}}, ""}};
    return u;
}

Item weighted_multiple() {
    Item i;
    i.id = "T-1";
    i.status = item_bank::ItemStatus::live;
    i.type = item_bank::ResponseType::multiple;
    i.unit = "T/000/0001";
    i.criteria = {"2.1", "1.2"};
    i.stem = "Which **two** are right?";
    i.options = {ItemOption{"A", "one", 0.5, "Half right."}, ItemOption{"B", "two", 0.5}, ItemOption{"C", "three", -0.35},
                 ItemOption{"D", "four", 0.0}};
    i.key = {"A", "B"};
    i.choose = 2;
    i.rationale = "Because.";
    i.feedback = "General.";
    i.shuffle_options = false;
    return i;
}

bool has_warning(const ExportResult& r, const std::string& item, const std::string& part) {
    return std::any_of(r.warnings.begin(), r.warnings.end(),
                       [&](const ExportWarning& w) { return w.item == item && w.message.find(part) != std::string::npos; });
}

std::string entry(const std::string& zip, const std::string& name) {
    ZipReader reader(zip, "export.zip");
    std::string error;
    auto content = reader.read(name, error);
    EXPECT_TRUE(content.has_value()) << error << reader.error();
    return content.value_or("");
}

}  // namespace

TEST(MoodleXmlExport, WeightsFeedbackTagsAndWhatMoodleCannotHold) {
    const auto u = unit();
    const Item item = weighted_multiple();
    const auto r = write_moodle_xml(ExportInput{&u, {&item}, nullptr, nullptr, {}});
    EXPECT_EQ(r.items, 1u);
    EXPECT_NE(r.bytes.find("<question type=\"category\">"), std::string::npos);
    EXPECT_NE(r.bytes.find("<text>$course$/top/T//000//0001 Test unit/LO 2</text>"), std::string::npos) << r.bytes;
    EXPECT_NE(r.bytes.find("<idnumber>T-1</idnumber>"), std::string::npos);
    EXPECT_NE(r.bytes.find("<answer fraction=\"-35\" format=\"html\">"), std::string::npos);
    EXPECT_NE(r.bytes.find("<text>AC:T/000/0001:2.1</text>"), std::string::npos);
    EXPECT_NE(r.bytes.find("<single>false</single>"), std::string::npos);
    EXPECT_NE(r.bytes.find("<shuffleanswers>false</shuffleanswers>"), std::string::npos);
    EXPECT_TRUE(has_warning(r, "T-1", "\"choose 2\" is not held"));
    EXPECT_TRUE(has_warning(r, "T-1", "weight -0.35 is not one of Moodle's grades"));
    EXPECT_TRUE(has_warning(r, "T-1", "the general feedback is not written"));

    // What our own importer reads back from it.
    const auto back = read_moodle_xml(r.bytes, "export.xml", ImportOptions{u.code, &u});
    ASSERT_FALSE(back.rejected) << back.error;
    ASSERT_EQ(back.imported.size(), 1u);
    const auto& i = back.imported[0].item;
    EXPECT_EQ(i.stem, item.stem);
    EXPECT_EQ(i.criteria, item.criteria);
    EXPECT_EQ(i.key, item.key);
    ASSERT_TRUE(i.options[2].weight.has_value());
    EXPECT_NEAR(*i.options[2].weight, -0.35, 1e-12);
    EXPECT_EQ(i.options[0].feedback, "Half right.");
    EXPECT_EQ(i.rationale, "Because.");
}

TEST(MoodleXmlExport, AnUnweightedMultipleResponseItemSplitsTheMarkAndIsTaggedAllOrNothing) {
    const auto u = unit();
    Item item = weighted_multiple();
    for (auto& o : item.options) o.weight.reset();
    item.feedback.clear();
    const auto r = write_moodle_xml(ExportInput{&u, {&item}, nullptr, nullptr, {}});
    EXPECT_NE(r.bytes.find("<answer fraction=\"50\" format=\"html\">"), std::string::npos);
    EXPECT_NE(r.bytes.find("<text>all-or-nothing</text>"), std::string::npos);
    EXPECT_TRUE(has_warning(r, "T-1", "equal share of the mark"));
    EXPECT_FALSE(has_warning(r, "T-1", "general feedback"));
}

TEST(MoodleXmlExport, TheTestAndTheReviewStatusAreReportedAsNotHeld) {
    const auto u = unit();
    Item item = weighted_multiple();
    item.status = item_bank::ItemStatus::retired;
    item_bank::TestSpecification spec;
    spec.unit = u.code;
    spec.item_count = 1;
    spec.duration_minutes = 10;
    spec.pass_mark = 1;
    const auto r = write_moodle_xml(ExportInput{&u, {&item}, &spec, nullptr, {}});
    EXPECT_TRUE(has_warning(r, "", "the test specification (1 items, 10 minutes, pass mark 1, blueprint) is not written"));
    EXPECT_TRUE(has_warning(r, "T-1", "status retired is not held"));
}

TEST(MoodleXmlExport, TextIsEscapedHtmlInCdata) {
    const auto u = unit();
    Item item = weighted_multiple();
    item.stem = "Is 2 < 3 && x]]>y *really* so?";
    const auto r = write_moodle_xml(ExportInput{&u, {&item}, nullptr, nullptr, {}});
    EXPECT_NE(r.bytes.find("<![CDATA[<p>Is 2 &lt; 3 &amp;&amp; x]]&gt;y <em>really</em> so?</p>]]>"), std::string::npos) << r.bytes;
    const auto back = read_moodle_xml(r.bytes, "export.xml", ImportOptions{u.code, &u});
    ASSERT_EQ(back.imported.size(), 1u) << back.error;
    EXPECT_EQ(back.imported[0].item.stem, item.stem);
}

TEST(QtiPackageExport, ManifestNamespacesResourceTypesAndCurriculumMetadataPerVersion) {
    const auto u = unit();
    const Item item = weighted_multiple();
    for (auto version : {ExportFormat::qti30, ExportFormat::qti21}) {
        const bool v3 = version == ExportFormat::qti30;
        const auto r = write_qti_package(ExportInput{&u, {&item}, nullptr, nullptr, {}}, version);
        ASSERT_TRUE(r.bytes.starts_with("PK\x03\x04"));
        ZipReader reader(r.bytes, "export.zip");
        ASSERT_EQ(reader.error(), "");
        EXPECT_EQ(reader.names(), (std::vector<std::string>{"imsmanifest.xml", "items/T-1.xml"}));
        const std::string manifest = entry(r.bytes, "imsmanifest.xml");
        EXPECT_NE(manifest.find(v3 ? "xmlns=\"http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1\""
                                   : "xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\""),
                  std::string::npos);
        EXPECT_NE(manifest.find(v3 ? "type=\"imsqti_item_xmlv3p0\"" : "type=\"imsqti_item_xmlv2p1\""), std::string::npos);
        if (v3) {
            EXPECT_NE(manifest.find("<csm:GUID>AC:T/000/0001:2.1</csm:GUID>"), std::string::npos) << manifest;
            EXPECT_NE(manifest.find("<csm:GUID>LO:T/000/0001:2</csm:GUID>"), std::string::npos);
        } else {
            EXPECT_NE(manifest.find("<lom:id>AC:T/000/0001:1.2</lom:id>"), std::string::npos) << manifest;
            EXPECT_NE(manifest.find("<lom:value>competency</lom:value>"), std::string::npos);
        }
        EXPECT_TRUE(has_warning(r, "", "no test specification"));

        const std::string xml = entry(r.bytes, "items/T-1.xml");
        EXPECT_NE(xml.find(v3 ? "lower-bound=\"0\" upper-bound=\"1\"" : "lowerBound=\"0\" upperBound=\"1\""), std::string::npos) << xml;
        EXPECT_NE(xml.find(v3 ? "max-choices=\"2\" min-choices=\"2\"" : "maxChoices=\"2\" minChoices=\"2\""), std::string::npos);
        EXPECT_NE(xml.find(v3 ? "map-key=\"C\" mapped-value=\"-0.35\"" : "mapKey=\"C\" mappedValue=\"-0.35\""), std::string::npos);
        EXPECT_NE(xml.find(v3 ? "rptemplates/map_response.xml" : "rptemplates/map_response\""), std::string::npos);
        EXPECT_NE(xml.find(v3 ? "<qti-rubric-block view=\"scorer\"" : "<rubricBlock view=\"scorer\">"), std::string::npos);
        EXPECT_NE(xml.find("shuffle=\"false\""), std::string::npos);
    }
}

TEST(QtiPackageExport, ATestPerSpecificationSelectsFromEachOutcomeAndAFormListsItsItems) {
    const auto u = unit();
    Item a = weighted_multiple(), b = weighted_multiple(), draft = weighted_multiple();
    a.criteria = {"1.1"};
    b.id = "T-2";
    draft.id = "T-3";
    draft.status = item_bank::ItemStatus::draft;
    item_bank::TestSpecification spec;
    spec.unit = u.code;
    spec.item_count = 2;
    spec.duration_minutes = 15;
    spec.pass_mark = 1;
    spec.blueprint = {{"1", 1, 1}, {"2", 1, 2}};
    spec.release = item_bank::ReleasePolicy::held;
    spec.forms = {item_bank::Form{"F-1", u.code, item_bank::FormStatus::published, {{"T-2", 1, {}}, {"T-1", 1, {}}}, std::nullopt}};
    const auto r = write_qti_package(ExportInput{&u, {&a, &b, &draft}, &spec, nullptr, {}}, ExportFormat::qti30);
    EXPECT_EQ(r.tests, 1u);
    const std::string test = entry(r.bytes, "tests/test-T-000-0001.xml");
    EXPECT_NE(test.find("<qti-time-limits max-time=\"900\"/>"), std::string::npos) << test;
    EXPECT_NE(test.find("identifier=\"LO-1\" title=\"LO 1 Know\" visible=\"false\" keep-together=\"false\""), std::string::npos);
    EXPECT_NE(test.find("<qti-selection select=\"1\"/>"), std::string::npos);
    EXPECT_EQ(test.find("T-3"), std::string::npos);  // drafts are never drawn
    EXPECT_NE(test.find("<qti-base-value base-type=\"float\">1</qti-base-value>"), std::string::npos);
    EXPECT_TRUE(has_warning(r, "", "become an exact number per learning outcome (LO 1 1, LO 2 1)"));
    EXPECT_TRUE(has_warning(r, "", "no place for a release policy"));
    EXPECT_NE(entry(r.bytes, "imsmanifest.xml").find("<dependency identifierref=\"T-2\"/>"), std::string::npos);

    const auto f = write_qti_package(ExportInput{&u, {&b, &a}, &spec, &spec.forms[0], {}}, ExportFormat::qti21);
    const std::string form = entry(f.bytes, "tests/F-1.xml");
    const auto second = form.find("identifier=\"T-2\" href=\"../items/T-2.xml\""), first = form.find("identifier=\"T-1\"");
    ASSERT_NE(second, std::string::npos) << form;
    EXPECT_LT(second, first);  // the form's order
}

TEST(QtiPackageExport, TheSameInputGivesTheSameBytes) {
    const auto u = unit();
    const Item item = weighted_multiple();
    const ExportInput input{&u, {&item}, nullptr, nullptr, {}};
    EXPECT_EQ(write_qti_package(input, ExportFormat::qti30).bytes, write_qti_package(input, ExportFormat::qti30).bytes);
}
