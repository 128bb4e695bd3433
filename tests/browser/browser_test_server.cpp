// exam-server for the browser tests: the whole Application with the demo data,
// on 127.0.0.1, an ephemeral port, TLS with its self-signed certificate and a
// SQLite file in the folder given, serving the built player, with a clock
// that stands still until the test moves it. It is a test executable, never
// installed: production exam-server has no way to move its clock.
//
//   browser_test_server DATA_DIR CLIENT_DIR [STAFF_DIR]
// prints one JSON line {"port": N, "keycodes": {"0001": "...", ...}}, then reads
// commands from stdin, one a line, answering each with a line:
//   advance MS   moves the clock on and submits attempts whose time is up
// End of input stops the server.
#include <boost/json.hpp>

#include <chrono>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>

#include "app/application.hpp"
#include "domain/clock.hpp"

int main(int argc, char** argv) {
    if (argc != 3 && argc != 4) {
        std::cerr << "usage: browser_test_server DATA_DIR CLIENT_DIR [STAFF_DIR]\n";
        return 2;
    }
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    exam::domain::ManualClock clock(now);
    exam::app::ApplicationOptions options;
    options.config.port = 0;
    options.config.data_dir = argv[1];
    options.config.client_dir = argv[2];
    if (argc == 4) options.config.staff_dir = argv[3];
    options.config.log_level = "warning";
    options.config.threads = 2;
    // The clock only moves when told, so a long grace changes nothing but lets
    // a test jump past the end of a test in one step.
    options.config.clock_grace_seconds = 3600;
    options.clock = &clock;
    options.kdf = exam::security::ScryptParameters::cheap_for_tests();
    try {
        exam::app::Application app(options);
        app.start();
        const std::string demo = app.create_demo_data();
        boost::json::object keycodes;
        const std::regex line(R"(candidate (\d{4}) .*keycode ([A-Z0-9]+))");
        std::istringstream lines(demo);
        for (std::string l; std::getline(lines, l);) {
            std::smatch m;
            if (std::regex_search(l, m, line)) keycodes[m[1].str()] = m[2].str();
        }
        std::cout << boost::json::serialize(boost::json::object{{"port", app.port()}, {"keycodes", keycodes}}) << std::endl;
        for (std::string command; std::getline(std::cin, command);) {
            std::istringstream in(command);
            std::string verb;
            long long ms = 0;
            if (in >> verb >> ms && verb == "advance" && ms >= 0) {
                clock.advance(ms);
                const auto submitted = app.run_scheduler_once();
                std::cout << "ok " << submitted << std::endl;
            } else {
                std::cout << "error: expected 'advance MS'" << std::endl;
            }
        }
        app.stop();
    } catch (const std::exception& e) {
        std::cerr << "browser_test_server: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
