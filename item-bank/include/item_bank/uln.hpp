#pragma once
// Unique Learner Number check: ten digits, the first not zero, and the digits
// weighted 10, 9, ..., 1 sum to 10 modulo 11.

#include <optional>
#include <string>
#include <string_view>

namespace item_bank {

// Empty when valid; otherwise why not, in words a centre administrator understands.
std::optional<std::string> uln_problem(std::string_view uln);
inline bool is_valid_uln(std::string_view uln) { return !uln_problem(uln).has_value(); }

}  // namespace item_bank
