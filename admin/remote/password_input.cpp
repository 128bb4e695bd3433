#include "password_input.hpp"

#include <termios.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <stdexcept>

namespace exam_admin {
namespace {

std::string first_line(std::istream& in) {
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

// Restores the terminal's echo however the read ends.
class EchoOff {
public:
    EchoOff() {
        if (::tcgetattr(STDIN_FILENO, &saved_) != 0) return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        active_ = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff() {
        if (active_) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    termios saved_{};
    bool active_ = false;
};

}  // namespace

std::string read_password(const std::string& password_file, std::ostream& prompt_to) {
    std::string password;
    if (password_file == "-") {
        password = first_line(std::cin);
    } else if (!password_file.empty()) {
        std::ifstream in(password_file);
        if (!in) throw std::runtime_error("cannot read the password file " + password_file);
        password = first_line(in);
    } else if (::isatty(STDIN_FILENO)) {
        prompt_to << "Password: " << std::flush;
        {
            EchoOff quiet;
            password = first_line(std::cin);
        }
        prompt_to << "\n";
    } else {
        password = first_line(std::cin);
    }
    if (password.empty()) throw std::runtime_error("no password given");
    return password;
}

}  // namespace exam_admin
