#pragma once
// Latencies in microseconds, in log-linear buckets (32 per power of two, so a
// reported percentile is at most about 3% above the true one), in fixed
// memory whatever the number of samples. Not thread-safe: OperationStats
// guards it.

#include <array>
#include <cstddef>
#include <cstdint>

namespace exam_load {

class LatencyHistogram {
public:
    void record(std::uint64_t micros);
    // The smallest bucket bound with at least `fraction` of the samples at or
    // below it (0 when empty); fraction in (0, 1].
    std::uint64_t percentile(double fraction) const;
    std::uint64_t max() const { return max_; }
    std::uint64_t count() const { return count_; }

private:
    static constexpr int sub_bucket_bits = 5;  // 32 buckets per power of two
    static constexpr std::uint64_t exact_below = 2u << sub_bucket_bits;  // values below 64 µs have a bucket each
    static constexpr std::size_t bucket_count = exact_below + 40 * (1u << sub_bucket_bits);  // up to 2^46 µs

    static std::size_t bucket_of(std::uint64_t micros);
    static std::uint64_t upper_bound_of(std::size_t bucket);

    std::array<std::uint64_t, bucket_count> buckets_{};
    std::uint64_t count_ = 0;
    std::uint64_t max_ = 0;
};

}  // namespace exam_load
