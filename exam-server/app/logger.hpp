#pragma once
// Structured logs: one JSON object per line, with a timestamp, a level and a
// message, plus whatever fields the caller adds (request ids above all).

#include <cstdio>
#include <initializer_list>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace exam::app {

enum class LogLevel { debug = 0, info = 1, warning = 2, error = 3, off = 4 };

// "debug", "info", "warning", "error", "off"; false when the name is unknown.
bool parse_log_level(std::string_view name, LogLevel& out);

using LogValue = std::variant<std::string_view, long long, double, bool>;
using LogField = std::pair<std::string_view, LogValue>;

// Thread-safe; lines are written whole.
class Logger {
public:
    explicit Logger(LogLevel level = LogLevel::info, std::FILE* out = stderr) : level_(level), out_(out) {}

    bool enabled(LogLevel level) const { return level >= level_; }
    void log(LogLevel level, std::string_view message, std::initializer_list<LogField> fields = {});
    void info(std::string_view message, std::initializer_list<LogField> fields = {}) { log(LogLevel::info, message, fields); }
    void warning(std::string_view message, std::initializer_list<LogField> fields = {}) {
        log(LogLevel::warning, message, fields);
    }
    void error(std::string_view message, std::initializer_list<LogField> fields = {}) { log(LogLevel::error, message, fields); }
    void flush();

private:
    LogLevel level_;
    std::FILE* out_;
    std::mutex mutex_;
};

}  // namespace exam::app
