#include "security/openssl_error.hpp"

#include <openssl/err.h>

#include <string>

namespace exam::security {

void throw_openssl_error(std::string_view what_failed) {
    std::string message(what_failed);
    const char* separator = ": ";
    bool any = false;
    // The first entry is the root cause; later ones add the context of the
    // calls it passed through.
    while (const unsigned long code = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        message += separator;
        message += text;
        separator = "; ";
        any = true;
    }
    if (!any) message += ": OpenSSL gave no reason";
    throw OpenSslError(message);
}

}  // namespace exam::security
