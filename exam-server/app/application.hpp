#pragma once
// The whole server assembled: configuration, item bank, database, services,
// routes, the HTTP(S) listener and the time-up scheduler. The executable, the
// integration tests and the load benchmark all start one of these.

#include <memory>
#include <string>

#include "app/config.hpp"
#include "domain/clock.hpp"
#include "security/password_hash.hpp"

namespace exam::services {
class AttemptService;
}

namespace exam::app {

struct ApplicationOptions {
    ServerConfig config;
    // Tests inject a manual clock and cheap password hashing; null means the system clock.
    const domain::Clock* clock = nullptr;
    security::ScryptParameters kdf = security::ScryptParameters::production();
    // False in tests that drive time-up by hand (run_scheduler_once).
    bool run_scheduler = true;
};

class Application {
public:
    explicit Application(ApplicationOptions options);
    ~Application();
    Application(const Application&) = delete;
    Application& operator=(const Application&) = delete;

    // Loads the bank, opens and migrates the database, wires the services and
    // starts serving. Throws std::runtime_error with a message for a person.
    void start();
    unsigned short port() const;
    // Graceful: stops accepting, finishes requests in flight, commits, stops.
    void stop();

    // Submits attempts whose time is up (the scheduler does this every 250 ms).
    std::size_t run_scheduler_once();
    services::AttemptService& attempts();
    // Creates the demo AO, centre, staff, candidates and an open session if the
    // database has no centre yet; returns what a person needs to try it.
    std::string create_demo_data();
    const ServerConfig& config() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace exam::app
