#include "app/config.hpp"

#include <boost/json.hpp>

#include <charconv>
#include <fstream>
#include <sstream>

namespace exam::app {
namespace json = boost::json;

std::string config_help() {
    return R"(usage: exam-server [OPTIONS]

Serves the onscreen test system over HTTPS (HTTP/1.1, TLS 1.2 and 1.3).

  --config FILE          JSON file with any of the options below (keys as in
                         docs/configuration.md); flags given after it override it
  --listen ADDRESS       address to listen on (default 127.0.0.1)
  --port N               port (default 8443; 0 picks a free one)
  --data-dir DIR         where the database, TLS files and keys live (default exam-data)
  --database URI         postgresql://USER@HOST:PORT/DB to keep everything in
                         PostgreSQL, shared by several nodes (default: SQLite,
                         exam.sqlite3 in the data dir)
  --database-connections N   reader connections to the database (default 4)
  --tls-cert FILE        PEM certificate chain (default: a self-signed one in the data dir)
  --tls-key FILE         PEM private key for --tls-cert
  --plain-http           serve plain HTTP, for running behind a TLS-terminating proxy
  --threads N            worker threads (default: one per core)
  --clock-grace SECONDS  how long a silent client's clock keeps running (default 30)
  --bank DIR             item bank folder (default: the bank bundled with the build)
  --client-dir DIR       the candidate's player, as built by candidate-client
                         (default: the build's candidate-client output folder)
  --staff-dir DIR        the staff console, served at /staff/, as built by admin/console
                         (default: the build's staff-console output folder)
  --log-level LEVEL      debug, info, warning, error or off (default info)
  --demo                 create demo staff, a demo centre, candidates and an open session
  --trusted-proxy ADDRS  load balancers (comma-separated addresses) whose
                         X-Forwarded-For names the client (default none)
  --max-connections N    open connections in all (default 20000)
  --max-connections-per-address N   (default 2000)
  --help                 this text
)";
}

namespace {

bool parse_number(const std::string& text, long long min, long long max, long long& out) {
    long long v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || v < min || v > max) return false;
    out = v;
    return true;
}

// Applies one option by name, from a flag or a config file key. Returns an error message or "".
std::string apply(ServerConfig& c, const std::string& name, const std::string& value) {
    long long n = 0;
    if (name == "listen") c.listen_address = value;
    else if (name == "port") {
        if (!parse_number(value, 0, 65535, n)) return "--port expects a number from 0 to 65535";
        c.port = static_cast<unsigned short>(n);
    } else if (name == "data-dir") c.data_dir = value;
    else if (name == "database") {
        if (!value.empty() && value != "sqlite" && !is_postgresql_uri(value)) {
            return "--database expects sqlite or a postgresql:// URI";
        }
        c.database = value == "sqlite" ? "" : value;
    } else if (name == "database-connections") {
        if (!parse_number(value, 1, 256, n)) return "--database-connections expects a number from 1 to 256";
        c.database_connections = static_cast<std::size_t>(n);
    }
    else if (name == "tls-cert") c.tls_certificate = value;
    else if (name == "tls-key") c.tls_key = value;
    else if (name == "threads") {
        if (!parse_number(value, 0, 256, n)) return "--threads expects a number from 0 to 256";
        c.threads = static_cast<std::size_t>(n);
    } else if (name == "clock-grace") {
        if (!parse_number(value, 1, 3600, n)) return "--clock-grace expects seconds from 1 to 3600";
        c.clock_grace_seconds = n;
    } else if (name == "bank") c.bank_dir = value;
    else if (name == "client-dir") c.client_dir = value;
    else if (name == "staff-dir") c.staff_dir = value;
    else if (name == "log-level") {
        if (value != "debug" && value != "info" && value != "warning" && value != "error" && value != "off") {
            return "--log-level expects debug, info, warning, error or off";
        }
        c.log_level = value;
    } else if (name == "trusted-proxy") {
        std::string rest = value;
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            const std::string one = rest.substr(0, comma);
            if (one.empty()) return "--trusted-proxy expects addresses separated by commas";
            c.trusted_proxies.push_back(one);
            rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
        }
    } else if (name == "max-connections") {
        if (!parse_number(value, 1, 1000000, n)) return "--max-connections expects a number from 1 to 1000000";
        c.limits.max_connections = static_cast<std::size_t>(n);
    } else if (name == "max-connections-per-address") {
        if (!parse_number(value, 1, 1000000, n)) return "--max-connections-per-address expects a number";
        c.limits.max_connections_per_address = static_cast<std::size_t>(n);
    } else return "unknown option --" + name;
    return "";
}

bool is_switch(const std::string& name) { return name == "plain-http" || name == "demo"; }

void apply_switch(ServerConfig& c, const std::string& name, bool on) {
    if (name == "plain-http") c.tls = !on;
    if (name == "demo") c.demo = on;
}

std::string apply_file(ServerConfig& c, const std::string& path) {
    std::ifstream in(path);
    if (!in) return "cannot read config file " + path;
    std::stringstream text;
    text << in.rdbuf();
    json::error_code ec;
    auto doc = json::parse(text.str(), ec);
    if (ec || !doc.is_object()) return path + ": expected a JSON object (" + ec.message() + ")";
    for (const auto& [key, value] : doc.as_object()) {
        std::string name(key);
        for (auto& ch : name) ch = ch == '_' ? '-' : ch;
        if (is_switch(name)) {
            if (!value.is_bool()) return path + ": /" + std::string(key) + ": expected true or false";
            apply_switch(c, name, value.get_bool());
            continue;
        }
        std::string v;
        if (value.is_string()) v = value.get_string();
        else if (value.is_int64()) v = std::to_string(value.get_int64());
        else return path + ": /" + std::string(key) + ": expected a string or a number";
        if (auto err = apply(c, name, v); !err.empty()) return path + ": /" + std::string(key) + ": " + err;
    }
    return "";
}

}  // namespace

bool is_postgresql_uri(const std::string& database) {
    return database.starts_with("postgresql://") || database.starts_with("postgres://");
}

ConfigParse parse_config(const std::vector<std::string>& args) {
    ServerConfig c;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") return {std::nullopt, config_help(), 0};
        if (!a.starts_with("--")) return {std::nullopt, "unexpected argument '" + a + "' (see --help)", 2};
        std::string name = a.substr(2), value;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        } else if (is_switch(name)) {
            apply_switch(c, name, true);
            continue;
        } else if (i + 1 < args.size()) {
            value = args[++i];
        } else {
            return {std::nullopt, "--" + name + " needs a value (see --help)", 2};
        }
        std::string err = name == "config" ? apply_file(c, value) : apply(c, name, value);
        if (!err.empty()) return {std::nullopt, err, 2};
    }
    return {c, "", 0};
}

}  // namespace exam::app
