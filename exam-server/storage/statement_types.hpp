#pragma once
// What both engines' statements share, so a store's SQL code is written once
// (storage/sql/) and compiled for SQLite and PostgreSQL alike.

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace exam::storage {

enum class Step { row, done };

template <class T>
concept Character = std::same_as<T, char> || std::same_as<T, wchar_t> || std::same_as<T, char8_t> ||
                    std::same_as<T, char16_t> || std::same_as<T, char32_t>;

// Integers of any width (and bool, as 0 or 1) bind and read back through int64.
template <class T>
concept BindableInteger = std::integral<T> && !Character<T>;

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

// A statement's column<T>(), the same for both engines: any BindableInteger
// (range-checked; bool must be 0 or 1), double, std::string,
// std::vector<std::byte>, or std::optional of one of them, empty for NULL.
// The statement befriends it for its throw_mismatch().
template <class T, class Statement>
T read_column(const Statement& s, int column) {
    if constexpr (is_optional<T>::value) {
        if (s.is_null(column)) return std::nullopt;
        return read_column<typename T::value_type>(s, column);
    } else if constexpr (std::same_as<T, bool>) {
        const std::int64_t value = s.column_int64(column);
        if (value != 0 && value != 1) s.throw_mismatch(column, "a boolean column holds neither 0 nor 1");
        return value == 1;
    } else if constexpr (BindableInteger<T>) {
        const std::int64_t value = s.column_int64(column);
        if (!std::in_range<T>(value)) s.throw_mismatch(column, "integer out of range for the requested type");
        return static_cast<T>(value);
    } else if constexpr (std::same_as<T, double>) {
        return s.column_double(column);
    } else if constexpr (std::same_as<T, std::string>) {
        return s.column_text(column);
    } else {
        static_assert(std::same_as<T, std::vector<std::byte>>, "no column getter for this type");
        return s.column_blob(column);
    }
}

}  // namespace exam::storage
