#include "item_bank/item_media.hpp"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace item_bank {
namespace {

bool starts_with_bytes(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }

}  // namespace

std::optional<ImageType> detect_image_type(std::string_view bytes) {
    using namespace std::string_view_literals;
    if (starts_with_bytes(bytes, "\x89PNG\r\n\x1a\n"sv)) return ImageType::png;
    if (starts_with_bytes(bytes, "\xFF\xD8\xFF"sv)) return ImageType::jpeg;
    if (starts_with_bytes(bytes, "GIF87a"sv) || starts_with_bytes(bytes, "GIF89a"sv)) return ImageType::gif;
    return std::nullopt;
}

std::string_view media_type(ImageType type) {
    switch (type) {
        case ImageType::png: return "image/png";
        case ImageType::jpeg: return "image/jpeg";
        case ImageType::gif: return "image/gif";
    }
    return "application/octet-stream";
}

std::string_view extension(ImageType type) {
    switch (type) {
        case ImageType::png: return "png";
        case ImageType::jpeg: return "jpg";
        case ImageType::gif: return "gif";
    }
    return "bin";
}

std::optional<std::string> image_problem(std::string_view bytes) {
    if (bytes.empty()) return "the file is empty";
    if (bytes.size() > max_image_bytes) {
        return "the file is " + std::to_string(bytes.size()) + " bytes, more than the " +
               std::to_string(max_image_bytes) + " (2 MB) a picture may have";
    }
    if (!detect_image_type(bytes)) {
        if (bytes.find("<svg") != std::string_view::npos) return "SVG is not accepted (it can carry script): use PNG, JPEG or GIF";
        return "expected a PNG, JPEG or GIF file, and its bytes are none of these";
    }
    return std::nullopt;
}

std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
        throw std::runtime_error("SHA-256 failed");
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0xF];
    }
    return out;
}

std::string media_name(std::string_view bytes, ImageType type) {
    return sha256_hex(bytes) + "." + std::string(extension(type));
}

std::optional<ImageType> media_name_type(std::string_view name) {
    const auto dot = name.find('.');
    if (dot != 64) return std::nullopt;
    for (char c : name.substr(0, 64)) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
    }
    const auto ext = name.substr(65);
    for (ImageType t : {ImageType::png, ImageType::jpeg, ImageType::gif}) {
        if (ext == extension(t)) return t;
    }
    return std::nullopt;
}

}  // namespace item_bank
