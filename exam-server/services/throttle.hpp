#pragma once
// What the services need from login throttling: ask before trying, report the
// outcome. Keys name what is throttled ("account:alice", "address:10.0.0.9").

#include <chrono>
#include <optional>
#include <string>

namespace exam::services {

class Throttle {
public:
    virtual ~Throttle() = default;
    virtual std::optional<std::chrono::seconds> retry_after(const std::string& key) = 0;
    virtual void failed(const std::string& key) = 0;
    virtual void succeeded(const std::string& key) = 0;
};

}  // namespace exam::services
