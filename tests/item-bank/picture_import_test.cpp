// Pictures on the way in: an <img> (or QTI 2.x's image <object>) in a stem or
// an option becomes the item's picture when its source carries the file (a
// package entry, a Moodle embedded file, a legacy image_base64), checked like
// any bank picture; anything else is a warning that names it, never a failure.
#include <gtest/gtest.h>

#include <algorithm>

#include "item_bank/item_media.hpp"
#include "item_interchange/gift_reader.hpp"
#include "item_interchange/html_to_safe_text.hpp"
#include "item_interchange/import_file.hpp"
#include "item_interchange/moodle_xml_reader.hpp"
#include "item_interchange/qti_item_reader.hpp"
#include "item_interchange/qti_package_reader.hpp"
#include "item_interchange/zip_archive.hpp"
#include "test_bank_files.hpp"

using namespace item_interchange;
using exam_test::bank_files::tiny_png;
using exam_test::bank_files::tiny_png_name;

namespace {

const char* const tiny_png_base64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

item_bank::Unit unit() {
    item_bank::Unit u;
    u.code = "T/000/0001";
    u.learning_outcomes = {{"1", "Know", {{"1.1", "state"}}, ""}};
    return u;
}

ImportOptions options() {
    static const item_bank::Unit u = unit();
    return ImportOptions{u.code, &u};
}

bool has_warning(const std::vector<std::string>& warnings, const std::string& text) {
    return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

std::string moodle_question(const std::string& question_text, const std::string& answer_a, const std::string& extra = "") {
    return R"(<quiz><question type="multichoice"><name><text>Q</text></name><idnumber>q1</idnumber>
      <questiontext format="html"><text><![CDATA[)" + question_text + R"(]]></text>)" + extra + R"(</questiontext>
      <answer fraction="100" format="html"><text><![CDATA[)" + answer_a + R"(]]></text>
        <file name="dot one.png" path="/" encoding="base64">)" + tiny_png_base64 + R"(</file></answer>
      <answer fraction="0"><text>two</text></answer><answer fraction="0"><text>three</text></answer>
      <generalfeedback format="html"><text>Because.</text></generalfeedback>
      <tags><tag><text>AC:T/000/0001:1.1</text></tag></tags></question></quiz>)";
}

// A QTI 2.1 item whose stem shows `stem_picture` and whose option A holds `option_a`.
std::string qti_item(const std::string& stem_picture, const std::string& option_a) {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="q1" title="Q1" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>A</value></correctResponse></responseDeclaration>
  <itemBody><p>Which sign?</p>)" + stem_picture + R"(
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1">
      <simpleChoice identifier="A">)" + option_a + R"(</simpleChoice><simpleChoice identifier="B">Two</simpleChoice>
      <simpleChoice identifier="C">Three</simpleChoice></choiceInteraction>
    <rubricBlock view="scorer"><p>A is right.</p></rubricBlock></itemBody>
  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>
</assessmentItem>)";
}

std::string qti_package(const std::string& item, std::vector<ZipEntry> files) {
    const std::string manifest = R"(<?xml version="1.0" encoding="UTF-8"?>
<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="m"><organizations/><resources>
  <resource identifier="q1" type="imsqti_item_xmlv2p1" href="items/q1.xml"><file href="items/q1.xml"/></resource>
</resources></manifest>)";
    files.insert(files.begin(), {{"imsmanifest.xml", manifest}, {"items/q1.xml", item}});
    return write_zip(files);
}

}  // namespace

TEST(PictureImport, HtmlPicturesAreListedWithTheirAltTextAndOtherMediaAreWarnings) {
    const auto c = html_to_safe_text(
        "<p>A <IMG SRC='media/a.png' ALT=\"Fish &amp; chips\"/> b <img src=plain.gif alt=x>"
        "<object type=\"image/png\" data=\"b.png\"> A  ring </object>"
        "<object type=\"audio/mpeg\" data=\"s.mp3\">Listen</object><video src=\"v.mp4\"></video></p>");
    ASSERT_EQ(c.pictures.size(), 3u);
    EXPECT_EQ(c.pictures[0].src, "media/a.png");
    EXPECT_EQ(c.pictures[0].alt, "Fish & chips");
    EXPECT_EQ(c.pictures[1].src, "plain.gif");
    EXPECT_EQ(c.pictures[2].src, "b.png");
    EXPECT_EQ(c.pictures[2].alt, "A  ring");  // the object's content is its alternative, not text of the stem
    EXPECT_EQ(c.text, "A b Listen");
    EXPECT_TRUE(has_warning(c.warnings, "an object of type \"audio/mpeg\" was not kept"));
    EXPECT_TRUE(has_warning(c.warnings, "a video element was not kept: only pictures (PNG, JPEG, GIF) are"));
}

TEST(PictureImport, MoodlePluginFilesBecomeTheStemAndOptionPictures) {
    const auto r = read_moodle_xml(
        moodle_question("<p>Look:</p><img src=\"@@PLUGINFILE@@/sub/chart.png\" alt=\"A chart\">",
                        "<img src=\"@@PLUGINFILE@@/dot%20one.png\" alt=\"A dot\">",
                        std::string("<file name=\"chart.png\" path=\"/sub/\" encoding=\"base64\">\n") + tiny_png_base64 + "\n</file>"),
        "quiz.xml", options());
    ASSERT_FALSE(r.rejected) << r.error;
    ASSERT_EQ(r.imported.size(), 1u);
    const auto& item = r.imported[0].item;
    ASSERT_TRUE(item.image);
    EXPECT_EQ(item.image->media, tiny_png_name);
    EXPECT_EQ(item.image->alt, "A chart");
    EXPECT_EQ(item.stem, "Look:");
    ASSERT_TRUE(item.options[0].image);
    EXPECT_EQ(item.options[0].image->alt, "A dot");
    EXPECT_EQ(item.options[0].text, "");
    EXPECT_EQ(item.status, item_bank::ItemStatus::live) << (r.imported[0].broken_rules.empty() ? "" : r.imported[0].broken_rules[0]);
    ASSERT_EQ(r.media.size(), 1u);
    EXPECT_EQ(r.media.at(tiny_png_name), tiny_png());
}

TEST(PictureImport, AMoodlePictureThatCannotBeKeptIsAWarningNamingIt) {
    const std::string svg_base64 = "PHN2ZyBvbmxvYWQ9J3gnLz4=";  // <svg onload='x'/>
    const auto r = read_moodle_xml(
        moodle_question("<p>Q</p><img src=\"@@PLUGINFILE@@/s.svg\" alt=\"s\"><img src=\"@@PLUGINFILE@@/dot%20one.png\">",
                        "one <img src=\"https://example.org/x.png\" alt=\"x\">",
                        "<file name=\"s.svg\" path=\"/\" encoding=\"base64\">" + svg_base64 + "</file>"),
        "quiz.xml", options());
    ASSERT_EQ(r.imported.size(), 1u);
    const auto& w = r.imported[0].warnings;
    EXPECT_TRUE(has_warning(w, "the picture \"@@PLUGINFILE@@/s.svg\" in the stem was not kept: SVG is not accepted"));
    EXPECT_TRUE(has_warning(w, "the picture \"@@PLUGINFILE@@/dot%20one.png\" in the stem was not kept: only the first picture"));
    EXPECT_TRUE(has_warning(w, "the picture \"https://example.org/x.png\" in option A was not kept: it is not one of the "
                               "question's embedded files"));
    EXPECT_FALSE(r.imported[0].item.image);
    EXPECT_TRUE(r.media.empty());
}

TEST(PictureImport, AMoodleLegacyImageIsTheStemPictureWaitingForItsAltText) {
    std::string quiz = moodle_question("<p>Q</p>", "one");
    quiz.insert(quiz.find("<tags>"), std::string("<image>old.png</image><image_base64>") + tiny_png_base64 + "</image_base64>");
    const auto r = read_moodle_xml(quiz, "quiz.xml", options());
    ASSERT_EQ(r.imported.size(), 1u);
    const auto& i = r.imported[0];
    ASSERT_TRUE(i.item.image);
    EXPECT_EQ(i.item.image->alt, "");
    EXPECT_EQ(i.item.status, item_bank::ItemStatus::draft);
    EXPECT_TRUE(has_warning(i.broken_rules, "image-alt: a picture needs alt text"));
}

TEST(PictureImport, APackageItemKeepsPicturesItsEntriesHold) {
    const auto r = read_qti_package(
        qti_package(qti_item("<p><img src=\"../media/dot.png\" alt=\"A dot\"/></p>",
                             "<object type=\"image/png\" data=\"../media/dot.png\">The same dot</object>"),
                    {{"media/dot.png", tiny_png()}}),
        "pkg.zip", options());
    ASSERT_FALSE(r.rejected) << r.error;
    ASSERT_EQ(r.imported.size(), 1u);
    const auto& item = r.imported[0].item;
    ASSERT_TRUE(item.image);
    EXPECT_EQ(item.image->alt, "A dot");
    ASSERT_TRUE(item.options[0].image);
    EXPECT_EQ(item.options[0].image->alt, "The same dot");
    EXPECT_EQ(r.media.size(), 1u);
    EXPECT_TRUE(r.warnings.empty()) << r.warnings[0];
}

TEST(PictureImport, APackagePictureOutsideThePackageOrMissingOrNotAPictureIsNotRead) {
    const auto r = read_qti_package(
        qti_package(qti_item("<img src=\"../../etc/passwd\" alt=\"x\"/>", "One <img src=\"gone.png\" alt=\"g\"/>"),
                    {{"items/fake.png", "GIF89a but really text"}}),
        "pkg.zip", options());
    ASSERT_FALSE(r.rejected) << r.error;
    ASSERT_EQ(r.imported.size(), 1u);
    const auto& w = r.imported[0].warnings;
    EXPECT_TRUE(has_warning(w, "the picture \"../../etc/passwd\" in the stem was not kept:")) << w[0];
    EXPECT_TRUE(has_warning(w, "the picture \"gone.png\" in option A was not kept: the package holds no file items/gone.png"));
    EXPECT_FALSE(r.imported[0].item.image);
    EXPECT_TRUE(r.media.empty());

    const auto fake = read_qti_package(qti_package(qti_item("<img src=\"fake.png\" alt=\"f\"/>", "One"),
                                                   {{"items/fake.png", "<svg/>"}}),
                                       "pkg.zip", options());
    EXPECT_TRUE(has_warning(fake.imported.at(0).warnings, "in the stem was not kept: SVG is not accepted"));
}

TEST(PictureImport, AnItemFileAloneOrAGiftFileKeepsNoPicture) {
    const auto alone = read_qti_item(qti_item("<img src=\"dot.png\" alt=\"d\"/>", "One"), "q1.xml", options());
    ASSERT_EQ(alone.imported.size(), 1u);
    EXPECT_TRUE(has_warning(alone.imported[0].warnings, "an item file read alone does not carry its pictures"));
    const auto gift = read_gift("[html]Which? <img src=\"http://x/y.png\"> {=a ~b ~c}\n", "q.gift", options());
    ASSERT_EQ(gift.imported.size(), 1u);
    EXPECT_TRUE(has_warning(gift.imported[0].warnings, "a GIFT file carries no files"));
}

TEST(PictureImport, TheReportListsEachItemsPicturesAndDropsThoseOfSkippedQuestions) {
    const std::string quiz = moodle_question("<p>Q</p>", "<img src=\"@@PLUGINFILE@@/dot%20one.png\" alt=\"A dot\">");
    const auto r = import_file(quiz, "quiz.xml", options());
    const std::string json = import_report_json({r});
    EXPECT_NE(json.find(std::string("\"pictures\":[\"") + tiny_png_name + "\"]"), std::string::npos) << json;
    EXPECT_EQ(r.media.size(), 1u);
    // The same picture on a question that cannot be imported is not carried along.
    std::string skipped = quiz;
    skipped.replace(skipped.find("fraction=\"100\""), 14, "fraction=\"abc\"");
    EXPECT_TRUE(import_file(skipped, "quiz.xml", options()).media.empty());
}
