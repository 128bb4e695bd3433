#include "domain/clock.hpp"

#include <cstdio>
#include <ctime>

namespace exam::domain {

bool parse_utc(const std::string& text, Millis& out) {
    int y, mo, d, h, mi, s;
    char z = 0;
    int consumed = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%n", &y, &mo, &d, &h, &mi, &s, &z, &consumed) != 7 ||
        z != 'Z' || static_cast<std::size_t>(consumed) != text.size()) {
        return false;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60 || y < 1970 || y > 9999) return false;
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    const time_t t = timegm(&tm);
    // timegm normalises 31 February into March: refuse dates that moved.
    std::tm back{};
    gmtime_r(&t, &back);
    if (back.tm_mday != d || back.tm_mon != mo - 1) return false;
    out = static_cast<Millis>(t) * 1000;
    return true;
}

std::string format_utc(Millis ms) {
    const time_t t = static_cast<time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buffer;
}

}  // namespace exam::domain
