#pragma once
// The services' Throttle on the in-memory LoginThrottle, timed by the steady
// clock. Addresses get a far larger allowance than accounts: a whole exam
// room usually shares one address, and one candidate's typos must not lock
// out the room.

#include "security/login_throttle.hpp"
#include "services/throttle.hpp"

namespace exam::app {

class InMemoryThrottle final : public services::Throttle {
public:
    InMemoryThrottle() : accounts_(account_policy()), addresses_(address_policy()) {}

    // The rule a key is judged by: addresses get the larger allowance.
    static security::LoginThrottlePolicy policy_for(const std::string& key) {
        return is_address(key) ? address_policy() : account_policy();
    }

    std::optional<std::chrono::seconds> retry_after(const std::string& key) override {
        return table(key).retry_after(key, std::chrono::steady_clock::now());
    }
    void failed(const std::string& key) override { table(key).record_failure(key, std::chrono::steady_clock::now()); }
    void succeeded(const std::string& key) override { table(key).record_success(key); }

private:
    // Failures are remembered for an hour: with the 15-minute cap equal to a
    // 15-minute window, a patient guesser never reaches the cap.
    static security::LoginThrottlePolicy account_policy() {
        security::LoginThrottlePolicy p;
        p.window = std::chrono::hours(1);
        return p;
    }
    static security::LoginThrottlePolicy address_policy() {
        security::LoginThrottlePolicy p;
        p.window = std::chrono::hours(1);
        p.free_failures = 100;
        return p;
    }
    static bool is_address(const std::string& key) { return key.find("address:") != std::string::npos; }
    security::LoginThrottle& table(const std::string& key) { return is_address(key) ? addresses_ : accounts_; }

    security::LoginThrottle accounts_;
    security::LoginThrottle addresses_;
};

}  // namespace exam::app
