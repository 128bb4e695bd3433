#pragma once
// Writing a file exam-admin produces (imported items, an export) so that a
// failed write never leaves half a file behind.

#include <filesystem>
#include <string>

namespace exam_admin {

// Writes through a temporary file renamed into place. Returns an error message, or "".
std::string write_file_atomically(const std::filesystem::path& path, const std::string& content);

}  // namespace exam_admin
