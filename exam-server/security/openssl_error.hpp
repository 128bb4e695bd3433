#pragma once
// OpenSSL reports failures through a per-thread error queue. These helpers turn
// a failed call into an exception carrying the queue's text, so that the error
// names its cause ("unsupported: ... SCRYPT") rather than "OpenSSL failed".
//
// Thread safety: the queue is per thread, so these are safe from any thread.

#include <stdexcept>
#include <string_view>

namespace exam::security {

class OpenSslError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Throws OpenSslError("<what_failed>: <every queued error>") and leaves the
// queue empty, so that stale entries are not blamed for a later failure.
[[noreturn]] void throw_openssl_error(std::string_view what_failed);

// OpenSSL's convention: a positive result is success, 0 or negative failure.
inline void check_openssl(int result, std::string_view what_failed) {
    if (result <= 0) throw_openssl_error(what_failed);
}

// Constructors and getters return null on failure.
template <class T>
T* check_openssl(T* object, std::string_view what_failed) {
    if (object == nullptr) throw_openssl_error(what_failed);
    return object;
}

}  // namespace exam::security
