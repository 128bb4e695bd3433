#include "candidate_roster.hpp"

#include <cstdio>

namespace exam_load {

std::string random_uln(std::mt19937_64& random) {
    std::uniform_int_distribution<int> digit(0, 9), first_digit(1, 9);
    int digits[9];
    int sum = 0;
    for (int i = 0; i < 9; ++i) {
        digits[i] = i == 0 ? first_digit(random) : digit(random);
        sum += digits[i] * (10 - i);
    }
    // The check digit has weight 1: sum + check = 10 (mod 11).
    auto check_for = [](int s) { return ((10 - s) % 11 + 11) % 11; };
    if (check_for(sum) == 10) {
        // No digit is 10: move the ninth digit (weight 2) on by one instead of
        // drawing again, which shifts the sum by 2 or by -18 and the check off 10.
        const int old = digits[8];
        digits[8] = (old + 1) % 10;
        sum += (digits[8] - old) * 2;
    }
    std::string uln;
    for (int d : digits) uln += static_cast<char>('0' + d);
    uln += static_cast<char>('0' + check_for(sum));
    return uln;
}

std::string candidate_number(const std::string& run_tag, std::size_t index) {
    char padded[24];
    std::snprintf(padded, sizeof padded, "%05zu", index);
    return "L" + run_tag + padded;
}

std::string roster_csv(const std::string& run_tag, std::size_t first, std::size_t count, std::mt19937_64& random) {
    std::string csv = "candidate_number,given_name,family_name,date_of_birth,uln\n";
    csv.reserve(count * 64);
    for (std::size_t i = first; i < first + count; ++i) {
        csv += candidate_number(run_tag, i) + ",Load,Candidate " + std::to_string(i) + ",2004-06-15," +
               random_uln(random) + "\n";
    }
    return csv;
}

}  // namespace exam_load
