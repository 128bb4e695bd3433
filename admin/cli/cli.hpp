#pragma once
// exam-admin's commands as functions of their arguments and output streams, so
// tests run them in-process and check exit codes and text exactly.

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace exam_admin {

struct Streams {
    std::ostream& out;
    std::ostream& err;
};

// Exit codes shared by every command.
inline constexpr int exit_ok = 0;
inline constexpr int exit_invalid = 1;   // the thing checked is not valid
inline constexpr int exit_usage = 2;     // bad arguments, unknown names

int run_cli(const std::vector<std::string>& args, Streams io);

int command_validate(const std::vector<std::string>& args, Streams io);
int command_import(const std::vector<std::string>& args, Streams io);
int command_export(const std::vector<std::string>& args, Streams io);
int command_map(const std::vector<std::string>& args, Streams io);
int command_rules(const std::vector<std::string>& args, Streams io);
int command_uln(const std::vector<std::string>& args, Streams io);
int command_verify(const std::vector<std::string>& args, Streams io);

// --bank DIR, else $EXAM_BANK_DIR, else the bank bundled with the source tree.
std::filesystem::path bank_location(const std::string& flag_value);

}  // namespace exam_admin
