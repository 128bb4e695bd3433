// Format detection and the conversion of source HTML into safe text.
#include <gtest/gtest.h>

#include "item_bank/safe_text.hpp"
#include "item_interchange/format_detection.hpp"
#include "item_interchange/html_to_safe_text.hpp"

using namespace item_interchange;

TEST(FormatDetection, IsJudgedFromTheContentNotTheName) {
    EXPECT_EQ(detect_format("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!-- x -->\n<quiz>"),
              SourceFormat::moodle_xml);
    EXPECT_EQ(detect_format("<?xml version=\"1.0\"?><assessmentItem xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\">"),
              SourceFormat::qti);
    EXPECT_EQ(detect_format("<qti-assessment-item xmlns=\"http://www.imsglobal.org/xsd/imsqtiasi_v3p0\">"),
              SourceFormat::qti);
    EXPECT_EQ(detect_format(std::string("PK\x03\x04rest", 8)), SourceFormat::zip_package);
    EXPECT_EQ(detect_format("// comment\n::T::Q {=a ~b}"), SourceFormat::gift);
    EXPECT_EQ(detect_format("<html><body>{}</body></html>"), SourceFormat::unknown);
    EXPECT_EQ(detect_format("just text"), SourceFormat::unknown);
}

TEST(HtmlToSafeText, KeepsParagraphsBreaksAndEmphasisAndDecodesReferences) {
    const auto c = html_to_safe_text("<p>One <strong>two</strong><br/>three &amp; &lt;4&gt; &#233;&#x41;</p><p>Next *</p>");
    EXPECT_EQ(c.text, "One **two**\nthree & <4> \xC3\xA9" "A\n\nNext \\*");
    EXPECT_TRUE(c.warnings.empty());
    EXPECT_TRUE(std::holds_alternative<item_bank::SafeText>(item_bank::parse_safe_text(c.text)));
}

TEST(HtmlToSafeText, ScriptsStylesAndAttributesNeverPass) {
    const auto c = html_to_safe_text(
        "<div onclick=\"steal()\" style=\"color:red\">Hi<script type=\"x\">alert('<b>')</script>"
        "<style>p{}</style><!-- <b>hidden</b> --> <img src=x onerror=alert(1)> there</div>");
    EXPECT_EQ(c.text, "Hi there");
    EXPECT_EQ(c.text.find("alert"), std::string::npos);
    EXPECT_EQ(c.warnings.size(), 2u);  // script, style
    // The picture is listed for the reader to fetch and check; its event handler is gone with the tag.
    ASSERT_EQ(c.pictures.size(), 1u);
    EXPECT_EQ(c.pictures[0].src, "x");
    EXPECT_EQ(c.pictures[0].alt, "");
}

TEST(HtmlToSafeText, ElementNamesAreReadWholeWithHyphensAndPrefixes) {
    // Read only up to the first '-' (or ':'), all three were once reported as "qti" or "m" elements.
    const auto c = html_to_safe_text("<p>A <qti-printed-variable identifier=\"X\"/> b</p><m:math>x</m:math>"
                                     "<custom-element data-x=\"1\">y</custom-element>");
    EXPECT_EQ(c.text, "A b\n\nxy");
    EXPECT_EQ(c.warnings, (std::vector<std::string>{
                              "an unsupported qti-printed-variable element was dropped (its text kept)",
                              "an unsupported m:math element was dropped (its text kept)",
                              "an unsupported custom-element element was dropped (its text kept)",
                          }));
}

TEST(HtmlToSafeText, AScriptIsDroppedWholeWhateverTheCaseAndAHyphenatedNameIsNotAScript) {
    const auto c = html_to_safe_text("a<SCRIPT>alert(1)</SCRIPT>b<script-like>c</script-like>");
    EXPECT_EQ(c.text, "abc");
    EXPECT_EQ(c.warnings, (std::vector<std::string>{"dropped a script element",
                                                    "an unsupported script-like element was dropped (its text kept)"}));
}
