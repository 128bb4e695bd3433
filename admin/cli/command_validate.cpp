#include <ostream>

#include "cli.hpp"
#include "item_bank/bank.hpp"

namespace exam_admin {

int command_validate(const std::vector<std::string>& args, Streams io) {
    std::vector<std::filesystem::path> paths;
    std::string bank_flag;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--bank" && i + 1 < args.size()) {
            bank_flag = args[++i];
        } else if (args[i].starts_with("--")) {
            io.err << "exam-admin validate: unknown option " << args[i] << "\n";
            return exit_usage;
        } else {
            paths.emplace_back(args[i]);
        }
    }
    if (paths.empty()) {
        io.err << "usage: exam-admin validate [--bank DIR] PATH...\n";
        return exit_usage;
    }
    std::vector<std::filesystem::path> context;
    if (!item_bank::holds_specifications(paths)) {
        context.push_back(bank_location(bank_flag) / "specifications");
        io.out << "Using the unit definitions in " << context.front().string() << "\n";
    }
    const auto result = item_bank::load_bank_with_context(paths, context);
    if (!result.bank) {
        for (const auto& e : result.errors) io.out << e.to_string() << "\n";
        io.out << result.errors.size() << (result.errors.size() == 1 ? " problem" : " problems") << " in "
               << result.files << " files\n";
        return exit_invalid;
    }
    // Drafts may break live-item rules; each is named so the author knows what
    // stands between the draft and going live.
    for (const auto& d : result.draft_rules) io.out << "draft: " << d.to_string() << "\n";
    const auto& b = *result.bank;
    io.out << "Valid: " << result.files << " files, " << b.qualifications().size() << " qualifications, "
           << b.units().size() << " units, " << b.items().size() << " items, " << b.test_specifications().size()
           << " test specifications\n";
    return exit_ok;
}

}  // namespace exam_admin
