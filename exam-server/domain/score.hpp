#pragma once
// Scores are sums of per-item credit, which weighted items make fractional.
// A whole score is written as an integer, exactly as before weights existed,
// so existing results, exports and clients read it unchanged; a fractional one
// keeps two decimals.

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

namespace exam::domain {

// Credit sums such as 1/3 + 2/3 land a hair off a whole number.
inline std::optional<std::int64_t> whole_score(double score) {
    const double nearest = std::round(score);
    if (std::abs(score - nearest) < 1e-9) return static_cast<std::int64_t>(nearest);
    return std::nullopt;
}

inline double two_decimals(double score) { return std::round(score * 100.0) / 100.0; }

inline std::string score_text(double score) {
    if (auto whole = whole_score(score)) return std::to_string(*whole);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", score);
    return buffer;
}

}  // namespace exam::domain
