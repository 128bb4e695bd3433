#pragma once
// The server's configuration: defaults, then a JSON file (--config), then
// command-line flags, each later source overriding the earlier.

#include <optional>
#include <string>
#include <vector>

#include "net/server_limits.hpp"

namespace exam::app {

struct ServerConfig {
    std::string listen_address = "127.0.0.1";
    unsigned short port = 8443;
    std::string data_dir = "exam-data";
    // Empty: SQLite, exam.sqlite3 in data_dir. "postgresql://user@host:5432/db":
    // PostgreSQL, shared by every node (docs/postgresql.md).
    std::string database;
    std::size_t database_connections = 4;  // reader connections (the writer has its own)
    bool tls = true;
    std::string tls_certificate;  // empty: a self-signed one in data_dir
    std::string tls_key;
    std::size_t threads = 0;           // 0: one per core
    long long clock_grace_seconds = 30;  // a silent client's attempt clock runs this long
    std::string bank_dir;              // empty: the bank bundled with the build
    std::string client_dir;            // the candidate's player; empty: candidate-client's build output
    std::string staff_dir;             // the staff console; empty: admin/console's build output
    std::string log_level = "info";
    bool demo = false;                 // create demo users, centre, candidates and an open session
    net::ServerLimits limits;
    // Load balancers in front (--trusted-proxy): their X-Forwarded-For names the client.
    std::vector<std::string> trusted_proxies;
};

struct ConfigParse {
    std::optional<ServerConfig> config;  // empty on error or after --help
    std::string message;                 // the error, or the help text
    int exit_code = 0;                   // for main to return when config is empty
};

ConfigParse parse_config(const std::vector<std::string>& args);
// Whether `database` names PostgreSQL ("postgresql://..." or "postgres://...").
bool is_postgresql_uri(const std::string& database);
std::string config_help();

}  // namespace exam::app
