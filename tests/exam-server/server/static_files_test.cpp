// The candidate's player served at "/" and the staff console at "/staff/":
// the right files with the right caching and security headers, and nothing
// outside their folders, however the path is spelled.
#include <gtest/gtest.h>

#include "api/static_files.hpp"
#include "server_fixture.hpp"

namespace {

using exam_test::ServerFixture;

class StaticFilesTest : public ServerFixture {
protected:
    void SetUp() override {
        // The player's folder, with a secret beside it and the database above it.
        files_.write("player/index.html", "<!doctype html><title>Player</title>");
        files_.write("player/assets/player-ABC123.js", "console.log('player');");
        files_.write("player/assets/player-DEF456.css", "body{margin:0}");
        files_.write("player/.env", "hidden");
        files_.write("secret.txt", "TOP SECRET");
        client_dir_ = (files_.path() / "player").string();
        files_.write("console/index.html", "<!doctype html><title>Staff console</title>");
        files_.write("console/assets/console-XYZ789.js", "console.log('staff');");
        staff_dir_ = (files_.path() / "console").string();
        ServerFixture::SetUp();
    }

    exam_test::TempDir files_;
};

TEST_F(StaticFilesTest, TheRootServesIndexHtmlUncachedWithThePageSecurityHeaders) {
    auto r = client().get("/");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "<!doctype html><title>Player</title>");
    EXPECT_EQ(r.headers["content-type"], "text/html; charset=utf-8");
    EXPECT_EQ(r.headers["cache-control"], "no-cache");
    const auto csp = r.headers["content-security-policy"];
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("style-src 'self'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << csp;
    EXPECT_EQ(csp.find("unsafe-eval"), std::string::npos) << csp;
    // Pictures the player fetched itself, shown from blob: URLs; blob: nowhere else.
    EXPECT_NE(csp.find("img-src 'self' blob:;"), std::string::npos) << csp;
    EXPECT_EQ(csp.find("blob:"), csp.rfind("blob:")) << csp;
    EXPECT_NE(csp.find("connect-src 'self';"), std::string::npos) << csp;
    EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << csp;
    EXPECT_EQ(r.headers["x-content-type-options"], "nosniff");
    EXPECT_EQ(r.headers["referrer-policy"], "no-referrer");
    EXPECT_EQ(client().get("/index.html").body, r.body);
}

TEST_F(StaticFilesTest, HashedAssetsAreCachedForAYearWithTheirContentType) {
    auto js = client().get("/assets/player-ABC123.js");
    ASSERT_EQ(js.status, 200);
    EXPECT_EQ(js.body, "console.log('player');");
    EXPECT_EQ(js.headers["content-type"], "text/javascript; charset=utf-8");
    EXPECT_EQ(js.headers["cache-control"], "public, max-age=31536000, immutable");
    EXPECT_EQ(js.headers["x-content-type-options"], "nosniff");
    auto css = client().get("/assets/player-DEF456.css");
    EXPECT_EQ(css.headers["content-type"], "text/css; charset=utf-8");
}

TEST_F(StaticFilesTest, NoSpellingOfAPathReachesAFileOutsideThePlayer) {
    for (const std::string target : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
                                     "/assets/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/assets/..%2f..%2fsecret.txt",
                                     "//secret.txt", "/./index.html/../../secret.txt", "/%2fetc%2fpasswd", "/etc/passwd",
                                     "/../data/exam.sqlite3", "/.env", "/assets/./player-ABC123.js", "/assets"}) {
        auto r = client().get(target);
        EXPECT_EQ(r.status, 404) << target;
        EXPECT_EQ(r.body.find("TOP SECRET"), std::string::npos) << target;
        EXPECT_EQ(r.body.find("hidden"), std::string::npos) << target;
        EXPECT_EQ(r.body.find("SQLite"), std::string::npos) << target;
    }
}

TEST_F(StaticFilesTest, TheApiKeepsItsJsonErrorsAndOnlyGetServesFiles) {
    auto api = client().get("/api/v1/no-such-thing");
    EXPECT_EQ(api.status, 404);
    EXPECT_NE(api.body.find("\"not_found\""), std::string::npos) << api.body;
    EXPECT_EQ(client().get("/api/index.html").status, 404);
    EXPECT_EQ(client().post("/", "{}").status, 404);
    EXPECT_EQ(client().get("/healthz").status, 200);
}

TEST_F(StaticFilesTest, TheStaffConsoleAnswersEveryPageAddressWithItsIndexAndItsOwnAssets) {
    auto root = client().get("/staff/");
    ASSERT_EQ(root.status, 200);
    EXPECT_EQ(root.body, "<!doctype html><title>Staff console</title>");
    EXPECT_EQ(root.headers["cache-control"], "no-cache");
    EXPECT_NE(root.headers["content-security-policy"].find("script-src 'self'"), std::string::npos);
    EXPECT_EQ(root.headers["content-security-policy"].find("unsafe-inline"), std::string::npos);
    // The console shows no fetched pictures: no blob: images.
    EXPECT_NE(root.headers["content-security-policy"].find("img-src 'self';"), std::string::npos);
    EXPECT_EQ(root.headers["content-security-policy"].find("blob:"), std::string::npos);
    // The console's own router shows these: a reload or a typed address works.
    for (const std::string page : {"/staff/sessions/4/room", "/staff/centres/1/candidates", "/staff/candidates/9"}) {
        auto r = client().get(page);
        EXPECT_EQ(r.status, 200) << page;
        EXPECT_EQ(r.body, root.body) << page;
    }
    auto js = client().get("/staff/assets/console-XYZ789.js");
    ASSERT_EQ(js.status, 200);
    EXPECT_EQ(js.body, "console.log('staff');");
    EXPECT_EQ(js.headers["cache-control"], "public, max-age=31536000, immutable");
    // A missing asset or a file name is a 404, never the page in its place.
    EXPECT_EQ(client().get("/staff/assets/console-OLD.js").status, 404);
    EXPECT_EQ(client().get("/staff/secret.txt").status, 404);
    // The two clients do not see each other's files.
    EXPECT_EQ(client().get("/assets/console-XYZ789.js").status, 404);
    EXPECT_EQ(client().get("/staff/assets/player-ABC123.js").status, 404);
    auto bare = client().get("/staff");
    EXPECT_EQ(bare.status, 308);
    EXPECT_EQ(bare.headers["location"], "/staff/");
}

TEST_F(StaticFilesTest, NoSpellingOfAPathUnderTheConsoleReachesAnotherFile) {
    for (const std::string target : {"/staff/../secret.txt", "/staff/%2e%2e/secret.txt", "/staff/..%2fsecret.txt",
                                     "/staff/assets/../../secret.txt", "/staff/../player/index.html"}) {
        auto r = client().get(target);
        EXPECT_NE(r.status, 200) << target;
        EXPECT_EQ(r.body.find("TOP SECRET"), std::string::npos) << target;
        EXPECT_EQ(r.body.find("Player"), std::string::npos) << target;
    }
}

TEST(StaticFilesWithoutABuild, AMissingFolderServesNothingAndSaysHowToBuild) {
    exam_test::TempDir dir;
    exam::api::StaticFiles files(dir.path() / "not-built");
    EXPECT_EQ(files.file_count(), 0u);
    EXPECT_FALSE(files.serve("/").has_value());
}

TEST(StaticFilesSymlinks, ALinkInsideThePlayerFolderIsNotFollowed) {
    exam_test::TempDir dir;
    dir.write("outside/secret.txt", "TOP SECRET");
    dir.write("player/index.html", "ok");
    std::filesystem::create_symlink(dir.path() / "outside" / "secret.txt", dir.path() / "player" / "linked.txt");
    std::filesystem::create_directory_symlink(dir.path() / "outside", dir.path() / "player" / "linked-dir");
    exam::api::StaticFiles files(dir.path() / "player");
    EXPECT_EQ(files.file_count(), 1u);
    EXPECT_FALSE(files.serve("/linked.txt").has_value());
    EXPECT_FALSE(files.serve("/linked-dir/secret.txt").has_value());
    EXPECT_TRUE(files.serve("/").has_value());
}

}  // namespace
