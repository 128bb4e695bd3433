#pragma once
// The services' Throttle on the in-memory LoginThrottle, timed by the steady clock.

#include "security/login_throttle.hpp"
#include "services/throttle.hpp"

namespace exam::app {

class InMemoryThrottle final : public services::Throttle {
public:
    std::optional<std::chrono::seconds> retry_after(const std::string& key) override {
        return throttle_.retry_after(key, std::chrono::steady_clock::now());
    }
    void failed(const std::string& key) override { throttle_.record_failure(key, std::chrono::steady_clock::now()); }
    void succeeded(const std::string& key) override { throttle_.record_success(key); }

private:
    security::LoginThrottle throttle_;
};

}  // namespace exam::app
