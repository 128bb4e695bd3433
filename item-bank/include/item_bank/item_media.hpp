#pragma once
// The pictures items show: which files are accepted (PNG, JPEG and GIF, known
// by their bytes, never by a name; never SVG, which can carry script), how
// large, and how a file is named in the bank: the SHA-256 of its bytes and the
// extension of its type, so a name can be checked against the bytes it names.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace item_bank {

enum class ImageType { png, jpeg, gif };

// 2 MB: a photograph for a test screen fits well within it; anything larger
// would slow every candidate's first look at the item.
inline constexpr std::size_t max_image_bytes = 2 * 1024 * 1024;

// The type the bytes start with, or nothing for any other content.
std::optional<ImageType> detect_image_type(std::string_view bytes);
std::string_view media_type(ImageType type);  // "image/png"
std::string_view extension(ImageType type);   // "png", "jpg", "gif"

// Why the bytes cannot be an item's picture, or nothing when they can.
std::optional<std::string> image_problem(std::string_view bytes);

// "<sha256 hex>.<extension>" for bytes image_problem accepts.
std::string media_name(std::string_view bytes, ImageType type);
// Whether `name` has that shape (64 lower-case hex digits, a known extension);
// the type the extension names.
std::optional<ImageType> media_name_type(std::string_view name);

std::string sha256_hex(std::string_view bytes);

// A media file of a loaded bank.
struct MediaFile {
    std::string name;
    ImageType type;
    std::shared_ptr<const std::string> bytes;
};

}  // namespace item_bank
