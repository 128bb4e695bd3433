#include "postgres_server.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace exam_test {
namespace {

const std::filesystem::path bin = "/usr/lib/postgresql/15/bin";

// A port the kernel says is free now (bound to 0, read back, released).
int free_port() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (s < 0 || ::bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(s, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        if (s >= 0) ::close(s);
        throw std::runtime_error("no free port for PostgreSQL");
    }
    const int port = ntohs(address.sin_port);
    ::close(s);
    return port;
}

// Quoted for /bin/sh: the folder names are ours, but never trust a path in a shell.
std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Runs a PostgreSQL program as the user it must run as.
int run(const std::string& command) {
    const std::string as_user = ::geteuid() == 0 ? "runuser -u postgres -- " : "";
    return std::system((as_user + command).c_str());
}

std::string file_text(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

PostgresServer::PostgresServer() {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("exam-pg-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    if (::geteuid() == 0 && run("true") != 0) throw std::runtime_error("runuser -u postgres fails: is postgresql-15 installed?");
    if (::geteuid() == 0) {
        const int chown = std::system(("chown postgres " + quoted(dir_.string())).c_str());
        if (chown != 0) throw std::runtime_error("cannot give " + dir_.string() + " to the postgres user");
    }
    const auto data = dir_ / "data";
    // --no-sync: the cluster is thrown away with the test; the server itself
    // still syncs every commit (fsync and synchronous_commit stay on).
    if (run(quoted((bin / "initdb").string()) + " -D " + quoted(data.string()) +
            " -A trust -U exam -E UTF8 --no-sync > " + quoted((dir_ / "initdb.log").string()) + " 2>&1") != 0) {
        throw std::runtime_error("initdb failed: " + file_text(dir_ / "initdb.log"));
    }
    for (int tries = 0; tries < 5; ++tries) {
        port_ = free_port();
        const std::string options = "-p " + std::to_string(port_) + " -k " + dir_.string() +
                                    " -c listen_addresses=127.0.0.1 -c max_connections=50";
        if (run(quoted((bin / "pg_ctl").string()) + " -D " + quoted(data.string()) + " -w -t 60 -l " +
                quoted((dir_ / "server.log").string()) + " -o " + quoted(options) + " start > /dev/null") == 0) {
            return;
        }
    }
    throw std::runtime_error("PostgreSQL did not start: " + file_text(dir_ / "server.log"));
}

PostgresServer::~PostgresServer() {
    run(quoted((bin / "pg_ctl").string()) + " -D " + quoted((dir_ / "data").string()) + " -m immediate -w stop > /dev/null 2>&1");
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

std::string PostgresServer::uri(const std::string& database) {
    return "postgresql://exam@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

std::string PostgresServer::fresh_database() {
    const std::string name = "test_" + std::to_string(++databases_);
    if (std::system((quoted((bin / "psql").string()) + " -q -X " + quoted(uri("postgres")) + " -c " +
                     quoted("CREATE DATABASE " + name) + " > /dev/null")
                        .c_str()) != 0) {
        throw std::runtime_error("cannot create database " + name);
    }
    return uri(name);
}

}  // namespace exam_test
