#pragma once
// Replacing a file so that readers, and the disk after a crash, see the old
// content or the new one, never a part: write a temporary file beside the
// target, flush it, rename it over the target, flush the directory.
//
// Thread safety: safe from any thread. Two writers of one path leave one of
// the two contents, whole.

#include <sys/types.h>

#include <filesystem>
#include <string_view>

namespace exam::security {

// The file gets exactly `mode` (the umask does not apply), and never has wider
// permissions in between: a private key is not readable by others even for a
// moment. Throws std::system_error; the target is then unchanged.
void write_file_atomically(const std::filesystem::path& target, std::string_view content, ::mode_t mode);

}  // namespace exam::security
