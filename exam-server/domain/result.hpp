#pragma once
// What a service returns: a value, or an error that the API turns into an
// HTTP reply naming the field at fault. (std::expected arrives with C++23.)

#include <functional>
#include <string>
#include <utility>
#include <variant>

namespace exam::domain {

struct Error {
    int status = 400;     // the HTTP status the API answers with
    std::string code;     // stable, machine-readable: "invalid_field", "not_found", "conflict"...
    std::string message;  // for a person
    std::string field;    // JSON Pointer into the request body, or empty
};

inline Error invalid(std::string field, std::string message) {
    return Error{422, "invalid_field", std::move(message), std::move(field)};
}
inline Error not_found(std::string message) { return Error{404, "not_found", std::move(message), {}}; }
inline Error forbidden(std::string message) { return Error{403, "forbidden", std::move(message), {}}; }
inline Error conflict(std::string message, std::string field = {}) {
    return Error{409, "conflict", std::move(message), std::move(field)};
}

template <class T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    // By value from a temporary, so `for (auto& x : f().value())` is safe.
    T value() && { return std::get<0>(std::move(v_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

struct Done {};  // the value of a Result that carries none

template <class T>
using Completion = std::function<void(Result<T>)>;

}  // namespace exam::domain
