#include "security/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>

namespace exam::security {

namespace {

[[noreturn]] void throw_errno(const std::string& what_failed) {
    throw std::system_error(errno, std::generic_category(), what_failed);
}

// The temporary file until it is renamed: closed and removed if anything fails first.
class TemporaryFile {
public:
    explicit TemporaryFile(const std::filesystem::path& target) : path_(target.string() + ".XXXXXX") {
        // mkstemp creates the file with mode 0600 and a name no one else holds.
        fd_ = ::mkstemp(path_.data());
        if (fd_ < 0) throw_errno("cannot create a temporary file beside " + target.string());
    }
    ~TemporaryFile() {
        if (fd_ >= 0) ::close(fd_);
        if (!renamed_) ::unlink(path_.c_str());
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;

    void write_all(std::string_view content, ::mode_t mode) {
        if (::fchmod(fd_, mode) != 0) throw_errno("cannot set the mode of " + path_);
        while (!content.empty()) {
            const ::ssize_t written = ::write(fd_, content.data(), content.size());
            if (written < 0 && errno == EINTR) continue;
            if (written < 0) throw_errno("cannot write " + path_);
            content.remove_prefix(static_cast<std::size_t>(written));
        }
        if (::fsync(fd_) != 0) throw_errno("cannot flush " + path_);
        const int fd = fd_;
        fd_ = -1;
        if (::close(fd) != 0) throw_errno("cannot close " + path_);
    }

    void rename_to(const std::filesystem::path& target) {
        if (::rename(path_.c_str(), target.c_str()) != 0) throw_errno("cannot rename " + path_);
        renamed_ = true;
    }

private:
    std::string path_;
    int fd_ = -1;
    bool renamed_ = false;
};

// A rename survives a crash only once the directory holding it is flushed.
void flush_directory(const std::filesystem::path& directory) {
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) throw_errno("cannot open " + directory.string());
    const int result = ::fsync(fd);
    const int saved_errno = errno;
    ::close(fd);
    if (result != 0) {
        errno = saved_errno;
        throw_errno("cannot flush " + directory.string());
    }
}

}  // namespace

void write_file_atomically(const std::filesystem::path& target, std::string_view content, ::mode_t mode) {
    TemporaryFile temporary(target);
    temporary.write_all(content, mode);
    temporary.rename_to(target);
    flush_directory(target.has_parent_path() ? target.parent_path() : std::filesystem::path("."));
}

}  // namespace exam::security
