// Issue 11's "done when", end to end: a QTI 3.0 package from another system
// (TAO-shaped: a folder per item, its picture beside it, no AC metadata, no
// scorer's note) and a Moodle XML question bank export are each imported with
// one command; the reports account for every question; the unmapped items
// are mapped (exam-admin map), the bank validates, and a candidate sits a
// test built from them through the real server, picture included.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

#include "cli.hpp"
#include "item_interchange/zip_archive.hpp"
#include "server_fixture.hpp"
#include "services/attempt_service.hpp"
#include "test_bank_files.hpp"

namespace {
namespace json = boost::json;

struct Run {
    int code;
    std::string out;
};

Run run_exam_admin(std::vector<std::string> args) {
    std::ostringstream out, err;
    const int code = exam_admin::run_cli(args, {out, err});
    return {code, out.str() + err.str()};
}

std::string qti3_choice(const std::string& id, const std::string& body, const std::string& choices, const std::string& key,
                        int max_choices = 1) {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier=")" + id + R"(" title=")" + id +
           R"(" adaptive="false" time-dependent="false">
  <qti-response-declaration identifier="RESPONSE" cardinality=")" + (max_choices == 1 ? "single" : "multiple") +
           R"(" base-type="identifier"><qti-correct-response>)" + key + R"(</qti-correct-response></qti-response-declaration>
  <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>
  <qti-item-body>)" + body + R"(
    <qti-choice-interaction response-identifier="RESPONSE" shuffle="true" max-choices=")" + std::to_string(max_choices) +
           R"(">)" + choices + R"(</qti-choice-interaction></qti-item-body>
  <qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct"/>
</qti-assessment-item>)";
}

std::string foreign_qti30_package() {
    const std::string chart = qti3_choice(
        "i-chart",
        R"(<p>The chart shows calls arriving each hour at a contact centre, and the calls its advisers can answer.</p>
    <p><img src="chart.png" alt="Calls per hour: 9am 40, 10am 60, 11am 90, 12pm 120, 1pm 80; the advisers can answer 80 an hour."/></p>)",
        R"(<qti-simple-choice identifier="c1">9am to 10am</qti-simple-choice><qti-simple-choice identifier="c2">11am to 1pm</qti-simple-choice>
      <qti-simple-choice identifier="c3">1pm onwards</qti-simple-choice><qti-simple-choice identifier="c4">All day equally</qti-simple-choice>)",
        "<qti-value>c2</qti-value>");
    const std::string two = qti3_choice(
        "i-team", "<p>Which <strong>two</strong> are benefits of good teamwork to a customer service team?</p>",
        R"(<qti-simple-choice identifier="a">Work is shared fairly</qti-simple-choice><qti-simple-choice identifier="b">Customers get consistent answers</qti-simple-choice>
      <qti-simple-choice identifier="c">Breaks are longer</qti-simple-choice><qti-simple-choice identifier="d">Nobody needs training</qti-simple-choice>)",
        "<qti-value>a</qti-value><qti-value>b</qti-value>", 2);
    const std::string essay = R"(<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="i-essay" title="Essay" adaptive="false" time-dependent="false">
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="string"/>
  <qti-item-body><p>Describe a time you helped a customer.</p><qti-extended-text-interaction response-identifier="RESPONSE"/></qti-item-body>
</qti-assessment-item>)";
    const std::string manifest = R"(<?xml version="1.0" encoding="UTF-8"?>
<manifest xmlns="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" identifier="tao-export">
  <metadata><schema>QTI Package</schema><schemaversion>3.0.0</schemaversion></metadata>
  <organizations/>
  <resources>
    <resource identifier="i-chart" type="imsqti_item_xmlv3p0" href="items/i-chart/qti.xml">
      <file href="items/i-chart/qti.xml"/><file href="items/i-chart/chart.png"/></resource>
    <resource identifier="i-team" type="imsqti_item_xmlv3p0" href="items/i-team/qti.xml"><file href="items/i-team/qti.xml"/></resource>
    <resource identifier="i-essay" type="imsqti_item_xmlv3p0" href="items/i-essay/qti.xml"><file href="items/i-essay/qti.xml"/></resource>
  </resources>
</manifest>)";
    return item_interchange::write_zip({{"imsmanifest.xml", manifest},
                                        {"items/i-chart/qti.xml", chart},
                                        {"items/i-chart/chart.png", exam_test::bank_files::tiny_png()},
                                        {"items/i-team/qti.xml", two},
                                        {"items/i-essay/qti.xml", essay}});
}

const char* const moodle_export = R"(<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Customer service</text></category></question>
  <question type="multichoice"><name><text>Communication</text></name><idnumber>m-comm</idnumber>
    <questiontext format="html"><text><![CDATA[<p>Why should an adviser repeat a delivery address back to the customer?</p>]]></text></questiontext>
    <generalfeedback format="html"><text>Checking understanding avoids a failed delivery.</text></generalfeedback>
    <single>true</single><shuffleanswers>1</shuffleanswers>
    <answer fraction="100"><text>To check it has been understood correctly</text></answer>
    <answer fraction="0"><text>To make the call last longer</text></answer>
    <answer fraction="0"><text>Because the script says so, whatever the customer wants</text></answer></question>
  <question type="multichoice"><name><text>Expectations</text></name><idnumber>m-expect</idnumber>
    <questiontext format="html"><text><![CDATA[<p>Which of these most shapes what a customer expects of a shop's service?</p>]]></text></questiontext>
    <generalfeedback format="html"><text>Past experience is how customers form expectations.</text></generalfeedback>
    <single>true</single><shuffleanswers>1</shuffleanswers>
    <answer fraction="100"><text>Their past experience of the shop</text></answer>
    <answer fraction="0"><text>The colour of the shop's sign</text></answer>
    <answer fraction="0"><text>The weather on the day</text></answer></question>
  <question type="multichoice"><name><text>Procedure</text></name><idnumber>m-procedure</idnumber>
    <questiontext format="html"><text><![CDATA[<p>A bank's procedure says staff must check a caller's identity before discussing an account. Why?</p>]]></text></questiontext>
    <generalfeedback format="html"><text>The procedure protects the customer's account and data.</text></generalfeedback>
    <answer fraction="100"><text>It protects the customer's money and personal data</text></answer>
    <answer fraction="0"><text>It makes calls quicker</text></answer>
    <answer fraction="0"><text>It is only needed for new customers</text></answer></question>
  <question type="multichoice"><name><text>Approval</text></name><idnumber>m-approval</idnumber>
    <questiontext format="html"><text><![CDATA[<p>An adviser has an idea to improve the call-back procedure. What should they do first?</p>]]></text></questiontext>
    <generalfeedback format="html"><text>A change to a procedure needs the approval of whoever owns it.</text></generalfeedback>
    <answer fraction="100"><text>Put the idea to their manager, with its benefits, for approval</text></answer>
    <answer fraction="0"><text>Start using it at once without telling anyone</text></answer>
    <answer fraction="0"><text>Ask customers to complain until it changes</text></answer></question>
  <question type="truefalse"><name><text>Internal</text></name>
    <questiontext format="html"><text>Colleagues can be customers.</text></questiontext>
    <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>
  <question type="essay"><name><text>Reflect</text></name>
    <questiontext format="html"><text>Reflect on your service.</text></questiontext></question>
</quiz>
)";

// The unit's test, now one published form of the six imported items, every outcome assessed.
const char* const imported_test = R"({
  "format": "test-specification/1", "unit": "K/602/1597", "item_count": 6, "duration_minutes": 10, "pass_mark": 4,
  "blueprint": [ { "learning_outcome": "1", "min_items": 2, "max_items": 2 },
                 { "learning_outcome": "2", "min_items": 1, "max_items": 1 },
                 { "learning_outcome": "3", "min_items": 1, "max_items": 1 },
                 { "learning_outcome": "4", "min_items": 1, "max_items": 1 },
                 { "learning_outcome": "5", "min_items": 1, "max_items": 1 } ],
  "shuffle_items": true, "shuffle_options": true, "release": "immediate",
  "forms": [ { "id": "IMPORTED-1", "status": "published", "items": [
    { "item": "i-chart", "version": 1 }, { "item": "i-team", "version": 1 },
    { "item": "m-comm", "version": 1 }, { "item": "m-expect", "version": 1 },
    { "item": "m-procedure", "version": 1 }, { "item": "m-approval", "version": 1 } ] } ]
})";

}  // namespace

class InterchangeWalkthrough : public exam_test::ServerFixture {
protected:
    void SetUp() override {
        use_bank_copy();
        const std::filesystem::path bank(bank_dir_);
        const auto incoming = dir_.path() / "incoming";
        std::filesystem::create_directories(incoming);
        std::ofstream(incoming / "tao-export.zip", std::ios::binary) << foreign_qti30_package();
        std::ofstream(incoming / "moodle-questions.xml", std::ios::binary) << moodle_export;
        const auto out = bank / "items" / "imported";
        std::filesystem::create_directories(out);

        // One command each; every question accounted for.
        for (const auto& [file, imported, skipped] : {std::tuple{"tao-export.zip", 2u, 1u}, std::tuple{"moodle-questions.xml", 5u, 1u}}) {
            auto r = run_exam_admin({"import", "--unit", "K/602/1597", "--out", out.string(), "--json", (incoming / file).string()});
            ASSERT_EQ(r.code, 0) << r.out;
            const auto report = json::parse(r.out).at("files").at(0);
            EXPECT_EQ(report.at("imported").as_array().size(), imported) << file;
            EXPECT_EQ(report.at("skipped").as_array().size(), skipped) << file;
            for (const auto& i : report.at("imported").as_array()) {
                EXPECT_EQ(i.at("status").as_string(), "draft") << "nothing came mapped";
            }
        }
        // Unmapped drafts: the bank still loads (drafts may wait), and says what each needs.
        auto before = run_exam_admin({"validate", bank.string()});
        ASSERT_EQ(before.code, 0) << before.out;
        EXPECT_NE(before.out.find("rule mapped"), std::string::npos) << before.out;

        const auto qti = (out / "tao-export.json").string(), moodle = (out / "moodle-questions.json").string();
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {"map", qti, "--item", "i-chart", "--criteria", "3.2", "--status", "live", "--rationale",
                  "From 11am to 1pm more calls arrive than the advisers can answer: the resource limits the offer."},
                 {"map", qti, "--item", "i-team", "--criteria", "1.1", "--status", "live", "--rationale",
                  "Teamwork shares the work and keeps answers consistent."},
                 {"map", moodle, "--item", "m-comm", "--criteria", "1.3", "--status", "live"},
                 {"map", moodle, "--item", "m-expect", "--criteria", "2.1", "--status", "live"},
                 {"map", moodle, "--item", "m-procedure", "--criteria", "4.1", "--status", "live"},
                 {"map", moodle, "--item", "m-approval", "--criteria", "5.2", "--status", "live"}}) {
            auto r = run_exam_admin(args);
            ASSERT_EQ(r.code, 0) << r.out;
        }
        // The true/false question cannot go live (two options), and says why.
        auto tf = run_exam_admin({"map", moodle, "--item", "Internal", "--criteria", "1.1", "--status", "live"});
        EXPECT_EQ(tf.code, 1) << tf.out;
        std::ofstream(bank / "tests" / "k-602-1597.json") << imported_test;
        auto after = run_exam_admin({"validate", bank.string()});
        ASSERT_EQ(after.code, 0) << after.out;
        ServerFixture::SetUp();
    }
};

TEST_F(InterchangeWalkthrough, ACandidateSitsATestBuiltFromImportedAndMappedItems) {
    const auto token = candidate_token("0001");
    const auto items = start_and_fetch(token).at("items").as_array();
    ASSERT_EQ(items.size(), 6u);
    const auto attempt_id = client().get("/api/v1/attempt", token).json().at("attempt").as_int64();
    const auto attempt = app_->attempts().get(attempt_id).value();
    const auto& bank = app_->attempts().bank();
    std::size_t pictures = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto* item = bank.item(attempt.form[i].item_id);
        ASSERT_NE(item, nullptr);
        EXPECT_TRUE(item->source.has_value()) << item->id << " came from an import";
        if (const auto* image = items[i].as_object().if_contains("image")) {
            ++pictures;
            auto fetched = client().get("/api/v1/attempt/media/" + std::string(image->at("media").as_string()), token);
            ASSERT_EQ(fetched.status, 200) << fetched.body;
            EXPECT_EQ(fetched.body, exam_test::bank_files::tiny_png());
            EXPECT_NE(image->at("alt").as_string().find("advisers can answer 80 an hour"), std::string::npos);
        }
        json::array selected;
        for (const auto& k : item->key) selected.emplace_back(k);
        auto saved = client().put("/api/v1/attempt/responses/" + std::to_string(i),
                                  json::serialize(json::object{{"sequence", 1}, {"selected", selected}}), token);
        ASSERT_EQ(saved.status, 200) << saved.body;
    }
    EXPECT_EQ(pictures, 1u);
    auto submitted = client().post("/api/v1/attempt/submit", R"({"confirm":true})", token);
    ASSERT_EQ(submitted.status, 200) << submitted.body;
    auto result = client().get("/api/v1/attempt/result", token).json();
    EXPECT_EQ(result.at("raw_score").to_number<double>(), 6.0) << json::serialize(result);
    EXPECT_TRUE(result.at("passed").as_bool()) << json::serialize(result);
}
