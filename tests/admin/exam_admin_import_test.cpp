// exam-admin import: the report, its exit codes, a dry run writing nothing, and
// written items that exam-admin validate reads back (drafts naming their rules).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

#include "bundled_bank.hpp"
#include "item_interchange/zip_archive.hpp"
#include "cli.hpp"
#include "temp_dir.hpp"

namespace {

struct Run {
    int code;
    std::string out, err;
};

Run run(std::vector<std::string> args) {
    std::ostringstream out, err;
    const int code = exam_admin::run_cli(args, {out, err});
    return {code, out.str(), err.str()};
}

const char* const quiz =
    "// [id:cs-1] [tag:AC:A/602/1359:1.1]\n"
    "::Prepare::Which is the best use of time before customers arrive? {\n"
    "=Checking the appointment list ~Reading the news ~Personal messages ####The list is information at hand.}\n\n"
    "::TF::Customers can be internal. {T}\n\n"
    "::Essay::Describe a customer. {}\n";

std::size_t files_in(const std::filesystem::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace

TEST(ExamAdminImport, JsonReportAccountsForEveryQuestionAndADryRunWritesNothing) {
    exam_test::TempDir dir;
    const auto file = dir.write("quiz.txt", quiz);  // the name says nothing: the content is GIFT
    const auto r = run({"import", "--unit", "A/602/1359", "--json", file.string()});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    const auto report = boost::json::parse(r.out).as_object();
    const auto& f = report.at("files").as_array().at(0).as_object();
    EXPECT_EQ(f.at("format").as_string(), "gift");
    EXPECT_EQ(f.at("status").as_string(), "read");
    const auto& imported = f.at("imported").as_array();
    ASSERT_EQ(imported.size(), 2u);
    EXPECT_EQ(imported[0].at("source_id").as_string(), "cs-1");
    EXPECT_EQ(imported[0].at("title").as_string(), "Prepare");
    EXPECT_EQ(imported[0].at("response").as_string(), "single");
    EXPECT_EQ(imported[0].at("options").as_int64(), 3);
    EXPECT_EQ(imported[0].at("keys").as_array().at(0).as_string(), "Checking the appointment list");
    EXPECT_EQ(imported[0].at("status").as_string(), "live");
    EXPECT_EQ(imported[1].at("status").as_string(), "draft");
    const auto& skipped = f.at("skipped").as_array();
    ASSERT_EQ(skipped.size(), 1u);
    EXPECT_EQ(skipped[0].at("type").as_string(), "essay");
    EXPECT_EQ(files_in(dir.path()), 1u);  // only the input
}

TEST(ExamAdminImport, WrittenItemsValidateWithDraftsNamingTheirRules) {
    exam_test::TempDir dir;
    const auto file = dir.write("in/quiz.gift", quiz);
    std::filesystem::create_directories(dir.path() / "out");
    const auto r = run({"import", "--unit", "A/602/1359", "--out", (dir.path() / "out").string(), file.string()});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    ASSERT_TRUE(std::filesystem::exists(dir.path() / "out" / "quiz.json")) << r.out;
    const auto v = run({"validate", (dir.path() / "out").string()});
    EXPECT_EQ(v.code, 0) << v.out;
    EXPECT_NE(v.out.find("draft: "), std::string::npos) << v.out;
    EXPECT_NE(v.out.find("/items/1/options: rule options-3-to-6: expected 3 to 6 options, found 2"), std::string::npos)
        << v.out;
    EXPECT_NE(v.out.find("/items/1/criteria: rule mapped"), std::string::npos) << v.out;
}

TEST(ExamAdminImport, ARejectedFileExitsOneAndWritesNothing) {
    exam_test::TempDir dir;
    const auto bad = dir.write("latin1.gift", "::A::Caf\xE9? {=a ~b ~c}\n");
    std::filesystem::create_directories(dir.path() / "out");
    const auto r = run({"import", "--unit", "A/602/1359", "--out", (dir.path() / "out").string(), "--json", bad.string()});
    EXPECT_EQ(r.code, 1);
    const auto f = boost::json::parse(r.out).at("files").as_array().at(0).as_object();
    EXPECT_EQ(f.at("status").as_string(), "rejected");
    EXPECT_NE(f.at("error").as_string().find("line 1: byte 0xE9 is not UTF-8"), std::string::npos);
    EXPECT_EQ(files_in(dir.path() / "out"), 0u);
}

TEST(ExamAdminImport, UsageErrorsExitTwo) {
    EXPECT_EQ(run({"import"}).code, 2);
    EXPECT_EQ(run({"import", "--frobnicate", "x.gift"}).code, 2);
    EXPECT_EQ(run({"import", "--out", "/tmp", "x.gift"}).code, 2);  // --out needs --unit
}

TEST(ExamAdminImport, ReimportingTheSameSourceUpdatesItsItemsWithANewVersion) {
    exam_test::TempDir dir;
    const auto file = dir.write("in/quiz.gift", quiz);
    const auto out = dir.path() / "out";
    std::filesystem::create_directories(out);
    auto import = [&] { return run({"import", "--unit", "A/602/1359", "--out", out.string(), file.string()}); };
    ASSERT_EQ(import().code, 0);
    ASSERT_EQ(import().code, 0);  // unchanged: same items, same versions
    auto items = [&] {
        std::ifstream in(out / "quiz.json");
        std::stringstream text;
        text << in.rdbuf();
        return boost::json::parse(text.str()).at("items").as_array();
    };
    ASSERT_EQ(items().size(), 2u);
    EXPECT_EQ(items()[0].at("version").as_int64(), 1);

    std::string changed = quiz;
    changed.replace(changed.find("Reading the news"), 16, "Reading the paper");
    dir.write("in/quiz.gift", changed);
    ASSERT_EQ(import().code, 0);
    const auto after = items();
    ASSERT_EQ(after.size(), 2u);  // updated, not duplicated
    EXPECT_EQ(after[0].at("id").as_string(), "cs-1");
    EXPECT_EQ(after[0].at("version").as_int64(), 2);
    EXPECT_EQ(after[0].at("options").at(1).at("text").as_string(), "Reading the paper");
    EXPECT_EQ(after[1].at("version").as_int64(), 1);
    EXPECT_EQ(run({"validate", out.string()}).code, 0);
}

TEST(ExamAdminImport, AnExportedContentPackageImportsLiveAndValidates) {
    exam_test::TempDir dir;
    const auto package = dir.path() / "ubu53.zip";
    ASSERT_EQ(run({"export", "--unit", "UBU53", "--format", "qti21", "--out", package.string()}).code, 0);
    const auto out = dir.path() / "out";
    std::filesystem::create_directories(out);
    const auto r = run({"import", "--unit", "UBU53", "--json", "--out", out.string(), package.string()});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    const auto f = boost::json::parse(r.out).at("files").as_array().at(0).as_object();
    EXPECT_EQ(f.at("format").as_string(), "qti21");
    EXPECT_EQ(f.at("status").as_string(), "read");
    const auto& imported = f.at("imported").as_array();
    ASSERT_EQ(imported.size(), 34u);
    for (const auto& i : imported) EXPECT_EQ(i.at("status").as_string(), "live") << i;
    const auto v = run({"validate", out.string()});
    EXPECT_EQ(v.code, 0) << v.out;
    EXPECT_EQ(v.out.find("draft:"), std::string::npos) << v.out;
}

TEST(ExamAdminImport, AZipSlipPackageIsRejectedAndNothingIsWrittenAnywhere) {
    exam_test::TempDir dir;
    const std::string manifest =
        R"(<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"><resources>
        <resource identifier="q" type="imsqti_item_xmlv2p1" href="q.xml"><file href="q.xml"/></resource></resources></manifest>)";
    const auto package = dir.write("in/evil.zip", item_interchange::write_zip({{"imsmanifest.xml", manifest},
                                                                                {"q.xml", "<x/>"},
                                                                                {"../escaped.xml", "gotcha"}}));
    const auto out = dir.path() / "in" / "out";
    std::filesystem::create_directories(out);
    const auto r = run({"import", "--unit", "UBU53", "--json", "--out", out.string(), package.string()});
    EXPECT_EQ(r.code, 1);
    const auto f = boost::json::parse(r.out).at("files").as_array().at(0).as_object();
    EXPECT_EQ(f.at("status").as_string(), "rejected");
    EXPECT_NE(f.at("error").as_string().find("entry \"../escaped.xml\""), std::string::npos) << f.at("error");
    EXPECT_EQ(files_in(out), 0u);
    EXPECT_EQ(files_in(dir.path() / "in"), 2u);  // the package and the empty out folder
    EXPECT_EQ(files_in(dir.path()), 1u);
}

TEST(ExamAdminImport, PicturesAreWrittenBesideTheItemsAndValidateWithThem) {
    exam_test::TempDir dir;
    const auto file = dir.write("in/pictures.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<quiz><question type="multichoice"><name><text>Sign</text></name><idnumber>sign-1</idnumber>
  <questiontext format="html"><text><![CDATA[<p>What does this sign tell customers?</p><img src="@@PLUGINFILE@@/sign.png" alt="A blue square with a white letter i">]]></text>
    <file name="sign.png" path="/" encoding="base64">iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==</file></questiontext>
  <answer fraction="100"><text>Where to find information</text></answer>
  <answer fraction="0"><text>Where to pay</text></answer><answer fraction="0"><text>Where the exit is</text></answer>
  <generalfeedback format="html"><text>The letter i stands for information.</text></generalfeedback>
  <tags><tag><text>AC:A/602/1359:1.1</text></tag></tags></question></quiz>)");
    const auto out = dir.path() / "out";
    std::filesystem::create_directories(out);
    const auto dry = run({"import", "--unit", "A/602/1359", file.string()});
    EXPECT_NE(dry.out.find("1 imported, 0 skipped, 1 picture"), std::string::npos) << dry.out;
    EXPECT_NE(dry.out.find("live sign-1 (question 1 (line 2)) with 1 picture"), std::string::npos) << dry.out;
    const auto r = run({"import", "--unit", "A/602/1359", "--out", out.string(), file.string()});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    const auto picture = out / "media" / "497790947d4666760ce38f3c00e852c71fdb66cae849bae8e9ede352719e1581.png";
    ASSERT_TRUE(std::filesystem::exists(picture)) << r.out;
    EXPECT_EQ(std::filesystem::file_size(picture), 70u);
    std::ifstream in(out / "pictures.json");
    std::stringstream text;
    text << in.rdbuf();
    const auto item = boost::json::parse(text.str()).at("items").as_array().at(0);
    EXPECT_EQ(item.at("image").at("alt").as_string(), "A blue square with a white letter i");
    const auto v = run({"validate", out.string()});
    EXPECT_EQ(v.code, 0) << v.out;
    // The bank refuses the items once their picture is gone.
    std::filesystem::remove(picture);
    const auto missing = run({"validate", out.string()});
    EXPECT_NE(missing.code, 0);
    EXPECT_NE(missing.out.find("/items/0/image/media"), std::string::npos) << missing.out;
}

TEST(ExamAdminMap, AnImportedDraftIsMappedThenMadeLiveAndARuleItBreaksRefusesTheChange) {
    exam_test::TempDir dir;
    const auto file = dir.write("in/unmapped.gift",
                                "::Prepare::Which is the best use of time before customers arrive? {\n"
                                "=Checking the appointment list ~Reading the news ~Personal messages ####The list is at hand.}\n\n"
                                "::TF::Customers can be internal. {T####Colleagues are customers too.}\n");
    const auto out = dir.path() / "out";
    std::filesystem::create_directories(out);
    ASSERT_EQ(run({"import", "--unit", "A/602/1359", "--out", out.string(), file.string()}).code, 0);
    const auto items = (out / "unmapped.json").string();
    auto v = run({"validate", out.string()});
    EXPECT_NE(v.out.find("/items/0/criteria: rule mapped"), std::string::npos) << v.out;

    // A criterion the unit lacks, or live while a rule is broken: refused, the file untouched.
    std::ifstream before_in(items);
    std::stringstream before;
    before << before_in.rdbuf();
    auto wrong = run({"map", items, "--item", "Prepare", "--criteria", "9.9"});
    EXPECT_EQ(wrong.code, 1);
    EXPECT_NE(wrong.out.find("/criteria/0: unit A/602/1359 has no assessment criterion 9.9"), std::string::npos) << wrong.out;
    auto tf = run({"map", items, "--item", "TF", "--criteria", "1.1", "--status", "live"});
    EXPECT_EQ(tf.code, 1);
    EXPECT_NE(tf.out.find("expected 3 to 6 options, found 2"), std::string::npos) << tf.out;
    std::ifstream after_in(items);
    std::stringstream after;
    after << after_in.rdbuf();
    EXPECT_EQ(after.str(), before.str());

    auto mapped = run({"map", items, "--item", "Prepare", "--criteria", "1.1,1.2", "--status", "live"});
    ASSERT_EQ(mapped.code, 0) << mapped.out << mapped.err;
    EXPECT_NE(mapped.out.find("Prepare: criteria none -> 1.1, 1.2; status draft -> live; version 1"), std::string::npos)
        << mapped.out;
    // The true/false item may be mapped as a draft: it still breaks the rule, and says so.
    auto tf_draft = run({"map", items, "--item", "TF", "--criteria", "1.1"});
    ASSERT_EQ(tf_draft.code, 0) << tf_draft.out;
    EXPECT_NE(tf_draft.out.find("still breaks options-3-to-6"), std::string::npos) << tf_draft.out;
    v = run({"validate", out.string()});
    EXPECT_EQ(v.code, 0) << v.out;
    EXPECT_EQ(v.out.find("/items/0/"), std::string::npos) << v.out;

    // A change to an item that is no longer a draft is a new version.
    auto remapped = run({"map", items, "--item", "Prepare", "--criteria", "1.2"});
    ASSERT_EQ(remapped.code, 0) << remapped.out;
    EXPECT_NE(remapped.out.find("status live -> live; version 2"), std::string::npos) << remapped.out;
    EXPECT_EQ(run({"map", items, "--item", "Nobody", "--criteria", "1.1"}).code, 2);
    EXPECT_EQ(run({"map", items, "--item", "Prepare"}).code, 2);
    EXPECT_EQ(run({"map", items, "--item", "Prepare", "--status", "golden"}).code, 2);
}
