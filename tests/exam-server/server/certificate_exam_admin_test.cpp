// exam-admin's offline verifier, written from docs/formats.md apart from the
// server's code, accepts what the server issues and refuses a changed copy.
#include <boost/json.hpp>

#include <sstream>

#include "cli.hpp"
#include "server_fixture.hpp"

namespace {

struct Run {
    int code;
    std::string out, err;
};

Run run_exam_admin(std::vector<std::string> args) {
    std::ostringstream out, err;
    const int code = exam_admin::run_cli(args, {out, err});
    return {code, out.str(), err.str()};
}

}  // namespace

class CertificateExamAdmin : public exam_test::ServerFixture {};

TEST_F(CertificateExamAdmin, VerifiesAServerCertificateOfflineAndRefusesATamperedCopy) {
    const auto admin = staff_token("centre.admin");
    ASSERT_EQ(client().post("/api/v1/candidates/1/achievements",
                            R"({"unit":"K/602/1597","route":"internal_assessment","evidence":"Portfolio 4","achieved_on":"2026-10-01"})",
                            admin).status, 201);
    auto issued = client().post("/api/v1/candidates/1/claims", R"({"kind":"unit","qualification":"501/0443/3"})", admin);
    ASSERT_EQ(issued.status, 201) << issued.body;
    const std::string number(issued.json().at("number").as_string());
    const auto document = client().get("/api/v1/certificates/" + number, admin).body;
    const auto key = dir_.write("awarding-public-key.pem", client().get("/api/v1/certificates/public-key").body);
    const auto file = dir_.write("certificate.json", document);

    auto ok = run_exam_admin({"verify", file.string(), "--public-key", key.string()});
    EXPECT_EQ(ok.code, exam_admin::exit_ok) << ok.out << ok.err;
    EXPECT_EQ(ok.out, file.string() + ": valid unit certificate " + number +
                          " for Amira Hassan, 501/0443/3 Pearson BTEC Level 3 Certificate in Customer Service (QCF), issued "
                          "2026-11-25T09:00:00Z\n");
    // The key the server keeps beside its signing key is the same public key.
    EXPECT_EQ(run_exam_admin({"verify", file.string(), "--public-key", (dir_.path() / "data" / "awarding-public-key.pem").string()}).code,
              exam_admin::exit_ok);

    std::string changed = document;
    changed.replace(changed.find("K/602/1597"), 10, "K/602/1598");
    const auto tampered = dir_.write("tampered.json", changed);
    auto bad = run_exam_admin({"verify", tampered.string(), "--public-key", key.string()});
    EXPECT_EQ(bad.code, exam_admin::exit_invalid);
    EXPECT_EQ(bad.out, tampered.string() + ": NOT VALID: the signature does not match: the certificate was changed after it was signed\n");

    // Usage and unreadable input are exit 2, with a plain message.
    EXPECT_EQ(run_exam_admin({"verify", file.string()}).code, exam_admin::exit_usage);
    EXPECT_EQ(run_exam_admin({"verify", (dir_.path() / "none.json").string(), "--public-key", key.string()}).code,
              exam_admin::exit_usage);
    auto not_a_key = run_exam_admin({"verify", file.string(), "--public-key", file.string()});
    EXPECT_EQ(not_a_key.code, exam_admin::exit_usage);
    EXPECT_NE(not_a_key.err.find("is not an Ed25519 public key"), std::string::npos);
}
