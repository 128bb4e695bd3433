#include "server_fixture.hpp"

#include <boost/json.hpp>

#include <unistd.h>

#include <atomic>
#include <cstdlib>

#include "bundled_bank.hpp"
#include "storage/postgresql/pg_connection.hpp"
#include "storage/postgresql/pg_database.hpp"
#include "storage/postgresql/pg_statement.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/database.hpp"
#include "storage/sqlite/statement.hpp"

namespace exam_test {
namespace {

namespace pg = exam::storage::postgresql;
namespace lite = exam::storage::sqlite;

std::string postgresql_uri(const std::string& host, const std::string& database) {
    return "postgresql://exam@/" + database + "?host=" + host;
}

template <class Statement>
std::vector<std::vector<std::string>> all_rows(Statement& s, const std::vector<std::string>& params) {
    for (std::size_t i = 0; i < params.size(); ++i) s.bind(static_cast<int>(i + 1), std::string_view(params[i]));
    std::vector<std::vector<std::string>> rows;
    while (s.step() == exam::storage::Step::row) {
        auto& row = rows.emplace_back();
        for (int c = 0; c < s.column_count(); ++c) row.push_back(s.is_null(c) ? "" : s.column_text(c));
    }
    return rows;
}

}  // namespace

void ServerFixture::SetUp() {
    if (const char* host = std::getenv("EXAM_TEST_POSTGRESQL_HOST"); host != nullptr && *host != '\0') {
        // A database of the test's own: ctest runs tests side by side on one server.
        static std::atomic<int> made{0};
        database_name_ = "test_" + std::to_string(::getpid()) + "_" + std::to_string(++made);
        pg::PgConnection admin(postgresql_uri(host, "postgres"));
        admin.exec("DROP DATABASE IF EXISTS " + database_name_);
        admin.exec("CREATE DATABASE " + database_name_);
        database_uri_ = postgresql_uri(host, database_name_);
    }
    start_server();
    app_->create_demo_data();
}

void ServerFixture::TearDown() {
    if (app_) app_->stop();
    app_.reset();
    if (on_postgresql()) {
        try {
            pg::PgConnection admin(postgresql_uri(std::getenv("EXAM_TEST_POSTGRESQL_HOST"), "postgres"));
            admin.exec("DROP DATABASE IF EXISTS " + database_name_ + " WITH (FORCE)");
        } catch (const pg::PgError& e) {
            ADD_FAILURE() << "cannot drop the test's database: " << e.what();
        }
    }
}

std::vector<std::vector<std::string>> ServerFixture::query(const std::string& sql, const std::vector<std::string>& params) {
    if (on_postgresql()) {
        pg::PgConnection c(database_uri_);
        auto s = c.prepare(sql);
        return all_rows(s, params);
    }
    lite::Connection c(dir_.path() / "data" / "exam.sqlite3", lite::Access::read_write_create);
    auto s = c.prepare(sql);
    return all_rows(s, params);
}

void ServerFixture::execute(const std::string& sql, const std::vector<std::string>& params) { query(sql, params); }

std::int64_t ServerFixture::first_broken_audit_row() {
    if (on_postgresql()) {
        pg::PgConnection c(database_uri_);
        return pg::first_broken_audit_row(c);
    }
    lite::Connection c(dir_.path() / "data" / "exam.sqlite3", lite::Access::read_write_create);
    return lite::first_broken_audit_row(c);
}

exam::app::ApplicationOptions ServerFixture::node_options() {
    exam::app::ApplicationOptions options;
    options.config.port = 0;
    options.config.data_dir = (dir_.path() / "data").string();
    options.config.database = database_uri_;
    options.config.log_level = "warning";
    options.config.threads = 2;
    options.config.bank_dir = bank_dir_;
    options.config.client_dir = client_dir_;
    options.config.staff_dir = staff_dir_;
    options.config.clock_grace_seconds = grace_ms_ / 1000;
    options.clock = &clock_;
    options.kdf = exam::security::ScryptParameters::cheap_for_tests();
    options.run_scheduler = false;
    return options;
}

void ServerFixture::start_server() {
    app_ = std::make_unique<exam::app::Application>(node_options());
    app_->start();
    client_ = std::make_unique<HttpsClient>("127.0.0.1", app_->port());
}

std::unique_ptr<exam::app::Application> ServerFixture::start_another_node() {
    auto node = std::make_unique<exam::app::Application>(node_options());
    node->start();
    return node;
}

void ServerFixture::use_bank_copy() {
    const auto copy = dir_.path() / "bank";
    std::filesystem::copy(bundled_bank_dir(), copy, std::filesystem::copy_options::recursive);
    bank_dir_ = copy.string();
}

void ServerFixture::restart_server() {
    app_->stop();
    app_.reset();
    start_server();
}

std::string ServerFixture::staff_token(const std::string& username) {
    auto r = client().post("/api/v1/auth/login",
                           R"({"username":")" + username + R"(","password":"demo-password-2026"})");
    EXPECT_EQ(r.status, 200) << r.body;
    return std::string(r.json().at("token").as_string());
}

std::string ServerFixture::keycode_of(const std::string& candidate_number) {
    const auto admin = staff_token("centre.admin");
    auto session = client().get("/api/v1/sessions/1", admin).json();
    auto candidates = client().get("/api/v1/centres/1/candidates", admin).json();
    std::int64_t id = 0;
    for (const auto& c : candidates.at("candidates").as_array()) {
        if (c.at("candidate_number").as_string() == candidate_number) id = c.at("id").as_int64();
    }
    for (const auto& b : session.at("bookings").as_array()) {
        if (b.at("candidate").as_int64() == id) return std::string(b.at("keycode").as_string());
    }
    ADD_FAILURE() << "no booking for candidate " << candidate_number;
    return {};
}

std::string ServerFixture::candidate_token(const std::string& candidate_number) {
    const auto keycode = keycode_of(candidate_number);
    auto r = client().post("/api/v1/candidate/login", R"({"centre_number":"90001","candidate_number":")" +
                                                          candidate_number + R"(","keycode":")" + keycode + R"("})");
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status != 200) return {};
    return std::string(r.json().at("token").as_string());
}

boost::json::value ServerFixture::start_and_fetch(const std::string& token) {
    EXPECT_EQ(client().post("/api/v1/attempt/start", "", token).status, 200);
    auto items = client().get("/api/v1/attempt/items", token);
    EXPECT_EQ(items.status, 200) << items.body;
    return items.json();
}

}  // namespace exam_test
