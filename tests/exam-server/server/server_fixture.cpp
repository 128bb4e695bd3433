#include "server_fixture.hpp"

#include <boost/json.hpp>

#include "bundled_bank.hpp"

namespace exam_test {

void ServerFixture::SetUp() {
    start_server();
    app_->create_demo_data();
}

void ServerFixture::TearDown() {
    if (app_) app_->stop();
    app_.reset();
}

void ServerFixture::start_server() {
    exam::app::ApplicationOptions options;
    options.config.port = 0;
    options.config.data_dir = (dir_.path() / "data").string();
    options.config.log_level = "warning";
    options.config.threads = 2;
    options.config.bank_dir = bank_dir_;
    options.config.client_dir = client_dir_;
    options.config.staff_dir = staff_dir_;
    options.config.clock_grace_seconds = grace_ms_ / 1000;
    options.clock = &clock_;
    options.kdf = exam::security::ScryptParameters::cheap_for_tests();
    options.run_scheduler = false;
    app_ = std::make_unique<exam::app::Application>(options);
    app_->start();
    client_ = std::make_unique<HttpsClient>("127.0.0.1", app_->port());
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
