#include <fstream>
#include <ostream>
#include <sstream>

#include "certificate_verifier.hpp"
#include "cli.hpp"

namespace exam_admin {
namespace {

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

}  // namespace

int command_verify(const std::vector<std::string>& args, Streams io) {
    std::string file, public_key;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--public-key" && i + 1 < args.size()) {
            public_key = args[++i];
        } else if (file.empty() && !args[i].starts_with("--")) {
            file = args[i];
        } else {
            file.clear();
            break;
        }
    }
    if (file.empty() || public_key.empty()) {
        io.err << "usage: exam-admin verify FILE --public-key PEM\n";
        return exit_usage;
    }
    const auto document = read_file(file);
    if (!document) {
        io.err << "exam-admin: cannot read " << file << "\n";
        return exit_usage;
    }
    const auto pem = read_file(public_key);
    if (!pem) {
        io.err << "exam-admin: cannot read " << public_key << "\n";
        return exit_usage;
    }
    const auto result = verify_certificate(*document, *pem);
    if (!result) {
        io.err << "exam-admin: " << public_key << " is not an Ed25519 public key in PEM\n";
        return exit_usage;
    }
    if (!result->valid) {
        io.out << file << ": NOT VALID: " << result->reason << "\n";
        return exit_invalid;
    }
    const auto& c = result->certificate;
    io.out << file << ": valid " << c.kind << " certificate " << c.number << " for " << c.candidate_name << ", "
           << c.qualification << ", issued " << c.issued_at;
    if (c.replaces) io.out << ", a replacement of " << *c.replaces;
    io.out << "\n";
    return exit_ok;
}

}  // namespace exam_admin
