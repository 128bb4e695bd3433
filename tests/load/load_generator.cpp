// exam-load: a load generator for exam-server (issue 3 §8). Simulated
// candidates sit a test over TLS, one keep-alive connection each, on a small
// io_context thread pool; the report gives throughput and latency per
// operation, errors, the server's memory and CPU, and its group commits.
// How to run it, and the figures: docs/performance.md, "Load".

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <future>
#include <iostream>
#include <thread>

#include "dashboard_subscriber.hpp"
#include "healthz_client.hpp"
#include "load_options.hpp"
#include "run_stats.hpp"
#include "server_probe.hpp"
#include "simulated_candidate.hpp"
#include "sitting_setup.hpp"
#include "staff_api.hpp"

namespace {

using namespace exam_load;
using std::chrono::duration_cast;

Clock::duration seconds(double s) { return duration_cast<Clock::duration>(std::chrono::duration<double>(s)); }

double seconds_between(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

asio::ssl::context client_tls(const LoadOptions& o) {
    asio::ssl::context tls(asio::ssl::context::tls_client);
    tls.set_options(asio::ssl::context::no_sslv2 | asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                    asio::ssl::context::no_tlsv1_1);
    if (o.ca_file.empty()) {
        tls.set_verify_mode(asio::ssl::verify_none);  // loopback only, to the server's own self-signed certificate
    } else {
        tls.load_verify_file(o.ca_file);
        tls.set_verify_mode(asio::ssl::verify_peer);
    }
    return tls;
}

// The client's io threads. stop() abandons pending work: for a run whose
// clients missed the deadline, before what they point to goes away.
class IoThreads {
public:
    IoThreads(asio::io_context& io, std::size_t count) : io_(io), work_(asio::make_work_guard(io)) {
        for (std::size_t i = 0; i < count; ++i) threads_.emplace_back([&io] { io.run(); });
    }
    ~IoThreads() { stop(); }
    // Lets the threads return once nothing is left to do.
    void finish() {
        work_.reset();
        join();
    }
    void stop() {
        io_.stop();
        join();
    }

private:
    void join() {
        for (auto& t : threads_) {
            if (t.joinable()) t.join();
        }
    }
    asio::io_context& io_;
    asio::executor_work_guard<asio::io_context::executor_type> work_;
    std::vector<std::thread> threads_;
};

// Counts finished simulated clients down; the last one fulfils the promise.
struct FinishLine {
    explicit FinishLine(std::size_t clients) : left(clients) {}
    std::atomic<std::size_t> left;
    std::promise<void> all_done;
    void finished() {
        if (--left == 0) all_done.set_value();
    }
};

// The server's resident memory, sampled every second of the run: its VmHWM
// also counts start-up and staff log-ins (scrypt takes 128 MiB for each).
struct ResidentWatch {
    int pid = 0;
    long long peak_kib = 0;
    void sample() {
        if (pid == 0) return;
        if (auto s = sample_process(pid)) peak_kib = std::max(peak_kib, s->resident_kib);
    }
};

// Waits for every client to finish, printing progress every 10 s; false if the deadline came first.
bool wait_for_clients(std::future<void>& done, const RunStats& stats, const FinishLine& line, Clock::time_point t0,
                      Clock::time_point deadline, ResidentWatch& resident) {
    auto next_report = t0 + std::chrono::seconds(10);
    for (;;) {
        resident.sample();
        const auto wake = std::min({deadline, next_report, Clock::now() + std::chrono::seconds(1)});
        if (done.wait_until(wake) == std::future_status::ready) return true;
        if (Clock::now() >= deadline) return false;
        if (Clock::now() < next_report) continue;
        next_report += std::chrono::seconds(10);
        std::fprintf(stderr, "t+%3.0f s: %llu saves, %llu heartbeats, %llu errors, %zu clients still running\n",
                     seconds_between(t0, Clock::now()), static_cast<unsigned long long>(stats.save.replies()),
                     static_cast<unsigned long long>(stats.heartbeat.replies()),
                     static_cast<unsigned long long>(stats.total_errors()), line.left.load());
    }
}

void print_process(std::ostream& out, const std::optional<ProcessSample>& before, const std::optional<ProcessSample>& after,
                   long long peak_sampled_kib, double wall_seconds, std::size_t candidates) {
    if (!before || !after) return;
    char line[400];
    std::snprintf(line, sizeof line,
                  "Server: resident memory %.1f MiB before the run, at most %.1f MiB during it (sampled each second: "
                  "%.1f KiB more per candidate), %.1f MiB after; VmHWM %.1f MiB (since start, staff log-ins included); "
                  "CPU %.1f s in %.1f s (%.0f%% of one core)\n",
                  static_cast<double>(before->resident_kib) / 1024.0, static_cast<double>(peak_sampled_kib) / 1024.0,
                  static_cast<double>(peak_sampled_kib - before->resident_kib) / static_cast<double>(candidates),
                  static_cast<double>(after->resident_kib) / 1024.0, static_cast<double>(after->peak_resident_kib) / 1024.0,
                  after->cpu_seconds - before->cpu_seconds, wall_seconds,
                  100.0 * (after->cpu_seconds - before->cpu_seconds) / wall_seconds);
    out << line;
}

Sitting sitting_for(const LoadOptions& o, StaffApi& staff) {
    staff.connect();
    staff.log_in(o.staff_user, o.staff_password);
    auto sitting = o.setup ? set_up_sitting(staff, {o.candidates, o.unit, o.qualification, 8})
                           : Sitting{o.session, bookings_of(staff, o.session, o.candidates)};
    if (sitting.logins.empty()) throw std::runtime_error("no bookings to sit");
    if (sitting.logins.size() < o.candidates) {
        std::cerr << "exam-load: only " << sitting.logins.size() << " bookings to use; running with that many candidates\n";
    }
    return sitting;
}

// What the run measured on the server's side, beside the replies.
struct ServerSide {
    std::optional<ProcessSample> before, after;
    long long peak_resident_kib = 0;
    MetricSamples metrics_before, metrics_after;
};

void print_report(const LoadOptions& o, const RunStats& stats, const DashboardStats& dashboards, const ServerSide& server,
                  std::size_t candidates, double wall, double generator_cpu) {
    char pace[64];
    if (o.saturate) {
        std::snprintf(pace, sizeof pace, "saving back to back (--saturate)");
    } else {
        std::snprintf(pace, sizeof pace, "a save every %g s", o.save_interval_seconds);
    }
    std::printf("\nexam-load: %zu candidates%s, %s, a heartbeat every %g s, ramp %g s, steady %g s, %zu client threads\n\n",
                candidates, o.trivial ? " + as many GET /healthz connections" : "", pace, o.heartbeat_interval_seconds,
                o.ramp_seconds, o.duration_seconds, o.threads);
    stats.print(std::cout, o.trivial);
    if (o.dashboards > 0) {
        std::cout << "\n" << o.dashboards << " dashboard(s) subscribed to the session's live feed. ";
        dashboards.print(std::cout, o.ramp_seconds + o.duration_seconds);
    }
    std::cout << "\n";
    print_process(std::cout, server.before, server.after, server.peak_resident_kib, wall, candidates);
    std::printf("Generator: CPU %.1f s in %.1f s (%.0f%% of one core)\n", generator_cpu, wall, 100.0 * generator_cpu / wall);
    if (!server.metrics_after.empty()) print_commit_batches(std::cout, server.metrics_before, server.metrics_after);
    std::cout << std::flush;
}

int run(const LoadOptions& o, asio::io_context& io, IoThreads& threads) {
    auto tls = client_tls(o);
    const ServerAddress address{{asio::ip::make_address(o.host), o.port}, o.host + ":" + std::to_string(o.port)};
    const auto timeout = std::chrono::seconds(o.timeout_seconds);
    StaffApi staff(io, tls, address, timeout);
    const auto sitting = sitting_for(o, staff);
    const auto& logins = sitting.logins;
    const std::size_t candidates = logins.size();

    ServerSide server;
    server.metrics_before = parse_metrics(staff.call(http::verb::get, "/metrics").body);
    if (o.server_pid) server.before = sample_process(o.server_pid);
    const double own_cpu_before = own_cpu_seconds();

    const auto t0 = Clock::now();
    const auto stop_at = t0 + seconds(o.ramp_seconds) + seconds(o.duration_seconds);
    RunStats stats({t0, t0 + seconds(o.ramp_seconds), stop_at});
    auto line = std::make_shared<FinishLine>(candidates * (o.trivial ? 2 : 1) + o.dashboards);
    auto done = line->all_done.get_future();
    const auto finished = [line] { line->finished(); };
    // Dashboards subscribe first, as invigilators open the room before candidates arrive.
    DashboardStats dashboard_stats;
    for (std::size_t d = 0; d < o.dashboards; ++d) {
        std::make_shared<DashboardSubscriber>(io, tls, address, sitting.session, staff.token(), dashboard_stats, stop_at,
                                              finished)
            ->start_at(t0);
    }
    const CandidatePace pace{seconds(o.save_interval_seconds), seconds(o.heartbeat_interval_seconds), o.saturate, stop_at};
    for (std::size_t i = 0; i < candidates; ++i) {
        // Arrivals spread evenly over the ramp, as a room logs in over a few minutes.
        const auto arrives = t0 + seconds(o.ramp_seconds * static_cast<double>(i) / static_cast<double>(candidates));
        auto connection = std::make_shared<HttpsConnection>(io, tls, address, timeout);
        std::make_shared<SimulatedCandidate>(connection, logins[i], pace, stats, 2026 + i, finished)->start_at(arrives);
        if (o.trivial) {
            auto healthz_connection = std::make_shared<HttpsConnection>(io, tls, address, timeout);
            std::make_shared<HealthzClient>(healthz_connection, stop_at, stats, finished)->start_at(arrives);
        }
    }
    std::cerr << "exam-load: " << candidates << " candidates" << (o.trivial ? " and as many /healthz clients" : "")
              << " arriving over " << o.ramp_seconds << " s, steady for " << o.duration_seconds << " s\n";

    // Every client stops at stop_at, then finishes its request in flight and submits: each bounded by the timeout.
    ResidentWatch resident{o.server_pid};
    const bool all_finished = wait_for_clients(done, stats, *line, t0, stop_at + 3 * timeout, resident);
    const double wall = seconds_between(t0, Clock::now());
    const double generator_cpu = own_cpu_seconds() - own_cpu_before;
    if (!all_finished) std::cerr << "exam-load: " << line->left << " clients had not finished by the deadline\n";

    if (o.server_pid) server.after = sample_process(o.server_pid);
    server.peak_resident_kib = std::max(resident.peak_kib, server.after ? server.after->resident_kib : 0LL);
    try {
        staff.connect();  // the server has closed the idle one (keep-alive is 75 s)
        server.metrics_after = parse_metrics(staff.call(http::verb::get, "/metrics").body);
    } catch (const std::exception& e) {
        std::cerr << "exam-load: cannot read /metrics after the run: " << e.what() << "\n";
    }
    // Clients that missed the deadline still point at `stats`: end them first.
    if (!all_finished) threads.stop();
    print_report(o, stats, dashboard_stats, server, candidates, wall, generator_cpu);
    return all_finished && stats.total_errors() == 0 && stats.candidates_lost == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    const auto parsed = parse_options(std::vector<std::string>(argv + 1, argv + argc));
    if (!parsed.options) {
        (parsed.exit_code == 0 ? std::cout : std::cerr) << parsed.message << (parsed.exit_code ? "\n" : "");
        return parsed.exit_code;
    }
    std::signal(SIGPIPE, SIG_IGN);  // a server closing first must fail a write, not end the process

    asio::io_context io;
    IoThreads threads(io, parsed.options->threads);
    try {
        const int exit_code = run(*parsed.options, io, threads);
        threads.finish();
        return exit_code;
    } catch (const std::exception& e) {
        std::cerr << "exam-load: " << e.what() << "\n";
        threads.stop();
        return 1;
    }
}
