#pragma once
// A small blocking HTTP(S) client for the integration tests: one request, one
// reply, with the status, headers and body. Every reply it receives is kept,
// so a test can scan all that candidates were sent.

#include <map>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

namespace exam_test {

struct Reply {
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers;  // lower-case names
    boost::json::value json() const;              // null when the body is not JSON
};

class HttpsClient {
public:
    HttpsClient(std::string host, unsigned short port, bool tls = true) : host_(std::move(host)), port_(port), tls_(tls) {}

    Reply request(const std::string& method, const std::string& target, const std::string& body = {},
                  const std::string& token = {}, const std::string& content_type = "application/json",
                  const std::vector<std::pair<std::string, std::string>>& extra_headers = {});
    Reply get(const std::string& target, const std::string& token = {}) { return request("GET", target, {}, token); }
    Reply post(const std::string& target, const std::string& body, const std::string& token = {}) {
        return request("POST", target, body, token);
    }
    Reply put(const std::string& target, const std::string& body, const std::string& token = {}) {
        return request("PUT", target, body, token);
    }

    const std::vector<std::string>& bodies_received() const { return received_; }

private:
    std::string host_;
    unsigned short port_;
    bool tls_;
    std::vector<std::string> received_;
};

}  // namespace exam_test
