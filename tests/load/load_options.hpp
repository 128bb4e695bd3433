#pragma once
// exam-load's command line, every value bounded.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace exam_load {

struct LoadOptions {
    std::string host = "127.0.0.1";  // a loopback address: load runs never leave the machine
    unsigned short port = 8443;
    std::size_t candidates = 100;
    double save_interval_seconds = 5;
    double heartbeat_interval_seconds = 15;  // well inside the server's 30 s clock grace
    double duration_seconds = 60;             // the steady part, after the ramp
    double ramp_seconds = 10;                 // log-ins spread evenly over this
    std::size_t threads = 2;
    bool setup = false;
    std::int64_t session = 0;  // without --setup: the open session whose bookings to use
    bool saturate = false;
    bool trivial = false;
    std::size_t dashboards = 0;  // live-feed subscribers of the session's room (issue 4 §2)
    int server_pid = 0;
    std::string ca_file;  // empty: the server's certificate is not checked (it is self-signed on 127.0.0.1)
    std::string staff_user = "centre.admin";
    std::string staff_password = "demo-password-2026";
    std::string unit = "K/602/1597";           // the demo session's unit
    std::string qualification = "501/0443/3";  // which contains it
    int timeout_seconds = 30;                   // any one request
};

struct ParsedOptions {
    std::optional<LoadOptions> options;  // empty: print `message` and exit with `exit_code`
    std::string message;
    int exit_code = 0;
};

ParsedOptions parse_options(const std::vector<std::string>& args);

}  // namespace exam_load
