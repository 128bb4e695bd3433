#include "load_options.hpp"

#include <boost/asio/ip/address.hpp>

#include <charconv>
#include <functional>
#include <map>

namespace exam_load {

namespace {

const char* const help = R"(usage: exam-load [OPTIONS]

Drives a running exam-server over HTTPS with simulated candidates: each logs
in, starts, fetches the items, saves a random answer every save interval,
sends heartbeats, and submits when the run ends. Prints throughput and
latency per operation, errors by status, and the server's peak memory.

  --host ADDRESS             server address, loopback only (default 127.0.0.1)
  --port N                   server port (default 8443)
  --candidates N             simulated candidates, one connection each (default 100; at most 20000)
  --save-interval SECONDS    time between one candidate's saves (default 5)
  --heartbeat-interval SECONDS  (default 15)
  --duration SECONDS         steady run after the ramp (default 60; at most 3600)
  --ramp SECONDS             log-ins spread over this (default 10)
  --threads N                client io threads (default 2)
  --setup                    create the candidates, registrations, a session and bookings, and open it
                             (as --staff-user, an admin of one centre); without it, give --session
  --session ID               use this open session's bookings (candidates who have not submitted yet)
  --saturate                 every candidate saves again as soon as its last save is answered
  --trivial                  also send GET /healthz back to back on as many connections
  --dashboards N             also subscribe N invigilator dashboards to the session's live feed (wss) and
                             report each event's delivery latency (default 0; at most 1000)
  --server-pid PID           read the server's memory and CPU time from /proc/PID
  --ca-file FILE             check the server's certificate against this PEM file
  --staff-user NAME          (default centre.admin)
  --staff-password PASSWORD  (default demo-password-2026)
  --unit CODE                the unit to sit (default K/602/1597)
  --qualification NUMBER     registered on, containing the unit (default 501/0443/3)
  --timeout SECONDS          for any one request (default 30)
  --help
)";

bool whole(const std::string& text, long long min, long long max, long long& out) {
    long long v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v < min || v > max) return false;
    out = v;
    return true;
}

bool seconds(const std::string& text, double min, double max, double& out) {
    double v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || !(v >= min && v <= max)) return false;
    out = v;
    return true;
}

}  // namespace

ParsedOptions parse_options(const std::vector<std::string>& args) {
    LoadOptions o;
    long long n = 0;
    // Each valued option: its parser, returning an error message or "".
    const std::map<std::string, std::function<std::string(const std::string&)>> valued = {
        {"--host", [&](const std::string& v) {
             boost::system::error_code ec;
             auto address = boost::asio::ip::make_address(v, ec);
             if (ec || !address.is_loopback()) return std::string("--host expects a loopback address such as 127.0.0.1");
             o.host = v;
             return std::string();
         }},
        {"--port", [&](const std::string& v) {
             if (!whole(v, 1, 65535, n)) return std::string("--port expects 1 to 65535");
             o.port = static_cast<unsigned short>(n);
             return std::string();
         }},
        {"--dashboards", [&](const std::string& v) {
             if (!whole(v, 0, 1000, n)) return std::string("--dashboards expects 0 to 1000");
             o.dashboards = static_cast<std::size_t>(n);
             return std::string();
         }},
        {"--candidates", [&](const std::string& v) {
             if (!whole(v, 1, 20000, n)) return std::string("--candidates expects 1 to 20000");
             o.candidates = static_cast<std::size_t>(n);
             return std::string();
         }},
        {"--save-interval", [&](const std::string& v) {
             return seconds(v, 0.01, 3600, o.save_interval_seconds) ? "" : "--save-interval expects 0.01 to 3600 seconds";
         }},
        {"--heartbeat-interval", [&](const std::string& v) {
             return seconds(v, 0.1, 3600, o.heartbeat_interval_seconds) ? "" : "--heartbeat-interval expects 0.1 to 3600 seconds";
         }},
        {"--duration", [&](const std::string& v) {
             return seconds(v, 1, 3600, o.duration_seconds) ? "" : "--duration expects 1 to 3600 seconds";
         }},
        {"--ramp", [&](const std::string& v) { return seconds(v, 0, 600, o.ramp_seconds) ? "" : "--ramp expects 0 to 600 seconds"; }},
        {"--threads", [&](const std::string& v) {
             if (!whole(v, 1, 16, n)) return std::string("--threads expects 1 to 16");
             o.threads = static_cast<std::size_t>(n);
             return std::string();
         }},
        {"--session", [&](const std::string& v) {
             if (!whole(v, 1, INT64_MAX, n)) return std::string("--session expects a session id");
             o.session = n;
             return std::string();
         }},
        {"--server-pid", [&](const std::string& v) {
             if (!whole(v, 1, 1 << 30, n)) return std::string("--server-pid expects a process id");
             o.server_pid = static_cast<int>(n);
             return std::string();
         }},
        {"--timeout", [&](const std::string& v) {
             if (!whole(v, 1, 600, n)) return std::string("--timeout expects 1 to 600 seconds");
             o.timeout_seconds = static_cast<int>(n);
             return std::string();
         }},
        {"--ca-file", [&](const std::string& v) { o.ca_file = v; return std::string(); }},
        {"--staff-user", [&](const std::string& v) { o.staff_user = v; return std::string(); }},
        {"--staff-password", [&](const std::string& v) { o.staff_password = v; return std::string(); }},
        {"--unit", [&](const std::string& v) { o.unit = v; return std::string(); }},
        {"--qualification", [&](const std::string& v) { o.qualification = v; return std::string(); }},
    };
    const std::map<std::string, bool*> switches = {{"--setup", &o.setup}, {"--saturate", &o.saturate}, {"--trivial", &o.trivial}};

    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") return {std::nullopt, help, 0};
        if (auto s = switches.find(a); s != switches.end()) {
            *s->second = true;
            continue;
        }
        auto v = valued.find(a);
        if (v == valued.end()) return {std::nullopt, "unknown option '" + a + "' (see --help)", 2};
        if (i + 1 >= args.size()) return {std::nullopt, a + " needs a value (see --help)", 2};
        if (auto error = v->second(args[++i]); !error.empty()) return {std::nullopt, error, 2};
    }
    if (!o.setup && o.session == 0) {
        return {std::nullopt, "give --setup, or --session ID of an open session whose candidates have not submitted", 2};
    }
    return {o, "", 0};
}

}  // namespace exam_load
