#pragma once
// What the generator reads about the server besides its replies: memory and
// CPU time from /proc/<pid> (the server must run on this machine), and the
// group-commit figures from its /metrics text, compared before and after.

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <sys/types.h>

namespace exam_load {

struct ProcessSample {
    long long peak_resident_kib = 0;  // VmHWM: the most the process has held since it started
    long long resident_kib = 0;       // VmRSS
    double cpu_seconds = 0;           // user + system
};

// Empty when the process cannot be read (gone, or not ours to read).
std::optional<ProcessSample> sample_process(pid_t pid);
// The generator's own CPU time, to show how much of the 2 cores it took.
double own_cpu_seconds();

// Every sample line of a Prometheus text page, "name{labels}" to value.
using MetricSamples = std::map<std::string, double>;
MetricSamples parse_metrics(const std::string& text);

// Batches committed between the two pages, mean jobs per batch and commit
// time, and how batch sizes were spread over the histogram's buckets.
void print_commit_batches(std::ostream& out, const MetricSamples& before, const MetricSamples& after);

}  // namespace exam_load
