// The exam-server executable as a process: killed at an arbitrary instant it
// loses no acknowledged answer (DESIGN invariant 2), and SIGTERM stops it
// gracefully with exit status 0.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <map>
#include <regex>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "https_client.hpp"
#include "temp_dir.hpp"

namespace {

// A running exam-server with the demo data; its stdout is read until it has printed the keycodes.
class ServerProcess {
public:
    explicit ServerProcess(const std::string& data_dir) {
        int out[2];
        if (::pipe(out) != 0) throw std::runtime_error("pipe");
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(out[1], STDOUT_FILENO);
            ::close(out[0]);
            ::close(out[1]);
            ::execl(EXAM_SERVER_BINARY, EXAM_SERVER_BINARY, "--demo", "--port", "0", "--data-dir", data_dir.c_str(),
                    "--log-level", "warning", static_cast<char*>(nullptr));
            std::_Exit(127);
        }
        ::close(out[1]);
        stdout_ = ::fdopen(out[0], "r");
        char line[512];
        while (std::fgets(line, sizeof line, stdout_) != nullptr) {
            output_ += line;
            if (output_.find("Stop with Ctrl-C.") != std::string::npos) break;
        }
        std::smatch m;
        if (std::regex_search(output_, m, std::regex(R"(listening on https://127\.0\.0\.1:(\d+))"))) {
            port_ = static_cast<unsigned short>(std::stoi(m[1]));
        }
    }
    ~ServerProcess() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        if (stdout_) std::fclose(stdout_);
    }
    unsigned short port() const { return port_; }
    std::string keycode(const std::string& candidate) const {
        std::smatch m;
        std::regex_search(output_, m, std::regex("candidate " + candidate + R"( .*keycode ([A-Z0-9]{8}))"));
        return m.size() > 1 ? m[1].str() : "";
    }
    void kill_now() {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }
    // Sends the signal and returns the exit status (or -1 if it did not exit normally).
    int terminate(int signal) {
        ::kill(pid_, signal);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

private:
    pid_t pid_ = -1;
    FILE* stdout_ = nullptr;
    std::string output_;
    unsigned short port_ = 0;
};

std::string login(exam_test::HttpsClient& c, const ServerProcess& p, const std::string& candidate) {
    auto r = c.post("/api/v1/candidate/login", R"({"centre_number":"90001","candidate_number":")" + candidate +
                                                   R"(","keycode":")" + p.keycode(candidate) + R"("})");
    if (r.status != 200) return {};
    return std::string(r.json().at("token").as_string());
}

}  // namespace

TEST(ServerProcess, KillingTheServerLosesNoAcknowledgedAnswer) {
    exam_test::TempDir dir;
    const std::string data = (dir.path() / "data").string();
    std::map<std::size_t, std::pair<std::int64_t, std::string>> acknowledged;  // position -> (sequence, option)
    std::string token;
    {
        ServerProcess server(data);
        ASSERT_NE(server.port(), 0);
        exam_test::HttpsClient client("127.0.0.1", server.port());
        token = login(client, server, "0001");
        ASSERT_FALSE(token.empty());
        ASSERT_EQ(client.post("/api/v1/attempt/start", "", token).status, 200);
        auto items = client.get("/api/v1/attempt/items", token).json().at("items").as_array();
        std::atomic<bool> stop{false};
        std::mutex m;
        std::thread saver([&] {
            exam_test::HttpsClient c("127.0.0.1", server.port());
            for (std::int64_t seq = 1; !stop; ++seq) {
                const std::size_t pos = static_cast<std::size_t>(seq) % items.size();
                const auto& options = items[pos].at("options").as_array();
                const std::string option(options[static_cast<std::size_t>(seq) % options.size()].at("id").as_string());
                try {
                    auto r = c.put("/api/v1/attempt/responses/" + std::to_string(pos),
                                   R"({"sequence":)" + std::to_string(seq) + R"(,"selected":[")" + option + R"("]})", token);
                    if (r.status == 200) {
                        std::lock_guard lock(m);
                        acknowledged[pos] = {seq, option};
                    }
                } catch (const std::exception&) {
                    return;  // the server is gone
                }
            }
        });
        // Let answers flow, then kill the server in the middle of them.
        for (int i = 0; i < 200; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            std::lock_guard lock(m);
            if (acknowledged.size() >= items.size()) break;
        }
        server.kill_now();
        stop = true;
        saver.join();
    }
    ASSERT_FALSE(acknowledged.empty());
    ServerProcess restarted(data);
    ASSERT_NE(restarted.port(), 0);
    exam_test::HttpsClient client("127.0.0.1", restarted.port());
    auto items = client.get("/api/v1/attempt/items", token).json().at("items").as_array();
    for (const auto& [pos, ack] : acknowledged) {
        const auto& response = items[pos].at("response");
        EXPECT_GE(response.at("sequence").as_int64(), ack.first) << "position " << pos;
        if (response.at("sequence").as_int64() == ack.first) {
            EXPECT_EQ(response.at("selected").as_array()[0].as_string(), ack.second) << "position " << pos;
        }
    }
}

TEST(ServerProcess, SigtermStopsGracefullyWithExitZero) {
    exam_test::TempDir dir;
    ServerProcess server((dir.path() / "data").string());
    ASSERT_NE(server.port(), 0);
    exam_test::HttpsClient client("127.0.0.1", server.port());
    ASSERT_EQ(client.get("/healthz").status, 200);
    EXPECT_EQ(server.terminate(SIGTERM), 0);
}
