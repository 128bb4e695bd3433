// exam-admin's offline commands: in-process for exact output, and the real
// binary for exit codes as a shell sees them.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cstdio>
#include <sstream>
#include <sys/wait.h>

#include "bundled_bank.hpp"
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

// Runs the built binary through the shell and returns its exit status and stdout.
std::pair<int, std::string> run_binary(const std::string& args) {
    const std::string command = std::string(EXAM_ADMIN_BINARY) + " " + args + " 2>/dev/null";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return {-1, ""};
    std::string output;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
    const int status = ::pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

const std::string bank_flag() { return exam_test::bundled_bank_dir().string(); }

}  // namespace

TEST(ExamAdminValidate, TheBundledBankIsValid) {
    const auto r = run({"validate", exam_test::bundled_bank_dir().parent_path().string()});
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("Valid:"), std::string::npos);
}

TEST(ExamAdminValidate, ABrokenFileGetsItsFileAndPathAndExitOne) {
    exam_test::TempDir dir;
    const auto file = dir.write("broken-items.json", R"({ "format": "items/1", "unit": "Y/602/1353", "items": [
      { "id": "B-1", "version": 1, "status": "live", "type": "single", "criteria": ["1.1"],
        "stem": "Which?", "options": [ { "id": "A", "text": "one" }, { "id": "B", "text": "two" } ],
        "key": ["C"], "rationale": "r" } ] })");
    const auto r = run({"validate", "--bank", bank_flag(), file.string()});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("Using the unit definitions in"), std::string::npos);
    EXPECT_NE(r.out.find(file.string() + ": /items/0/options: expected 3 to 6 options, found 2"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find(file.string() + ": /items/0/key/0: the key names option C"), std::string::npos) << r.out;
}

TEST(ExamAdminValidate, NoPathIsAUsageError) {
    EXPECT_EQ(run({"validate"}).code, 2);
    EXPECT_EQ(run({"validate", "--frobnicate", "x"}).code, 2);
}

TEST(ExamAdminRules, PearsonLevel3CertificateIsAchievedWith13CreditsAsJson) {
    const auto r = run({"rules", "--bank", bank_flag(), "501/0443/3", "T/602/1361", "K/602/1597", "M/602/1598", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto v = boost::json::parse(r.out).as_object();
    EXPECT_TRUE(v.at("achieved").as_bool());
    EXPECT_EQ(v.at("credits").as_int64(), 13);
    EXPECT_EQ(v.at("counted_units").as_array().size(), 3u);
    EXPECT_TRUE(v.at("missing").as_array().empty());
}

TEST(ExamAdminRules, NotAchievedListsWhatIsMissing) {
    const auto r = run({"rules", "--bank", bank_flag(), "--json", "501/0443/3", "T/602/1361", "K/602/1597"});
    ASSERT_EQ(r.code, 0);
    const auto v = boost::json::parse(r.out).as_object();
    EXPECT_FALSE(v.at("achieved").as_bool());
    EXPECT_EQ(v.at("credits").as_int64(), 9);
    const auto& missing = v.at("missing").as_array();
    ASSERT_FALSE(missing.empty());
    EXPECT_EQ(missing[0].as_string(), "needs mandatory unit M/602/1598 Improving Customer Service");
}

TEST(ExamAdminRules, TextOutputSaysAchievedOrNot) {
    const auto r = run({"rules", "--bank", bank_flag(), "VTCT-L2-CERT-CS", "UV20615"});
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("NOT ACHIEVED"), std::string::npos);
    EXPECT_NE(r.out.find("needs mandatory unit UV20616"), std::string::npos);
}

TEST(ExamAdminRules, UnknownQualificationOrUnitExitsTwoNamingIt) {
    auto r = run({"rules", "--bank", bank_flag(), "999/9999/9", "T/602/1361"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("unknown qualification '999/9999/9'"), std::string::npos);
    r = run({"rules", "--bank", bank_flag(), "501/0443/3", "T/602/1361", "Q/000/0000"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("unknown unit 'Q/000/0000'"), std::string::npos);
}

TEST(ExamAdminUln, ValidAndInvalid) {
    auto r = run({"uln", "9276308686"});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, "9276308686 is a valid ULN\n");
    r = run({"uln", "9276308687"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("not a valid ULN"), std::string::npos);
    EXPECT_EQ(run({"uln"}).code, 2);
}

TEST(ExamAdminCli, UnknownCommandAndHelp) {
    EXPECT_EQ(run({"frobnicate"}).code, 2);
    EXPECT_EQ(run({"--help"}).code, 0);
    EXPECT_EQ(run({}).code, 2);
}

TEST(ExamAdminBinary, ExitCodesReachTheShell) {
    const std::string bank = " --bank " + bank_flag();
    auto [code, out] = run_binary("rules" + bank + " 501/0443/3 T/602/1361 K/602/1597 M/602/1598 --json");
    EXPECT_EQ(code, 0);
    EXPECT_NE(out.find("\"achieved\":true"), std::string::npos);
    EXPECT_NE(out.find("\"credits\":13"), std::string::npos);
    EXPECT_EQ(run_binary("rules" + bank + " NOPE").first, 2);
    EXPECT_EQ(run_binary("uln 123").first, 1);
}
