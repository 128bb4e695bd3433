#pragma once
// One HTTPS request to exam-server and its reply. The only file of exam-admin
// with Beast and Asio in it (DESIGN: Beast headers stay in the few files that
// touch the network).
//
// The server's certificate is always verified: against --ca-file (the
// self-signed certificate in the server's data_dir/tls/, or the CA that issued
// a real one) or else the system's trust store, and its name against the host
// in the URL. There is no way to turn that off: a token sent to the wrong
// server is a staff account lost.

#include <chrono>
#include <stdexcept>
#include <string>

namespace exam_admin {

struct ServerAddress {
    std::string host;  // a DNS name or an IP address (without brackets)
    std::string port;
};

// "https://host[:port]" (no path); throws std::invalid_argument with a plain message otherwise.
ServerAddress parse_server_url(const std::string& url);

struct HttpReply {
    int status = 0;
    std::string content_type;
    std::string body;
};

// Connection, TLS and timeout failures, with a message for a person.
class TransportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct TransportOptions {
    std::string ca_file;  // empty: the system's trust store
    std::chrono::seconds timeout{60};
};

HttpReply https_request(const ServerAddress& server, const TransportOptions& options, const std::string& method,
                        const std::string& target, const std::string& body, const std::string& content_type,
                        const std::string& token);

}  // namespace exam_admin
