// The cluster command (scripts/cluster.sh: PostgreSQL, two nodes, HAProxy)
// under faults (issue 12 section 3). Candidates sit the demo test through the
// balancer, saving answers as the player does (each save sent again until it
// is acknowledged); in the middle a node is killed with SIGKILL, the
// database restarted, or the primary killed and its synchronous standby
// promoted. Afterwards every acknowledged answer is in the
// database, and no candidate's clock lost more than the time that passed
// plus the grace.
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <regex>
#include <sstream>
#include <thread>

#include <boost/json.hpp>

#include "https_client.hpp"
#include "websocket_client.hpp"
#include "storage/postgresql/pg_connection.hpp"
#include "storage/postgresql/pg_statement.hpp"
#include "temp_dir.hpp"

namespace json = boost::json;
using exam_test::HttpsClient;
using exam_test::Reply;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int grace_seconds = 30;  // the nodes' default --clock-grace

std::string file_text(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Ten ports in a row for the balancer, the database, the nodes and the
// standby: below the kernel's ephemeral range (32768 up, where any outgoing
// connection may hold one), starting from the process id so parallel runs do
// not meet, and each found free now.
bool free_now(unsigned short port) {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0) return false;
    const int on = 1;
    ::setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    const bool bound = ::bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(s);
    return bound;
}

unsigned short base_port() {
    for (int attempt = 0; attempt < 50; ++attempt) {
        const auto base = static_cast<unsigned short>(20000 + ((::getpid() + attempt * 37) % 1200) * 10);
        bool all_free = true;
        for (unsigned short p = base; p < base + 10 && all_free; ++p) all_free = free_now(p);
        if (all_free) return base;
    }
    return 20000;
}

struct Acknowledged {
    std::int64_t sequence = 0;
    std::string selected;
};

// One candidate sitting the test through the balancer.
class Candidate {
public:
    Candidate(unsigned short port, std::string number) : client_("127.0.0.1", port), number_(std::move(number)) {}

    void log_in(const std::string& keycode) {
        auto r = send([&] {
            return client_.post("/api/v1/candidate/login",
                                R"({"centre_number":"90001","candidate_number":")" + number_ + R"(","keycode":")" + keycode + R"("})");
        });
        ASSERT_EQ(r.status, 200) << r.body;
        token_ = std::string(r.json().at("token").as_string());
        ASSERT_EQ(send([&] { return client_.post("/api/v1/attempt/start", "", token_); }).status, 200);
        auto items = send([&] { return client_.get("/api/v1/attempt/items", token_); });
        ASSERT_EQ(items.status, 200) << items.body;
        const auto body = items.json();
        for (const auto& item : body.at("items").as_array()) {
            std::vector<std::string> ids;
            for (const auto& o : item.at("options").as_array()) ids.emplace_back(o.at("id").as_string());
            options_.push_back(std::move(ids));
        }
    }

    // Save `k`: an item and an option that change with k, sent until acknowledged.
    void save(int k) {
        const std::size_t position = static_cast<std::size_t>(k) % options_.size();
        const auto& ids = options_[position];
        const std::string option = ids[static_cast<std::size_t>(k / static_cast<int>(options_.size())) % ids.size()];
        const std::int64_t sequence = k + 1;
        auto r = send([&] {
            return client_.put("/api/v1/attempt/responses/" + std::to_string(position),
                               R"({"sequence":)" + std::to_string(sequence) + R"(,"selected":[")" + option + R"("]})", token_);
        });
        ASSERT_EQ(r.status, 200) << r.body;
        acknowledged_[position] = {sequence, "[\"" + option + "\"]"};
    }

    std::int64_t remaining_seconds() {
        auto r = send([&] { return client_.get("/api/v1/attempt", token_); });
        return r.status == 200 ? r.json().at("remaining_seconds").as_int64() : -1;
    }

    const std::string& number() const { return number_; }
    const std::map<std::size_t, Acknowledged>& acknowledged() const { return acknowledged_; }
    int retries() const { return retries_; }

private:
    // As the player does: a refused or broken request is sent again, for up to 30 s.
    template <class Request>
    Reply send(Request request) {
        const auto until = Clock::now() + std::chrono::seconds(30);
        for (;;) {
            Reply r;
            try {
                r = request();
            } catch (const std::exception&) {
                r.status = 0;  // the connection broke: the node went away mid-request
            }
            if ((r.status != 0 && r.status != 502 && r.status != 503 && r.status != 504) || Clock::now() > until) return r;
            ++retries_;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }

    HttpsClient client_;
    std::string number_, token_;
    std::vector<std::vector<std::string>> options_;
    std::map<std::size_t, Acknowledged> acknowledged_;
    int retries_ = 0;
};

class ClusterFaults : public ::testing::Test {
protected:
    void SetUp() override {
        port_ = base_port();
        script_ = ::fork();
        if (script_ == 0) {
            ::setpgid(0, 0);
            const std::string out = (dir_.path() / "cluster.out").string();
            ::setenv("EXAM_CLUSTER_DIR", cluster_dir().c_str(), 1);
            ::setenv("EXAM_PORT", std::to_string(port_).c_str(), 1);
            ::setenv("EXAM_PG_PORT", std::to_string(port_ + 1).c_str(), 1);
            ::setenv("EXAM_FIRST_NODE_PORT", std::to_string(port_ + 2).c_str(), 1);
            ::setenv("EXAM_PG_STANDBY_PORT", std::to_string(port_ + 9).c_str(), 1);
            const std::string command = "exec " EXAM_CLUSTER_SCRIPT " --nodes 2 " + cluster_options() + " > '" + out + "' 2>&1";
            ::execl("/bin/bash", "bash", "-c", command.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ASSERT_GT(script_, 0);
        const auto until = Clock::now() + std::chrono::seconds(90);
        while (file_text(dir_.path() / "cluster.out").find("Cluster up") == std::string::npos) {
            int status = 0;
            ASSERT_EQ(::waitpid(script_, &status, WNOHANG), 0) << file_text(dir_.path() / "cluster.out");
            ASSERT_LT(Clock::now(), until) << "the cluster did not start:\n" << file_text(dir_.path() / "cluster.out");
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }

    void TearDown() override {
        if (script_ <= 0) return;
        ::kill(script_, SIGTERM);  // its trap stops the nodes, the balancer and PostgreSQL
        int status = 0;
        for (int i = 0; i < 300 && ::waitpid(script_, &status, WNOHANG) == 0; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        ::kill(-script_, SIGKILL);
        ::waitpid(script_, &status, WNOHANG);
        // What the killed group was still writing may land after a first pass.
        for (int i = 0; i < 20 && std::filesystem::exists(cluster_dir()); ++i) {
            std::error_code ec;
            std::filesystem::remove_all(cluster_dir(), ec);
            if (std::filesystem::exists(cluster_dir())) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }

    // Directly under /tmp, not in the test's own folder: the postgres user
    // (PostgreSQL refuses to run as root) must reach it.
    // Named by the test process (not the forked child that runs the script).
    std::filesystem::path cluster_dir() const { return cluster_dir_; }
    const std::filesystem::path cluster_dir_ =
        std::filesystem::temp_directory_path() / ("exam-cluster-" + std::to_string(::getpid()));

    virtual std::string cluster_options() const { return ""; }

    // Answers node `n` has saved, from its own /metrics (asked directly, not through the balancer).
    long saves_served(int n) {
        HttpsClient node("127.0.0.1", static_cast<unsigned short>(port_ + 1 + n), false);
        std::istringstream lines(node.get("/metrics").body);
        long saves = 0;
        for (std::string line; std::getline(lines, line);) {
            if (line.starts_with("exam_http_requests_total{") && line.find("responses") != std::string::npos) {
                saves += std::stol(line.substr(line.rfind(' ') + 1));
            }
        }
        return saves;
    }

    std::string keycode(const std::string& candidate_number) {
        const std::regex line("candidate " + candidate_number + " [^\\n]*keycode ([A-Z0-9]+)");
        std::smatch m;
        const std::string out = file_text(dir_.path() / "cluster.out");
        return std::regex_search(out, m, line) ? m[1].str() : std::string();
    }
    pid_t node_pid(int n) { return static_cast<pid_t>(std::stol(file_text(cluster_dir() / ("node-" + std::to_string(n) + ".pid")))); }
    // Whichever of the two servers accepts writes now.
    std::string database() {
        return "postgresql://exam@127.0.0.1:" + std::to_string(port_ + 1) + ",127.0.0.1:" + std::to_string(port_ + 9) +
               "/exam?target_session_attrs=read-write";
    }
    static int as_postgres(const std::string& command) {
        return std::system(((::geteuid() == 0 ? "runuser -u postgres -- " : "") + command).c_str());
    }

    // Four candidates save `saves` answers each; `fault` runs once a third of them are acknowledged.
    // Returns how many requests were sent again.
    int sit_through(int saves, const std::function<void()>& fault) {
        std::vector<std::unique_ptr<Candidate>> candidates;
        for (const char* number : {"0001", "0002", "0003", "0004"}) {
            candidates.push_back(std::make_unique<Candidate>(port_, number));
            candidates.back()->log_in(keycode(number));
            if (::testing::Test::HasFatalFailure()) return 0;
        }
        std::vector<std::int64_t> remaining_before;
        for (auto& c : candidates) remaining_before.push_back(c->remaining_seconds());
        const auto started = Clock::now();
        std::atomic<int> done{0};
        std::vector<std::thread> threads;
        threads.reserve(candidates.size());
        for (auto& c : candidates) {
            Candidate* sitting = c.get();
            try {
                threads.emplace_back([&done, saves, sitting] {
                    for (int k = 0; k < saves; ++k) {
                        sitting->save(k);
                        ++done;
                    }
                });
            } catch (const std::exception& e) {
                ADD_FAILURE() << "cannot start a candidate's thread: " << e.what();
            }
        }
        while (done < static_cast<int>(candidates.size()) * saves / 3) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        fault();
        for (auto& t : threads) t.join();
        const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - started).count();

        exam::storage::postgresql::PgConnection db(database());
        int retries = 0;
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            const auto& c = *candidates[i];
            retries += c.retries();
            for (const auto& [position, ack] : c.acknowledged()) {
                auto row = db.prepare(
                    "SELECT r.sequence, r.selected FROM responses r JOIN attempts a ON a.id = r.attempt_id "
                    "JOIN candidates p ON p.id = a.candidate_id WHERE p.candidate_number = ? AND r.position = ?");
                row.bind_all(c.number(), position);
                if (row.step() != exam::storage::Step::row) {
                    ADD_FAILURE() << c.number() << " item " << position << " lost";
                    continue;
                }
                EXPECT_EQ(row.column_int64(0), ack.sequence) << c.number() << " item " << position;
                EXPECT_EQ(row.column_text(1), ack.selected) << c.number() << " item " << position;
            }
            const auto after = candidates[i]->remaining_seconds();
            EXPECT_LE(remaining_before[i] - after, elapsed + grace_seconds + 2)
                << c.number() << " was charged more than the time that passed and the grace";
        }
        return retries;
    }

    exam_test::TempDir dir_;
    unsigned short port_ = 0;
    pid_t script_ = -1;
};

}  // namespace

TEST_F(ClusterFaults, ANodeKilledMidSittingLosesNoAcknowledgedAnswer) {
    // The balancer keeps each token on one node: the one serving more saves is
    // killed. The balancer may hide it entirely (a connection refused is sent
    // to the other node), so what shows it happened is the other node's work.
    int victim = 0;
    long other_before = 0;
    sit_through(60, [&] {
        victim = saves_served(1) >= saves_served(2) ? 1 : 2;
        other_before = saves_served(3 - victim);
        ASSERT_EQ(::kill(node_pid(victim), SIGKILL), 0);
    });
    ASSERT_NE(victim, 0);
    EXPECT_NE(::kill(node_pid(victim), 0), 0) << "the killed node is gone";
    EXPECT_GT(saves_served(3 - victim), other_before) << "the other node took the candidates over";
}

TEST_F(ClusterFaults, APostgresqlRestartMidSittingLosesNoAcknowledgedAnswer) {
    const int retries = sit_through(60, [&] {
        ASSERT_EQ(as_postgres("/usr/lib/postgresql/15/bin/pg_ctl -D " + (cluster_dir() / "postgresql").string() +
                              " -m fast -w restart > /dev/null"),
                  0);
    });
    EXPECT_GT(retries, 0) << "saves refused while the database was away were sent again";
}

class ClusterWithStandby : public ClusterFaults {
protected:
    std::string cluster_options() const override { return "--standby"; }
};

TEST_F(ClusterWithStandby, ThePrimaryKilledAndItsStandbyPromotedLosesNoAcknowledgedAnswer) {
    HttpsClient staff("127.0.0.1", port_);
    auto login = staff.post("/api/v1/auth/login", R"({"username":"invigilator","password":"demo-password-2026"})");
    ASSERT_EQ(login.status, 200) << login.body;
    const std::string token(login.json().at("token").as_string());
    // The invigilator's room, as the console opens it again after losing it.
    auto open_room = [&]() -> bool {
        try {
            exam_test::WebSocketClient room("127.0.0.1", port_);
            if (!room.connect("/api/v1/sessions/1/feed", room.own_origin()).upgraded) return false;
            room.send(json::serialize(json::object{{"token", token}, {"batch", false}}));
            return room.read_type("snapshot", std::chrono::seconds(3)).has_value();
        } catch (const std::exception&) {
            return false;
        }
    };
    ASSERT_TRUE(open_room());
    const int retries = sit_through(60, [&] {
        // The primary's postmaster, as a crash would take it: no shutdown, no last checkpoint.
        const std::string pid_file = file_text(cluster_dir() / "postgresql" / "postmaster.pid");
        const pid_t primary = static_cast<pid_t>(std::stol(pid_file.substr(0, pid_file.find('\n'))));
        ASSERT_EQ(::kill(primary, SIGKILL), 0);
        // The room reconnecting while there is no database to read it from is refused, not fatal.
        open_room();
        ASSERT_EQ(as_postgres("/usr/lib/postgresql/15/bin/pg_ctl -D " + (cluster_dir() / "standby").string() +
                              " -w promote > /dev/null"),
                  0);
    });
    // The database that answered is the promoted standby, and both nodes came through.
    exam::storage::postgresql::PgConnection db(database());
    EXPECT_EQ(db.exec("SELECT pg_is_in_recovery()").text(0, 0), "f");
    EXPECT_EQ(db.exec("SELECT inet_server_port()").int64(0, 0), port_ + 9);
    EXPECT_EQ(::kill(node_pid(1), 0), 0) << "node 1 is gone";
    EXPECT_EQ(::kill(node_pid(2), 0), 0) << "node 2 is gone";
    EXPECT_TRUE(open_room()) << "the room opens again once the standby is promoted";
    EXPECT_GT(retries, 0) << "saves refused between the primary's end and the promotion were sent again";
}
