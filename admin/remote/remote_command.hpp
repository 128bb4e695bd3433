#pragma once
// exam-admin's commands over the HTTPS API, each one row of a table: which
// endpoint it calls, how its arguments become the path, the query and the
// JSON body, and how the reply is shown. An endpoint added to the server is
// one more row in remote_command_table.cpp.

#include <string>
#include <vector>

#include "cli.hpp"

namespace exam_admin {

enum class ParamKind {
    path,          // a positional argument filling {name} in the path
    csv_file,      // a positional FILE sent as the body, text/csv
    query,         // --name VALUE -> ?field=VALUE
    text,          // --name VALUE -> "field": "VALUE"
    integer,       // --name N -> "field": N
    integer_list,  // --name 1,2,3 -> "field": [1, 2, 3]
    text_list,     // --name A,B -> "field": ["A", "B"]
    secret_file,   // --name FILE -> "field": the first line of FILE (passwords stay out of argv)
};

struct Param {
    const char* name;
    ParamKind kind;
    bool required;
    const char* field;  // the path placeholder, query parameter or JSON member
    const char* help;
    const char* default_value = nullptr;
};

enum class View {
    table,   // the array `list_key` as a table
    record,  // the object as "key: value" lines (arrays of objects as tables after them)
    raw,     // the body as sent (CSV, JSON), to standard output or --out FILE
};

struct RemoteCommand {
    const char* group;  // "centres"
    const char* verb;   // "list"
    const char* method;
    const char* path;  // "/api/v1/centres/{centre}/candidates"
    std::vector<Param> params;
    View view = View::record;
    const char* list_key = nullptr;
    std::vector<const char*> columns = {};  // empty: every member of the first row
    const char* help = "";
    const char* wrap_in_list = nullptr;  // the body's fields become {"<this>": [{...}]}
    const char* must_be_true = nullptr;  // exit 1 unless this boolean member of the reply is true
};

const std::vector<RemoteCommand>& remote_commands();

// Exit codes of the remote commands, beside cli.hpp's.
inline constexpr int exit_refused = 1;      // the server answered with an error
inline constexpr int exit_unreachable = 3;  // not logged in, or the server could not be reached

int run_remote(const RemoteCommand& command, const std::vector<std::string>& args, Streams io);
int command_login(const std::vector<std::string>& args, Streams io);
int command_logout(const std::vector<std::string>& args, Streams io);
void remote_usage(std::ostream& os);

}  // namespace exam_admin
