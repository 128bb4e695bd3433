#pragma once
// Made-up candidates for a load run, as the CSV a centre would upload: unique
// candidate numbers (a run tag and an index), plain names, and ULNs whose
// check digit is right.

#include <cstddef>
#include <random>
#include <string>

namespace exam_load {

// A random ULN that passes the check (digits weighted 10..1 sum to 10 mod 11).
std::string random_uln(std::mt19937_64& random);

// "L<tag><index>": letters and digits only, at most 16 characters.
std::string candidate_number(const std::string& run_tag, std::size_t index);

// The header line and one line per candidate from `first` to `first + count - 1`.
std::string roster_csv(const std::string& run_tag, std::size_t first, std::size_t count, std::mt19937_64& random);

}  // namespace exam_load
