#include <ostream>

#include "cli.hpp"
#include "item_bank/uln.hpp"

namespace exam_admin {

int command_uln(const std::vector<std::string>& args, Streams io) {
    if (args.size() != 1) {
        io.err << "usage: exam-admin uln ULN\n";
        return exit_usage;
    }
    if (auto problem = item_bank::uln_problem(args[0])) {
        io.out << args[0] << " is not a valid ULN: " << *problem << "\n";
        return exit_invalid;
    }
    io.out << args[0] << " is a valid ULN\n";
    return exit_ok;
}

}  // namespace exam_admin
