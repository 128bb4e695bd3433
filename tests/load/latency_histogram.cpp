#include "latency_histogram.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace exam_load {

std::size_t LatencyHistogram::bucket_of(std::uint64_t micros) {
    if (micros < exact_below) return static_cast<std::size_t>(micros);
    // e >= 6: keep the top sub_bucket_bits + 1 bits of the value.
    const int exponent = static_cast<int>(std::bit_width(micros)) - 1;
    const int shift = exponent - sub_bucket_bits;
    const std::uint64_t sub = (micros >> shift) - (1u << sub_bucket_bits);  // 0..31
    const std::size_t bucket =
        exact_below + static_cast<std::size_t>(exponent - sub_bucket_bits - 1) * (1u << sub_bucket_bits) + sub;
    return std::min(bucket, bucket_count - 1);
}

std::uint64_t LatencyHistogram::upper_bound_of(std::size_t bucket) {
    if (bucket < exact_below) return bucket;
    const std::size_t offset = bucket - exact_below;
    const int shift = static_cast<int>(offset >> sub_bucket_bits) + 1;
    const std::uint64_t sub = (offset & ((1u << sub_bucket_bits) - 1)) + (1u << sub_bucket_bits);
    return ((sub + 1) << shift) - 1;
}

void LatencyHistogram::record(std::uint64_t micros) {
    ++buckets_[bucket_of(micros)];
    ++count_;
    max_ = std::max(max_, micros);
}

std::uint64_t LatencyHistogram::percentile(double fraction) const {
    if (count_ == 0) return 0;
    const auto rank = static_cast<std::uint64_t>(std::ceil(fraction * static_cast<double>(count_)));
    std::uint64_t seen = 0;
    for (std::size_t b = 0; b < bucket_count; ++b) {
        seen += buckets_[b];
        // The bucket's upper bound, but never above the largest sample seen.
        if (seen >= std::max<std::uint64_t>(rank, 1)) return std::min(upper_bound_of(b), max_);
    }
    return max_;
}

}  // namespace exam_load
