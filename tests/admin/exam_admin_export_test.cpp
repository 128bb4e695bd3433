// exam-admin export: the file it writes, its report (text and JSON), a form
// instead of the test specification, and usage errors that write nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

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

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST(ExamAdminExport, MoodleXmlOfAUnitWithItsReport) {
    exam_test::TempDir dir;
    const auto out = dir.path() / "ubu52.xml";
    const auto r = run({"export", "--unit", "UBU52", "--format", "moodle-xml", "--out", out.string()});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("UBU52 as moodle-xml: 32 items, 0 tests, written to " + out.string()), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("warning: Moodle XML holds questions, not tests"), std::string::npos);
    const std::string xml = slurp(out);
    EXPECT_TRUE(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>"));
    EXPECT_NE(xml.find("<idnumber>UBU52-032</idnumber>"), std::string::npos);
}

TEST(ExamAdminExport, QtiPackageJsonReportAndTheSameBytesEachTime) {
    exam_test::TempDir dir;
    const auto first = dir.path() / "a.zip", second = dir.path() / "b.zip";
    const auto r = run({"export", "--unit", "Y/602/1353", "--format", "qti30", "--json", "--out", first.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto report = boost::json::parse(r.out).as_object();
    EXPECT_EQ(report.at("format").as_string(), "qti30");
    EXPECT_EQ(report.at("unit").as_string(), "Y/602/1353");
    EXPECT_TRUE(report.at("form").is_null());
    EXPECT_EQ(report.at("items").as_int64(), 88);
    EXPECT_EQ(report.at("tests").as_int64(), 1);
    const auto& warnings = report.at("warnings").as_array();
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].at("item").as_string(), "");
    EXPECT_NE(warnings[0].at("message").as_string().find("blueprint"), std::string::npos);
    ASSERT_EQ(run({"export", "--unit", "Y/602/1353", "--format", "qti30", "--out", second.string()}).code, 0);
    EXPECT_EQ(slurp(first), slurp(second));
    EXPECT_TRUE(slurp(first).starts_with("PK\x03\x04"));
}

TEST(ExamAdminExport, AFormExportsItsOwnItems) {
    exam_test::TempDir dir;
    const auto out = dir.path() / "f1.zip";
    const auto r = run({"export", "--unit", "Y/602/1353", "--format", "qti21", "--form", "Y6021353-F1", "--json", "--out",
                        out.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto report = boost::json::parse(r.out).as_object();
    EXPECT_EQ(report.at("form").as_string(), "Y6021353-F1");
    EXPECT_EQ(report.at("items").as_int64(), 25);
    EXPECT_EQ(report.at("tests").as_int64(), 1);
}

TEST(ExamAdminExport, UsageErrorsExitTwoAndWriteNothing) {
    exam_test::TempDir dir;
    const auto out = (dir.path() / "x.zip").string();
    EXPECT_EQ(run({"export"}).code, 2);
    EXPECT_EQ(run({"export", "--unit", "UBU52", "--format", "qti30"}).code, 2);  // no --out
    EXPECT_EQ(run({"export", "--unit", "UBU52", "--format", "qti22", "--out", out}).code, 2);
    EXPECT_EQ(run({"export", "--unit", "NOPE", "--format", "qti30", "--out", out}).code, 2);
    const auto form = run({"export", "--unit", "UBU52", "--format", "qti30", "--form", "NOPE", "--out", out});
    EXPECT_EQ(form.code, 2);
    EXPECT_NE(form.err.find("unit UBU52 has no form NOPE"), std::string::npos);
    EXPECT_EQ(run({"export", "--unit", "UBU52", "--format", "qti30", "--frobnicate", "--out", out}).code, 2);
    EXPECT_FALSE(std::filesystem::exists(out));
}
