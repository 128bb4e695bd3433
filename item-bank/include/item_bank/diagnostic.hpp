#pragma once
// A problem found in an item-bank file, located precisely enough that an author
// can go straight to it: the file, a JSON Pointer inside it, and what was expected.

#include <string>
#include <vector>

namespace item_bank {

struct Diagnostic {
    std::string file;     // path as given to the loader
    std::string pointer;  // RFC 6901 JSON Pointer, "" for the whole document
    std::string message;  // what was expected or what is wrong

    std::string to_string() const;  // "file: /units/0/code: message"
};

using Diagnostics = std::vector<Diagnostic>;

// Appends a JSON Pointer reference token, escaping '~' and '/' as RFC 6901 requires.
std::string pointer_append(const std::string& pointer, std::string_view token);
std::string pointer_append(const std::string& pointer, std::size_t index);

}  // namespace item_bank
