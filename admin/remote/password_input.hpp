#pragma once
// Reading a password without it showing on screen or in the process list:
// from a file (--password-file FILE, or - for standard input), else from the
// terminal with echo off, else from standard input when that is not a terminal.

#include <iosfwd>
#include <string>

namespace exam_admin {

// Throws std::runtime_error with a plain message. `prompt_to` is where the prompt goes.
std::string read_password(const std::string& password_file, std::ostream& prompt_to);

}  // namespace exam_admin
