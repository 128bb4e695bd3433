// exam-admin's remote commands against a real exam-server (the fixture's: TLS
// with its self-signed certificate, an ephemeral port, a SQLite file), run
// in-process through run_cli.
#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli.hpp"
#include "server_fixture.hpp"
#include "storage/sqlite/connection.hpp"

namespace {

struct CliRun {
    int code;
    std::string out, err;
};

class ExamAdminRemote : public exam_test::ServerFixture {
protected:
    void SetUp() override {
        ServerFixture::SetUp();
        session_ = (dir_.path() / "config" / "session").string();
        password_file_ = (dir_.path() / "password").string();
        std::ofstream(password_file_) << "demo-password-2026\n";
        ca_file_ = (dir_.path() / "data" / "tls" / "server-certificate.pem").string();
        url_ = "https://127.0.0.1:" + std::to_string(app_->port());
    }

    CliRun run(std::vector<std::string> args) {
        args.push_back("--session-file");
        args.push_back(session_);
        std::ostringstream out, err;
        const int code = exam_admin::run_cli(args, {out, err});
        return {code, out.str(), err.str()};
    }

    CliRun login(const std::string& username) {
        return run({"login", "--server", url_, "--username", username, "--ca-file", ca_file_, "--password-file",
                    password_file_});
    }

    std::string write(const std::string& name, const std::string& content) {
        const auto path = (dir_.path() / name).string();
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

    std::string session_;
    std::string password_file_;
    std::string ca_file_;
    std::string url_;
};

}  // namespace

TEST_F(ExamAdminRemote, LogsInAndKeepsTheTokenWhereOnlyItsOwnerCanRead) {
    auto r = login("centre.admin");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("logged in to " + url_ + " as centre.admin"), std::string::npos) << r.out;
    struct stat st {};
    ASSERT_EQ(::stat(session_.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    ASSERT_EQ(::stat((dir_.path() / "config").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0700u);

    auto me = run({"me"});
    ASSERT_EQ(me.code, 0) << me.err;
    EXPECT_NE(me.out.find("username:"), std::string::npos) << me.out;
    EXPECT_NE(me.out.find("centre.admin"), std::string::npos) << me.out;
}

TEST_F(ExamAdminRemote, AWrongPasswordIsRefusedPlainlyAndSavesNothing) {
    std::ofstream(password_file_) << "not-the-password-1\n";
    auto r = login("centre.admin");
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.err.rfind("error: ", 0), 0u) << r.err;
    EXPECT_EQ(r.err.find("{"), std::string::npos) << "no raw JSON: " << r.err;
    EXPECT_FALSE(std::filesystem::exists(session_));
}

TEST_F(ExamAdminRemote, WithoutASessionFileItSaysToLogIn) {
    auto r = run({"centres", "list"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("not logged in"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(session_), std::string::npos) << r.err;
}

TEST_F(ExamAdminRemote, TheServersCertificateMustBeTrusted) {
    // The system's trust store does not know the server's self-signed certificate.
    auto r = run({"login", "--server", url_, "--username", "ao.admin", "--password-file", password_file_});
    EXPECT_EQ(r.code, 3) << r.out;
    EXPECT_NE(r.err.find("certificate"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--ca-file"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(session_));
    // Nor is plain HTTP offered.
    auto http = run({"login", "--server", "http://127.0.0.1:1", "--username", "ao.admin", "--password-file", password_file_});
    EXPECT_EQ(http.code, 2);
    EXPECT_NE(http.err.find("https://"), std::string::npos) << http.err;
}

TEST_F(ExamAdminRemote, ListsAndCreatesCentresAndSessions) {
    ASSERT_EQ(login("ao.admin").code, 0);
    auto created = run({"centres", "create", "--number", "90009", "--name", "Northgate College"});
    ASSERT_EQ(created.code, 0) << created.err;
    EXPECT_NE(created.out.find("Northgate College"), std::string::npos);
    auto list = run({"centres", "list"});
    ASSERT_EQ(list.code, 0) << list.err;
    EXPECT_EQ(list.out.rfind("id  number  name", 0), 0u) << list.out;
    EXPECT_NE(list.out.find("90009   Northgate College"), std::string::npos) << list.out;
    auto json = run({"centres", "list", "--json"});
    EXPECT_EQ(json.out.rfind("{\"centres\":[", 0), 0u) << json.out;

    auto session = run({"session", "show", "1"});
    ASSERT_EQ(session.code, 0) << session.err;
    EXPECT_NE(session.out.find("status:"), std::string::npos) << session.out;
    EXPECT_NE(session.out.find("bookings:"), std::string::npos) << session.out;
    EXPECT_NE(session.out.find("keycode"), std::string::npos) << session.out;

    auto made = run({"sessions", "create", "1", "--unit", "K/602/1597", "--starts-at", "2026-12-01T09:00:00Z",
                     "--ends-at", "2026-12-01T11:00:00Z", "--room", "Hall"});
    ASSERT_EQ(made.code, 0) << made.err;
    auto sessions = run({"sessions", "list", "1"});
    EXPECT_NE(sessions.out.find("2026-12-01T09:00:00Z"), std::string::npos) << sessions.out;
}

TEST_F(ExamAdminRemote, ServerErrorsAreShownPlainlyWithTheField) {
    ASSERT_EQ(login("centre.admin").code, 0);
    auto r = run({"candidates", "add", "1", "--number", "0500", "--given-name", "Ann", "--family-name", "Lee",
                  "--date-of-birth", "2001-02-03", "--uln", "123"});
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.err.rfind("error: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("uln"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("\"code\""), std::string::npos) << r.err;
    // A role that may not: the server's words.
    auto centre = run({"centres", "create", "--number", "1", "--name", "X"});
    EXPECT_EQ(centre.code, 1);
    EXPECT_EQ(centre.err, "error: your role (centre_admin) may not do this\n");
    // Bad arguments never reach the server.
    EXPECT_EQ(run({"bookings", "add", "1", "--candidates", "one,two"}).code, 2);
    EXPECT_EQ(run({"candidates", "list"}).code, 2);
    EXPECT_EQ(run({"centres", "delete"}).code, 2);
}

TEST_F(ExamAdminRemote, ImportsCandidatesFromCsvAllOrNothing) {
    ASSERT_EQ(login("centre.admin").code, 0);
    const auto bad = write("bad.csv",
                           "candidate_number,given_name,family_name,date_of_birth,uln\n"
                           "0300,Ann,Lee,2001-02-03,9276308686\n"
                           "0301,Bo,Moss,2001-02-03,123\n");
    auto r = run({"candidates", "import", "1", bad});
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.err.rfind("error: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("  line 3: uln: "), std::string::npos) << r.err;
    auto list = run({"candidates", "list", "1"});
    EXPECT_EQ(list.out.find("0300"), std::string::npos) << "nothing imported";

    const auto good = write("good.csv",
                            "candidate_number,given_name,family_name,date_of_birth,uln\r\n"
                            "0300,Ann,Lee,2001-02-03,9276308686\r\n"
                            "0301,\"O'Neil, Bo\",Moss,2001-02-03,1000000000\r\n");
    auto ok = run({"candidates", "import", "1", good});
    ASSERT_EQ(ok.code, 0) << ok.err;
    EXPECT_NE(ok.out.find("O'Neil, Bo"), std::string::npos) << ok.out;
    EXPECT_NE(run({"candidates", "list", "1"}).out.find("0301"), std::string::npos);
    EXPECT_EQ(run({"candidates", "import", "1", (dir_.path() / "missing.csv").string()}).code, 2);
}

TEST_F(ExamAdminRemote, ExportsResultsAsCsvToAFileOrStandardOutput) {
    const auto token = candidate_token("0001");
    start_and_fetch(token);
    ASSERT_EQ(client().post("/api/v1/attempt/submit", R"({"confirm":true})", token).status, 200);
    ASSERT_EQ(login("centre.admin").code, 0);

    const auto out = (dir_.path() / "results.csv").string();
    auto r = run({"results", "export", "1", "--out", out, "--candidate", "0001"});
    ASSERT_EQ(r.code, 0) << r.err;
    std::stringstream text;
    text << std::ifstream(out, std::ios::binary).rdbuf();
    EXPECT_EQ(text.str().rfind("session,date,unit,candidate_number,", 0), 0u) << text.str();
    EXPECT_NE(text.str().find("\r\n1,2026-11-25T08:45:00Z,K/602/1597,0001,Hassan,Amira,"), std::string::npos) << text.str();

    auto to_stdout = run({"results", "export", "1", "--unit", "K/602/1597"});
    ASSERT_EQ(to_stdout.code, 0) << to_stdout.err;
    EXPECT_NE(to_stdout.out.find(",0004,Patel,Dev,"), std::string::npos) << to_stdout.out;
    auto as_json = run({"results", "export", "1", "--format", "json", "--candidate", "0001"});
    EXPECT_EQ(as_json.out.rfind("{\"centre\":1,\"results\":[{", 0), 0u) << as_json.out;
    auto bad = run({"results", "export", "1", "--from", "last week"});
    EXPECT_EQ(bad.code, 1);
    EXPECT_NE(bad.err.find("error: from: "), std::string::npos) << bad.err;
}

TEST_F(ExamAdminRemote, RunsTheRoomAndVerifiesTheAuditLog) {
    start_and_fetch(candidate_token("0001"));
    ASSERT_EQ(login("invigilator").code, 0);
    auto paused = run({"attempt", "pause", "1", "--reason", "fire alarm"});
    ASSERT_EQ(paused.code, 0) << paused.err;
    EXPECT_NE(paused.out.find("paused"), std::string::npos) << paused.out;
    EXPECT_EQ(run({"audit", "verify"}).code, 1) << "an invigilator may not";

    ASSERT_EQ(login("ao.admin").code, 0);
    auto intact = run({"audit", "verify"});
    ASSERT_EQ(intact.code, 0) << intact.err;
    EXPECT_NE(intact.out.find("ok:"), std::string::npos) << intact.out;
    EXPECT_NE(intact.out.find("yes"), std::string::npos) << intact.out;

    {
        exam::storage::sqlite::Connection db(dir_.path() / "data" / "exam.sqlite3",
                                             exam::storage::sqlite::Access::read_write_create);
        db.prepare("UPDATE audit_log SET actor = 'staff:nobody' WHERE id = 2").run();
    }
    auto broken = run({"audit", "verify"});
    EXPECT_EQ(broken.code, 1);
    EXPECT_NE(broken.out.find("first_broken_entry: 2"), std::string::npos) << broken.out;
}

TEST_F(ExamAdminRemote, LogoutRevokesTheToken) {
    ASSERT_EQ(login("centre.admin").code, 0);
    std::stringstream saved;
    saved << std::ifstream(session_).rdbuf();
    auto out = run({"logout"});
    ASSERT_EQ(out.code, 0) << out.err;
    EXPECT_FALSE(std::filesystem::exists(session_));
    // The old token, put back, is refused by the server.
    std::ofstream(session_) << saved.str();
    ::chmod(session_.c_str(), 0600);
    auto refused = run({"centres", "list"});
    EXPECT_EQ(refused.code, 1);
    EXPECT_NE(refused.err.find("log in again"), std::string::npos) << refused.err;
}

TEST_F(ExamAdminRemote, InvigilatesAdmittingPausingTheRoomAddingTimeAndRecordingIncidents) {
    const auto token = candidate_token("0002");
    start_and_fetch(token);
    ASSERT_EQ(login("invigilator").code, 0);
    auto room = run({"room", "show", "1"});
    ASSERT_EQ(room.code, 0) << room.err;
    EXPECT_NE(room.out.find("in_progress"), std::string::npos) << room.out;
    auto admitted = run({"room", "admit", "1", "--bookings", "1,2"});
    ASSERT_EQ(admitted.code, 0) << admitted.err;
    auto paused = run({"room", "pause", "1", "--reason", "fire alarm"});
    ASSERT_EQ(paused.code, 0) << paused.err;
    EXPECT_NE(paused.out.find("paused"), std::string::npos) << paused.out;
    EXPECT_EQ(client().get("/api/v1/attempt", token).json().at("state").as_string(), "paused");
    ASSERT_EQ(run({"room", "resume", "1"}).code, 0);
    const auto attempt = std::to_string(client().get("/api/v1/attempt", token).json().at("attempt").as_int64());
    auto more = run({"attempts", "extra-time", attempt, "--minutes", "10", "--reason", "restarted computer"});
    ASSERT_EQ(more.code, 0) << more.err;
    EXPECT_NE(more.out.find("added_minutes"), std::string::npos) << more.out;
    EXPECT_EQ(client().get("/api/v1/attempt", token).json().at("allowed_seconds").as_int64(),
              client().get("/api/v1/attempts/" + attempt, staff_token("invigilator")).json().at("allowed_seconds").as_int64());
    auto refused = run({"attempts", "extra-time", attempt, "--minutes", "0", "--reason", "x"});
    EXPECT_EQ(refused.code, 1);
    EXPECT_NE(refused.err.find("/minutes"), std::string::npos) << refused.err;
    auto incident = run({"incidents", "add", "1", "--kind", "disruption", "--description", "Drilling next door"});
    ASSERT_EQ(incident.code, 0) << incident.err;
    auto listed = run({"incidents", "list", "1"});
    EXPECT_NE(listed.out.find("Drilling next door"), std::string::npos) << listed.out;
    auto voided = run({"attempts", "void", attempt, "--reason", "wrong candidate seated"});
    ASSERT_EQ(voided.code, 0) << voided.err;
    EXPECT_EQ(client().get("/api/v1/attempt", token).json().at("state").as_string(), "void");
}

TEST_F(ExamAdminRemote, ClaimsAreRefusedWithTheRulesExplanationAndCertificatesDownloadAndVerify) {
    ASSERT_EQ(login("centre.admin").code, 0);
    auto refused = run({"claims", "create", "1", "--kind", "full", "--qualification", "501/0443/3"});
    EXPECT_EQ(refused.code, 1);
    EXPECT_NE(refused.err.find("credits"), std::string::npos) << "the engine's explanation: " << refused.err;

    ASSERT_EQ(run({"ledger", "record", "1", "--unit", "T/602/1361", "--route", "internal_assessment", "--evidence",
                   "Portfolio 3", "--achieved-on", "2026-06-01"}).code, 0);
    auto claimed = run({"claims", "create", "1", "--kind", "unit", "--qualification", "501/0443/3", "--units", "T/602/1361"});
    ASSERT_EQ(claimed.code, 0) << claimed.err;
    auto listed = run({"certificates", "list", "1", "--json"});
    ASSERT_EQ(listed.code, 0) << listed.err;
    const auto number = std::string(boost::json::parse(listed.out).at("certificates").as_array()[0].at("number").as_string());
    const auto file = (dir_.path() / "certificate.json").string();
    const auto key = (dir_.path() / "public.pem").string();
    ASSERT_EQ(run({"certificates", "download", number, "--out", file}).code, 0);
    ASSERT_EQ(run({"certificates", "public-key", "--out", key}).code, 0);
    std::ostringstream out, err;  // offline: no session file
    EXPECT_EQ(exam_admin::run_cli({"verify", file, "--public-key", key}, {out, err}), 0) << out.str() << err.str();
}
