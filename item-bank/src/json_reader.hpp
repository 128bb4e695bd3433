#pragma once
// Reading the bank's JSON with every problem reported against the file and the
// JSON Pointer of the value, and every unknown member caught (misspellings of
// optional members would otherwise pass unnoticed).

#include <boost/json/value.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "item_bank/diagnostic.hpp"

namespace item_bank::detail {

class FileContext {
public:
    FileContext(std::string file, Diagnostics& out) : file_(std::move(file)), out_(out) {}
    void error(std::string pointer, std::string message) {
        out_.push_back(Diagnostic{file_, std::move(pointer), std::move(message)});
    }
    const std::string& file() const { return file_; }
    std::size_t error_count() const { return out_.size(); }

private:
    std::string file_;
    Diagnostics& out_;
};

enum class Presence { required, optional };

std::string_view kind_name(const boost::json::value& v);

class ObjectReader {
public:
    // Reports an error (and reads as empty) when `value` is not an object.
    ObjectReader(const boost::json::value& value, std::string pointer, FileContext& ctx);

    bool is_object() const { return object_ != nullptr; }
    const std::string& pointer() const { return pointer_; }
    std::string child(std::string_view key) const { return pointer_append(pointer_, key); }
    FileContext& context() const { return ctx_; }

    // Non-empty text (white space alone is empty).
    std::optional<std::string> text(std::string_view key, Presence presence);
    // A string matching `valid`; `expected` describes it for the message.
    std::optional<std::string> token(std::string_view key, bool (*valid)(std::string_view), const char* expected,
                                     Presence presence);
    std::optional<std::string> one_of(std::string_view key, const std::vector<std::string_view>& allowed,
                                      Presence presence);
    std::optional<int> integer(std::string_view key, int min, int max, Presence presence);
    // Any JSON number from min to max; `expected` says what it means.
    std::optional<double> number(std::string_view key, double min, double max, const char* expected, Presence presence);
    // Required member that is an integer in range or null; false (and `out`
    // untouched) on error.
    bool integer_or_null(std::string_view key, int min, int max, std::optional<int>& out);
    std::optional<bool> boolean(std::string_view key, Presence presence);
    const boost::json::array* array(std::string_view key, Presence presence);
    // Array of distinct non-empty strings.
    std::optional<std::vector<std::string>> string_list(std::string_view key, Presence presence, std::size_t min_size);

    // The raw member, for values another reader takes apart.
    const boost::json::value* value(std::string_view key, Presence presence) { return member(key, presence); }

    // Reports members nobody asked for (except x_* extension members).
    void reject_unknown();

private:
    const boost::json::value* member(std::string_view key, Presence presence);

    const boost::json::object* object_ = nullptr;
    std::string pointer_;
    FileContext& ctx_;
    std::set<std::string, std::less<>> known_;
};

}  // namespace item_bank::detail
