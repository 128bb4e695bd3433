// Logging in (a staff token kept in the session file) and out (the token revoked).
#include <boost/json.hpp>

#include <map>
#include <ostream>

#include "api_output.hpp"
#include "https_transport.hpp"
#include "password_input.hpp"
#include "remote_command.hpp"
#include "session_file.hpp"

namespace exam_admin {
namespace json = boost::json;

namespace {

// --name VALUE or --name=VALUE for the names given; false after reporting a problem.
bool parse_options(const std::vector<std::string>& args, std::initializer_list<const char*> names,
                   std::map<std::string, std::string>& out, std::ostream& err, const char* command) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string name = args[i].rfind("--", 0) == 0 ? args[i].substr(2) : "";
        std::string value;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name.resize(eq);
        } else if (!name.empty() && i + 1 < args.size()) {
            value = args[++i];
        } else {
            err << "exam-admin " << command << ": unexpected '" << args[i] << "'\n";
            return false;
        }
        if (std::find_if(names.begin(), names.end(), [&](const char* n) { return name == n; }) == names.end()) {
            err << "exam-admin " << command << ": unknown option --" << name << "\n";
            return false;
        }
        out[name] = value;
    }
    return true;
}

}  // namespace

int command_login(const std::vector<std::string>& args, Streams io) {
    std::map<std::string, std::string> o;
    if (!parse_options(args, {"server", "username", "ca-file", "password-file", "session-file"}, o, io.err, "login") ||
        o["server"].empty() || o["username"].empty()) {
        io.err << "usage: exam-admin login --server https://HOST:PORT --username NAME [--ca-file CERT.pem]\n"
                  "                        [--password-file FILE|-] [--session-file FILE]\n"
                  "The password is read from the terminal without echo, or from standard input or the file.\n"
                  "--ca-file: the certificate to trust (exam-server's self-signed one is DATA_DIR/tls/"
                  "server-certificate.pem); without it, the system's trust store.\n";
        return exit_usage;
    }
    try {
        const auto server = parse_server_url(o["server"]);
        std::string ca_file = o["ca-file"];
        if (!ca_file.empty()) ca_file = std::filesystem::absolute(ca_file).string();
        const auto session_path = session_file_location(o["session-file"]);
        const auto password = read_password(o["password-file"], io.err);
        const auto body = json::serialize(json::object{{"username", o["username"]}, {"password", password}});
        const auto reply = https_request(server, {ca_file}, "POST", "/api/v1/auth/login", body, "application/json", "");
        if (reply.status != 200) {
            io.err << error_text(reply.status, reply.body, false);
            return exit_refused;
        }
        json::error_code ec;
        const auto v = json::parse(reply.body, ec);
        const auto* token = !ec && v.is_object() ? v.get_object().if_contains("token") : nullptr;
        if (!token || !token->is_string()) {
            io.err << "error: the server's reply has no token\n";
            return exit_refused;
        }
        save_session(session_path, {o["server"], ca_file, std::string(token->get_string()), o["username"]});
        io.out << "logged in to " << o["server"] << " as " << o["username"] << " (session in " << session_path.string()
               << ")\n";
        return exit_ok;
    } catch (const std::invalid_argument& e) {
        io.err << "error: " << e.what() << "\n";
        return exit_usage;
    } catch (const std::exception& e) {
        io.err << "error: " << e.what() << "\n";
        return exit_unreachable;
    }
}

int command_logout(const std::vector<std::string>& args, Streams io) {
    std::map<std::string, std::string> o;
    if (!parse_options(args, {"session-file"}, o, io.err, "logout")) {
        io.err << "usage: exam-admin logout [--session-file FILE]\n";
        return exit_usage;
    }
    try {
        const auto path = session_file_location(o["session-file"]);
        const auto session = load_session(path);
        if (!session) {
            io.err << "error: not logged in (no session file " << path.string() << ")\n";
            return exit_unreachable;
        }
        const auto reply = https_request(parse_server_url(session->server), {session->ca_file}, "POST",
                                         "/api/v1/auth/logout", "", "application/json", session->token);
        // A token the server no longer knows (expired, revoked) is as good as logged out.
        if (reply.status != 200 && reply.status != 401) {
            io.err << error_text(reply.status, reply.body);
            return exit_refused;
        }
        remove_session(path);
        io.out << "logged out of " << session->server << "\n";
        return exit_ok;
    } catch (const std::exception& e) {
        io.err << "error: " << e.what() << "\n";
        return exit_unreachable;
    }
}

}  // namespace exam_admin
