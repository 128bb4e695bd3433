#pragma once
// Reading a picture an items file names from the media folder beside it, and
// checking the bytes against the name: the type its first bytes show, the
// 2 MB limit and the SHA-256 the name carries.

#include <filesystem>
#include <string>
#include <variant>

#include "item_bank/item_media.hpp"

namespace item_bank::detail {

// The folder an items file's pictures live in: "media" beside the file.
std::filesystem::path media_folder_of(const std::filesystem::path& items_file);

// The file, or what is wrong with it (for a message naming the item's place).
std::variant<MediaFile, std::string> read_media_file(const std::filesystem::path& folder, const std::string& name);

}  // namespace item_bank::detail
