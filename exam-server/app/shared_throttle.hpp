#pragma once
// Login throttling for several nodes (issue 12): failures are kept in the
// shared database (storage/throttle_store.hpp) and judged by the same rules as
// one node's in-memory throttle, which stays in front of it so this node sees
// its own failures at once, before their write commits. A key's wait is the
// longer of the two answers: the database's counts every node's failures,
// this node's included, so they are never added.

#include <memory>
#include <string>

#include "app/throttle_adapter.hpp"
#include "domain/clock.hpp"
#include "services/throttle.hpp"
#include "storage/throttle_store.hpp"

namespace exam::app {

class SharedThrottle final : public services::Throttle {
public:
    SharedThrottle(storage::ThrottleStore& store, const domain::Clock& clock) : store_(store), clock_(clock) {}

    std::optional<std::chrono::seconds> retry_after(const std::string& key) override;
    void failed(const std::string& key) override;
    void succeeded(const std::string& key) override;

private:
    storage::ThrottleStore& store_;
    const domain::Clock& clock_;
    InMemoryThrottle local_;
};

}  // namespace exam::app
