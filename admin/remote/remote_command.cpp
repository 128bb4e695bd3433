// Running one row of the command table: arguments to a request, the request
// to the server of the saved session, the reply to the screen.
#include "remote_command.hpp"

#include <boost/json.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <optional>
#include <ostream>
#include <sstream>

#include "api_output.hpp"
#include "https_transport.hpp"
#include "session_file.hpp"

namespace exam_admin {
namespace json = boost::json;

namespace {

std::string name_of(const RemoteCommand& c) { return std::string(c.group) + (*c.verb ? std::string(" ") + c.verb : ""); }

bool positional(ParamKind k) { return k == ParamKind::path || k == ParamKind::csv_file; }

void command_usage(std::ostream& os, const RemoteCommand& c) {
    os << "usage: exam-admin " << name_of(c);
    for (const auto& p : c.params) {
        if (positional(p.kind)) os << " " << p.name;
    }
    for (const auto& p : c.params) {
        if (positional(p.kind)) continue;
        os << (p.required ? " --" : " [--") << p.name << " VALUE" << (p.required ? "" : "]");
    }
    os << (c.view == View::raw ? " [--out FILE]" : " [--json]") << " [--session-file FILE]\n";
    for (const auto& p : c.params) {
        os << "  " << (positional(p.kind) ? "" : "--") << p.name << ": " << p.help << "\n";
    }
}

std::string encode(const std::string& s) { return boost::urls::encode(s, boost::urls::unreserved_chars); }

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

struct Request {
    std::string target;
    std::string body;
    std::string content_type = "application/json";
};

// Builds the request from the arguments, or says what is wrong with them.
std::optional<Request> build_request(const RemoteCommand& c, const std::vector<std::string>& positionals,
                                     const std::map<std::string, std::string>& options, std::ostream& err) {
    Request r;
    std::string path = c.path;
    std::string query;
    json::object body;
    std::size_t next_positional = 0;
    for (const auto& p : c.params) {
        std::optional<std::string> value;
        if (positional(p.kind)) {
            if (next_positional < positionals.size()) value = positionals[next_positional++];
        } else if (auto it = options.find(p.name); it != options.end()) {
            value = it->second;
        } else if (p.default_value) {
            value = p.default_value;
        }
        if (!value) {
            if (p.required) {
                err << "exam-admin " << name_of(c) << ": " << (positional(p.kind) ? "" : "--") << p.name << " is required\n";
                return std::nullopt;
            }
            continue;
        }
        switch (p.kind) {
            case ParamKind::path: {
                const std::string placeholder = std::string("{") + p.field + "}";
                path.replace(path.find(placeholder), placeholder.size(), encode(*value));
                break;
            }
            case ParamKind::csv_file: {
                auto text = read_file(*value);
                if (!text) {
                    err << "exam-admin " << name_of(c) << ": cannot read " << *value << "\n";
                    return std::nullopt;
                }
                r.body = std::move(*text);
                r.content_type = "text/csv";
                break;
            }
            case ParamKind::query: query += (query.empty() ? "?" : "&") + std::string(p.field) + "=" + encode(*value); break;
            case ParamKind::text: body[p.field] = *value; break;
            case ParamKind::text_list: {
                json::array texts;
                std::stringstream items(*value);
                for (std::string item; std::getline(items, item, ',');) texts.push_back(json::value(item));
                body[p.field] = std::move(texts);
                break;
            }
            case ParamKind::integer:
            case ParamKind::integer_list: {
                json::array numbers;
                std::stringstream items(*value);
                for (std::string item; std::getline(items, item, ',');) {
                    std::int64_t n = 0;
                    auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), n);
                    if (ec != std::errc() || end != item.data() + item.size()) {
                        err << "exam-admin " << name_of(c) << ": --" << p.name << " expects "
                            << (p.kind == ParamKind::integer ? "a whole number" : "whole numbers separated by commas")
                            << ", not '" << *value << "'\n";
                        return std::nullopt;
                    }
                    numbers.push_back(n);
                }
                if (p.kind == ParamKind::integer_list) {
                    body[p.field] = std::move(numbers);
                } else if (numbers.size() == 1) {
                    body[p.field] = numbers.front();
                } else {
                    err << "exam-admin " << name_of(c) << ": --" << p.name << " expects one whole number\n";
                    return std::nullopt;
                }
                break;
            }
            case ParamKind::secret_file: {
                auto text = read_file(*value);
                if (!text) {
                    err << "exam-admin " << name_of(c) << ": cannot read " << *value << "\n";
                    return std::nullopt;
                }
                body[p.field] = text->substr(0, text->find_first_of("\r\n"));
                break;
            }
        }
    }
    if (next_positional < positionals.size()) {
        err << "exam-admin " << name_of(c) << ": unexpected argument '" << positionals[next_positional] << "'\n";
        return std::nullopt;
    }
    r.target = path + query;
    if (!body.empty()) {
        r.body = c.wrap_in_list ? json::serialize(json::object{{c.wrap_in_list, json::array{std::move(body)}}})
                                : json::serialize(body);
    }
    return r;
}

}  // namespace

int run_remote(const RemoteCommand& c, const std::vector<std::string>& args, Streams io) {
    std::vector<std::string> positionals;
    std::map<std::string, std::string> options;
    bool as_json = false;
    std::string out_file;
    std::string session_flag;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& a = args[i];
        if (a == "--help" || a == "-h") {
            command_usage(io.out, c);
            return exit_ok;
        }
        if (a == "--json") {
            as_json = true;
            continue;
        }
        if (a.rfind("--", 0) != 0) {
            positionals.push_back(a);
            continue;
        }
        std::string name = a.substr(2);
        std::string value;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name.resize(eq);
        } else if (i + 1 < args.size()) {
            value = args[++i];
        } else {
            io.err << "exam-admin " << name_of(c) << ": --" << name << " needs a value\n";
            return exit_usage;
        }
        const bool known = (name == "out" && c.view == View::raw) || name == "session-file" ||
                           std::any_of(c.params.begin(), c.params.end(),
                                       [&](const Param& p) { return !positional(p.kind) && name == p.name; });
        if (!known) {
            io.err << "exam-admin " << name_of(c) << ": unknown option --" << name << "\n";
            command_usage(io.err, c);
            return exit_usage;
        }
        if (name == "out") {
            out_file = value;
        } else if (name == "session-file") {
            session_flag = value;
        } else {
            options[name] = value;
        }
    }
    auto request = build_request(c, positionals, options, io.err);
    if (!request) {
        command_usage(io.err, c);
        return exit_usage;
    }

    std::optional<SavedSession> session;
    std::filesystem::path session_path;
    try {
        session_path = session_file_location(session_flag);
        session = load_session(session_path);
    } catch (const std::exception& e) {
        io.err << "error: " << e.what() << "\n";
        return exit_unreachable;
    }
    if (!session) {
        io.err << "error: not logged in (no session file " << session_path.string()
               << "): run exam-admin login --server https://HOST:PORT --username NAME\n";
        return exit_unreachable;
    }

    HttpReply reply;
    try {
        reply = https_request(parse_server_url(session->server), {session->ca_file}, c.method, request->target,
                              request->body, request->content_type, session->token);
    } catch (const std::exception& e) {
        io.err << "error: " << e.what() << "\n";
        return exit_unreachable;
    }
    if (reply.status < 200 || reply.status >= 300) {
        io.err << error_text(reply.status, reply.body);
        return exit_refused;
    }

    if (c.view == View::raw) {
        if (out_file.empty()) {
            io.out << reply.body;
        } else {
            std::ofstream out(out_file, std::ios::binary | std::ios::trunc);
            out << reply.body;
            if (!out.flush()) {
                io.err << "error: cannot write " << out_file << "\n";
                return exit_unreachable;
            }
        }
        return exit_ok;
    }
    json::error_code ec;
    const auto value = json::parse(reply.body, ec);
    if (ec) {
        io.err << "error: the server's reply is not JSON: " << reply.body.substr(0, 200) << "\n";
        return exit_refused;
    }
    if (as_json) {
        io.out << reply.body << "\n";
    } else if (c.view == View::table && value.is_object() && value.get_object().contains(c.list_key) &&
               value.at(c.list_key).is_array()) {
        print_table(io.out, value.at(c.list_key).get_array(), {c.columns.begin(), c.columns.end()});
    } else {
        print_record(io.out, value);
    }
    if (c.must_be_true) {
        const auto* flag = value.is_object() ? value.get_object().if_contains(c.must_be_true) : nullptr;
        if (!flag || !flag->is_bool() || !flag->get_bool()) return exit_invalid;
    }
    return exit_ok;
}

void remote_usage(std::ostream& os) {
    os << "Commands over the HTTPS API (after exam-admin login):\n"
          "  login --server https://HOST:PORT --username NAME [--ca-file CERT.pem] [--password-file FILE|-]\n"
          "  logout\n";
    for (const auto& c : remote_commands()) {
        std::string usage = name_of(c);
        for (const auto& p : c.params) {
            if (positional(p.kind)) usage += std::string(" ") + p.name;
        }
        os << "  " << usage << std::string(usage.size() < 38 ? 38 - usage.size() : 1, ' ') << c.help << "\n";
    }
    os << "Each takes --json (the server's JSON as is), --session-file FILE and --help; results export takes --out FILE.\n"
          "Exit status: 0 done, 1 the server refused (its error is shown), 2 bad arguments, 3 not logged in or\n"
          "the server unreachable.\n";
}

}  // namespace exam_admin
