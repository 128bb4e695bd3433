#include "run_stats.hpp"

namespace exam_load {

std::uint64_t RunStats::total_errors() const {
    std::uint64_t n = 0;
    for (const auto* op : {&connect, &login, &start, &items, &save, &heartbeat, &submit, &healthz}) n += op->errors();
    return n;
}

void RunStats::print(std::ostream& out, bool with_healthz) const {
    OperationStats::print_header(out);
    for (const auto* op : {&connect, &login, &start, &items, &save, &heartbeat, &submit}) op->print_row(out);
    if (with_healthz) healthz.print_row(out);
    out << "\nCandidates: " << candidates_submitted << " submitted, " << candidates_lost << " lost before submitting\n";
    out << "Errors: ";
    bool any = false;
    for (const auto* op : {&connect, &login, &start, &items, &save, &heartbeat, &submit, &healthz}) {
        const auto summary = op->error_summary();
        if (summary.empty()) continue;
        out << (any ? "; " : "") << summary;
        any = true;
    }
    out << (any ? "\n" : "none\n");
    out << "Slowest replies (t counts from the first arrival; the ramp ends at t+"
        << std::chrono::duration<double>(window.begins - window.run_began).count() << " s):\n";
    for (const auto* op : {&login, &save, &heartbeat}) {
        if (const auto summary = op->slowest_summary(); !summary.empty()) out << "  " << summary << "\n";
    }
}

}  // namespace exam_load
