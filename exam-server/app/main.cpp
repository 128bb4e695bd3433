// exam-server: parse the configuration, start the application, wait for
// SIGINT or SIGTERM, shut down gracefully, exit 0.
#include <csignal>
#include <iostream>
#include <pthread.h>

#include "app/application.hpp"
#include "app/config.hpp"

int main(int argc, char** argv) {
    const auto parsed = exam::app::parse_config(std::vector<std::string>(argv + 1, argv + argc));
    if (!parsed.config) {
        (parsed.exit_code == 0 ? std::cout : std::cerr) << parsed.message << (parsed.exit_code ? "\n" : "");
        return parsed.exit_code;
    }
    // Block the signals in every thread (the workers inherit the mask) and take
    // them here, synchronously: no work happens in a signal handler.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    exam::app::ApplicationOptions options;
    options.config = *parsed.config;
    exam::app::Application app(options);
    try {
        app.start();
        const auto& c = app.config();
        const std::string scheme = c.tls ? "https" : "http";
        const std::string base = scheme + "://" + (c.listen_address == "0.0.0.0" ? "localhost" : c.listen_address) + ":" +
                                 std::to_string(app.port());
        std::cout << "exam-server listening on " << base << "\n";
        if (c.demo) std::cout << "\n" << app.create_demo_data() << "\n";
        std::cout << "Candidates sit their test at " << base << "/ (log in with centre number, candidate number and keycode)\n";
        std::cout << "Staff sign in to the console at " << base << "/staff/ (invigilators run the room; centres manage candidates, "
                     "bookings, results and claims)\n";
        std::cout << "Health: " << base << "/healthz   API description: " << base << "/api/v1/openapi.json\n"
                  << (c.tls ? "The certificate is self-signed unless you gave one: use curl -k (or --cacert " + c.data_dir +
                                  "/tls/certificate.pem).\n"
                            : "")
                  << "Stop with Ctrl-C.\n"
                  << std::flush;
    } catch (const std::exception& e) {
        std::cerr << "exam-server: " << e.what() << "\n";
        return 1;
    }
    int received = 0;
    sigwait(&signals, &received);
    std::cout << "exam-server: stopping (signal " << received << ")\n" << std::flush;
    app.stop();
    return 0;
}
