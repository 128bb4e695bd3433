#include "server_probe.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

namespace exam_load {

std::optional<ProcessSample> sample_process(pid_t pid) {
    const std::string dir = "/proc/" + std::to_string(pid);
    std::ifstream status(dir + "/status");
    std::ifstream stat(dir + "/stat");
    if (!status || !stat) return std::nullopt;
    ProcessSample sample;
    for (std::string line; std::getline(status, line);) {
        std::istringstream fields(line);
        std::string name;
        long long kib = 0;
        fields >> name >> kib;
        if (name == "VmHWM:") sample.peak_resident_kib = kib;
        if (name == "VmRSS:") sample.resident_kib = kib;
    }
    // /proc/<pid>/stat: the command name is in parentheses and may hold
    // spaces, so count fields from its closing one; utime and stime are the
    // 14th and 15th fields, in clock ticks.
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos) return std::nullopt;
    std::istringstream rest(text.substr(close + 2));
    std::vector<std::string> fields;
    for (std::string f; rest >> f && fields.size() < 13;) fields.push_back(f);
    if (fields.size() < 13) return std::nullopt;
    const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    sample.cpu_seconds = (std::stod(fields[11]) + std::stod(fields[12])) / ticks;  // fields 14 and 15, from field 3
    return sample;
}

double own_cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

MetricSamples parse_metrics(const std::string& text) {
    MetricSamples samples;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line[0] == '#') continue;
        const auto space = line.rfind(' ');
        if (space == std::string::npos) continue;
        try {
            samples[line.substr(0, space)] = std::stod(line.substr(space + 1));
        } catch (const std::exception&) {  // not a number (NaN spelled otherwise): skip the line
        }
    }
    return samples;
}

void print_commit_batches(std::ostream& out, const MetricSamples& before, const MetricSamples& after) {
    const auto delta = [&](const std::string& key) {
        const auto a = after.find(key);
        const auto b = before.find(key);
        return (a == after.end() ? 0.0 : a->second) - (b == before.end() ? 0.0 : b->second);
    };
    const double batches = delta("exam_commit_batch_jobs_count");
    const double jobs = delta("exam_commit_batch_jobs_sum");
    const double seconds = delta("exam_commit_batch_duration_seconds_sum");
    char line[200];
    std::snprintf(line, sizeof line, "Group commit during the run: %.0f batches, %.0f writes, %.1f writes per batch, %.2f ms per commit\n",
                  batches, jobs, batches > 0 ? jobs / batches : 0.0, batches > 0 ? 1000.0 * seconds / batches : 0.0);
    out << line << "Batch sizes (writes per batch: batches): ";
    double below = 0;
    for (const char* le : {"1", "2", "4", "8", "16", "32", "64", "128", "256", "512", "1024", "+Inf"}) {
        const double cumulative = delta(std::string("exam_commit_batch_jobs_bucket{le=\"") + le + "\"}");
        out << "<=" << le << ": " << static_cast<long long>(cumulative - below) << (std::string(le) == "+Inf" ? "\n" : ", ");
        below = cumulative;
    }
}

}  // namespace exam_load
