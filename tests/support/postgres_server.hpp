#pragma once
// A PostgreSQL server of the test's own (issue 12: never a system service):
// Debian's postgresql-15 binaries, a cluster made by initdb in a temporary
// folder, listening on 127.0.0.1 at a free port and on a socket in that
// folder, stopped and removed with the object. Run as root (as CI is), the
// cluster belongs to the postgres user, since PostgreSQL refuses to run as root.

#include <filesystem>
#include <string>

namespace exam_test {

class PostgresServer {
public:
    // Throws std::runtime_error naming what failed (initdb, start), with its log.
    PostgresServer();
    ~PostgresServer();
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

    int port() const { return port_; }
    // A libpq URI for a database of that name, made on first use.
    std::string uri(const std::string& database);
    // A fresh, empty database, its URI.
    std::string fresh_database();

private:
    std::filesystem::path dir_;
    int port_ = 0;
    int databases_ = 0;
};

}  // namespace exam_test
