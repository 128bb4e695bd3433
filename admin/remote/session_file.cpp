#include "session_file.hpp"

#include <boost/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace exam_admin {
namespace json = boost::json;

namespace {

[[noreturn]] void throw_errno(const std::string& what) { throw std::system_error(errno, std::generic_category(), what); }

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

}  // namespace

std::filesystem::path session_file_location(const std::string& flag_value) {
    if (!flag_value.empty()) return flag_value;
    if (auto v = env("EXAM_ADMIN_SESSION"); !v.empty()) return v;
    if (auto v = env("XDG_CONFIG_HOME"); !v.empty()) return std::filesystem::path(v) / "exam-admin" / "session";
    if (auto v = env("HOME"); !v.empty()) return std::filesystem::path(v) / ".config" / "exam-admin" / "session";
    throw std::runtime_error("no HOME: give --session-file FILE");
}

std::optional<SavedSession> load_session(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    json::error_code ec;
    auto v = json::parse(text.str(), ec);
    auto field = [&](const char* key) -> std::string {
        const auto* f = v.is_object() ? v.as_object().if_contains(key) : nullptr;
        return f && f->is_string() ? std::string(f->as_string()) : "";
    };
    if (ec || field("server").empty() || field("token").empty()) {
        throw std::runtime_error("the session file " + file.string() + " is not one exam-admin wrote: log in again");
    }
    return SavedSession{field("server"), field("ca_file"), field("token"), field("username")};
}

void save_session(const std::filesystem::path& file, const SavedSession& s) {
    const auto dir = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
    if (!std::filesystem::exists(dir)) {
        std::filesystem::create_directories(dir);
        std::filesystem::permissions(dir, std::filesystem::perms::owner_all);
    }
    const std::string text = json::serialize(json::object{
                                 {"server", s.server}, {"ca_file", s.ca_file}, {"username", s.username}, {"token", s.token}}) +
                             "\n";
    // Written beside the target and renamed over it: never a half-written
    // file, and never one that others could read, even for a moment.
    const auto temp = dir / (file.filename().string() + ".tmp");
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) throw_errno("cannot write " + temp.string());
    // O_CREAT's mode does not change an existing file's.
    const bool ok = ::fchmod(fd, 0600) == 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                    ::fsync(fd) == 0;
    const int saved_errno = errno;
    ::close(fd);
    if (!ok) {
        ::unlink(temp.c_str());
        errno = saved_errno;
        throw_errno("cannot write " + temp.string());
    }
    if (::rename(temp.c_str(), file.c_str()) != 0) throw_errno("cannot replace " + file.string());
}

void remove_session(const std::filesystem::path& file) {
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
}

}  // namespace exam_admin
