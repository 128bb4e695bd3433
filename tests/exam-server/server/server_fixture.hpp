#pragma once
// A real exam-server for a test: the whole Application on 127.0.0.1, an
// ephemeral port, TLS with its self-signed certificate, a SQLite file in a
// temporary folder, the demo data, a clock the test moves by hand, and cheap
// password hashing.
//
// With EXAM_TEST_POSTGRESQL_HOST set (the socket folder of the PostgreSQL
// that ctest's "postgresql" fixture starts: tests/support/test-postgresql.sh),
// the same tests run on PostgreSQL instead, each in a database of its own.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "domain/clock.hpp"
#include "https_client.hpp"
#include "temp_dir.hpp"

namespace exam_test {

class ServerFixture : public ::testing::Test {
protected:
    // 2026-11-25T09:00:00Z: the demo session runs from 08:45 to 17:00.
    static constexpr exam::domain::Millis start_time = 1795597200000;

    void SetUp() override;
    void TearDown() override;

    void start_server();
    // Another node on the test's database (PostgreSQL: see on_postgresql()),
    // beside app_: the same data folder (so the same awarding key), its own port.
    std::unique_ptr<exam::app::Application> start_another_node();
    exam::app::ApplicationOptions node_options();
    void restart_server();
    // Serves a copy of the bundled bank from the test's own folder, for tests
    // whose requests write into the bank (confirmed imports): the bundled
    // item-bank/data is never written. Call before SetUp starts the server.
    void use_bank_copy();

    HttpsClient& client() { return *client_; }
    bool on_postgresql() const { return !database_uri_.empty(); }
    // The test's database, whichever engine, read behind the server's back:
    // each row's columns as text ("" for NULL). Parameters are `?` and bound as text.
    std::vector<std::vector<std::string>> query(const std::string& sql, const std::vector<std::string>& params = {});
    // Changes the database behind the server's back (tampering tests).
    void execute(const std::string& sql, const std::vector<std::string>& params = {});
    // The id of the first audit entry that does not follow from the one before; 0 when whole.
    std::int64_t first_broken_audit_row();
    std::string staff_token(const std::string& username);
    // Logs the demo candidate in (0001..0004) and returns their token.
    std::string candidate_token(const std::string& candidate_number);
    std::string keycode_of(const std::string& candidate_number);
    // Starts the attempt and returns the items JSON.
    boost::json::value start_and_fetch(const std::string& token);

    TempDir dir_;
    exam::domain::ManualClock clock_{start_time};
    std::unique_ptr<exam::app::Application> app_;
    std::unique_ptr<HttpsClient> client_;
    exam::domain::Millis grace_ms_ = 30'000;
    std::string bank_dir_;  // empty: the bundled bank (read-only: see use_bank_copy)
    std::string client_dir_;  // empty: the built candidate's player
    std::string staff_dir_;   // empty: the built staff console
    std::string database_uri_;  // empty: SQLite in dir_/data
    std::string database_name_;
};

}  // namespace exam_test
