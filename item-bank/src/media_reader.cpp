#include "media_reader.hpp"

#include <fstream>
#include <sstream>

namespace item_bank::detail {

std::filesystem::path media_folder_of(const std::filesystem::path& items_file) {
    return items_file.parent_path() / "media";
}

std::variant<MediaFile, std::string> read_media_file(const std::filesystem::path& folder, const std::string& name) {
    const auto named = media_name_type(name);
    if (!named) return "\"" + name + "\" is not a media file name";
    const auto path = folder / name;
    std::error_code ec;
    const auto status = std::filesystem::symlink_status(path, ec);
    if (ec || !std::filesystem::exists(status)) return "the picture " + path.string() + " is not there";
    if (!std::filesystem::is_regular_file(status)) return "the picture " + path.string() + " is not a plain file";
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return "cannot read the picture " + path.string() + ": " + ec.message();
    // Checked before reading, so a huge file is never read into memory.
    if (size > max_image_bytes) {
        return "the picture " + path.string() + " is " + std::to_string(size) + " bytes, more than the 2 MB a picture may have";
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in.good() && !in.eof()) return "cannot read the picture " + path.string();
    auto bytes = std::make_shared<const std::string>(std::move(buffer).str());
    if (auto problem = image_problem(*bytes)) return "the picture " + path.string() + ": " + *problem;
    const ImageType type = *detect_image_type(*bytes);
    if (type != *named) {
        return "the picture " + path.string() + " holds " + std::string(media_type(type)) + " bytes, but its name says " +
               std::string(media_type(*named));
    }
    if (sha256_hex(*bytes) != name.substr(0, 64)) {
        return "the picture " + path.string() + " does not match its name: its SHA-256 is " + sha256_hex(*bytes) +
               " (a file changed after it was named?)";
    }
    return MediaFile{name, type, std::move(bytes)};
}

}  // namespace item_bank::detail
