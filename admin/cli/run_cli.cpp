#include <ostream>
#include <string>

#include "cli.hpp"
#include "remote_command.hpp"

namespace exam_admin {
namespace {

void usage(std::ostream& os) {
    os << "usage: exam-admin COMMAND [ARGS]\n"
          "\n"
          "Offline commands (no server needed):\n"
          "  validate [--bank DIR] PATH...         check specification, item and test files or folders;\n"
          "                                        exit 0 when valid, 1 with the problems otherwise\n"
          "  import [--unit CODE] [--out DIR] [--json] FILE...\n"
          "                                        read QTI items and content packages (.zip), GIFT and\n"
          "                                        Moodle XML (format told from the content) and report\n"
          "                                        every question: live, draft (rules broken) or skipped (why);\n"
          "                                        writes items/1 files only with --out\n"
          "  map FILE --item ID [--criteria 1.1,2.3] [--status draft|reviewed|live|retired]\n"
          "      [--rationale TEXT] [--bank DIR]\n"
          "                                        map an imported item to its unit's assessment criteria and\n"
          "                                        set its status, if it keeps the rules for it; edits FILE\n"
          "  export --unit CODE --format qti30|qti21|moodle-xml [--form ID] [--bank DIR] [--json] --out FILE\n"
          "                                        write a unit's items (and its test, or one form) as a QTI\n"
          "                                        content package or Moodle XML, with a warning for each\n"
          "                                        thing the target cannot hold\n"
          "  rules [--json] [--bank DIR] QUALIFICATION UNIT...\n"
          "                                        evaluate a qualification's rules of combination for\n"
          "                                        the units achieved; exit 2 for an unknown name\n"
          "  uln ULN                               check a Unique Learner Number; exit 0 valid, 1 not\n"
          "  verify FILE --public-key PEM          check a certificate file against the awarding public key;\n"
          "                                        exit 0 valid, 1 not valid (with why), 2 unreadable input\n"
          "\n"
          "The bank is item-bank/data in the source tree unless --bank or EXAM_BANK_DIR says otherwise.\n"
          "\n";
    remote_usage(os);
}

// "session open" reads as well as "sessions open": the group names take either number.
std::string group_name(const std::string& word) {
    for (const char* singular : {"centre", "candidate", "session", "booking", "attempt", "registration"}) {
        if (word == singular) return word + "s";
    }
    return word;
}

}  // namespace

int run_cli(const std::vector<std::string>& args, Streams io) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        usage(args.empty() ? io.err : io.out);
        return args.empty() ? exit_usage : exit_ok;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "validate") return command_validate(rest, io);
    if (args[0] == "import") return command_import(rest, io);
    if (args[0] == "export") return command_export(rest, io);
    if (args[0] == "map") return command_map(rest, io);
    if (args[0] == "rules") return command_rules(rest, io);
    if (args[0] == "uln") return command_uln(rest, io);
    if (args[0] == "verify") return command_verify(rest, io);
    if (args[0] == "login") return command_login(rest, io);
    if (args[0] == "logout") return command_logout(rest, io);
    const auto group = group_name(args[0]);
    for (const auto& c : remote_commands()) {
        if (group != c.group) continue;
        if (*c.verb == '\0') return run_remote(c, rest, io);
        if (!rest.empty() && rest[0] == c.verb) return run_remote(c, std::vector<std::string>(rest.begin() + 1, rest.end()), io);
    }
    std::string verbs;
    for (const auto& c : remote_commands()) {
        if (group == c.group) verbs += std::string(verbs.empty() ? "" : ", ") + c.verb;
    }
    if (!verbs.empty()) {
        io.err << "exam-admin " << group << ": expected one of " << verbs << "\n";
        return exit_usage;
    }
    io.err << "exam-admin: unknown command '" << args[0] << "'\n\n";
    usage(io.err);
    return exit_usage;
}

}  // namespace exam_admin
