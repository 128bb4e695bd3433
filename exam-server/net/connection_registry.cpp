#include "net/connection_registry.hpp"

#include <vector>

namespace exam::net {

bool ConnectionRegistry::try_open(const std::string& address) {
    std::lock_guard lock(mutex_);
    if (draining_ || total_ >= max_total_) return false;
    auto& n = per_address_[address];
    if (n >= max_per_address_) return false;
    ++n;
    ++total_;
    return true;
}

void ConnectionRegistry::close(const std::string& address) {
    std::lock_guard lock(mutex_);
    auto it = per_address_.find(address);
    if (it == per_address_.end()) return;
    if (--it->second == 0) per_address_.erase(it);
    --total_;
}

std::size_t ConnectionRegistry::open_count() const {
    std::lock_guard lock(mutex_);
    return total_;
}

std::uint64_t ConnectionRegistry::add_drain_callback(std::function<void()> drain) {
    std::lock_guard lock(mutex_);
    const auto id = next_id_++;
    drains_.emplace(id, std::move(drain));
    return id;
}

void ConnectionRegistry::remove_drain_callback(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    drains_.erase(id);
}

void ConnectionRegistry::drain_all() {
    std::vector<std::function<void()>> callbacks;
    {
        std::lock_guard lock(mutex_);
        draining_ = true;
        for (auto& [id, cb] : drains_) callbacks.push_back(cb);
    }
    // Called outside the lock: a callback may close its session, which
    // unregisters itself.
    for (auto& cb : callbacks) cb();
}

bool ConnectionRegistry::draining() const {
    std::lock_guard lock(mutex_);
    return draining_;
}

void ConnectionRegistry::request_started() {
    std::lock_guard lock(mutex_);
    ++in_flight_;
}

void ConnectionRegistry::request_finished() {
    std::lock_guard lock(mutex_);
    --in_flight_;
}

std::size_t ConnectionRegistry::requests_in_flight() const {
    std::lock_guard lock(mutex_);
    return in_flight_;
}

}  // namespace exam::net
