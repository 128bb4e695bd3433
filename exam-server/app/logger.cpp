#include "app/logger.hpp"

#include <boost/json.hpp>

#include <chrono>
#include <ctime>

namespace exam::app {
namespace json = boost::json;

bool parse_log_level(std::string_view name, LogLevel& out) {
    if (name == "debug") out = LogLevel::debug;
    else if (name == "info") out = LogLevel::info;
    else if (name == "warning") out = LogLevel::warning;
    else if (name == "error") out = LogLevel::error;
    else if (name == "off") out = LogLevel::off;
    else return false;
    return true;
}

namespace {

const char* level_name(LogLevel l) {
    switch (l) {
        case LogLevel::debug: return "debug";
        case LogLevel::info: return "info";
        case LogLevel::warning: return "warning";
        case LogLevel::error: return "error";
        case LogLevel::off: return "off";
    }
    return "?";
}

std::string utc_now() {
    const auto now = std::chrono::system_clock::now();
    const auto secs = std::chrono::system_clock::to_time_t(now);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(millis));
    return buffer;
}

}  // namespace

void Logger::log(LogLevel level, std::string_view message, std::initializer_list<LogField> fields) {
    if (!enabled(level)) return;
    json::object line;
    line["ts"] = utc_now();
    line["level"] = level_name(level);
    line["msg"] = message;
    for (const auto& [key, value] : fields) {
        std::visit([&, k = key](const auto& v) { line[k] = v; }, value);
    }
    std::string text = json::serialize(line);
    text += '\n';
    std::lock_guard lock(mutex_);
    std::fwrite(text.data(), 1, text.size(), out_);
    if (level >= LogLevel::warning) std::fflush(out_);
}

void Logger::flush() {
    std::lock_guard lock(mutex_);
    std::fflush(out_);
}

}  // namespace exam::app
