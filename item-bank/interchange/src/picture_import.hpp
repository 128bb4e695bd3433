#pragma once
// Pictures found in imported text become the item's media: the first picture
// of a stem or an option is fetched from wherever its source keeps it (a
// package entry, a Moodle file), checked like any bank picture (PNG, JPEG or
// GIF by its bytes, at most 2 MB) and named by its hash; what cannot be kept
// is a warning naming the picture and why, never a failed import.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "item_bank/item.hpp"
#include "item_interchange/html_to_safe_text.hpp"
#include "item_interchange/import_report.hpp"

namespace item_interchange::detail {

// The bytes `src` names, or nothing with `why` saying why not.
using PictureFetch = std::function<std::optional<std::string>(std::string_view src, std::string& why)>;

// Where an imported item's pictures go, and how they are found.
struct PictureContext {
    PictureFetch fetch;                         // empty: the source cannot carry pictures (`no_fetch_reason`)
    std::string no_fetch_reason;
    std::map<std::string, std::string>* media;  // the report's media, by name
};

// Keeps the first of `pictures` as `target`; `where` names the text ("the stem", "option B").
void keep_picture(const std::vector<HtmlPicture>& pictures, const PictureContext& context,
                  std::optional<item_bank::ItemImage>& target, std::vector<std::string>& warnings, const std::string& where);

// Feedback and rationales hold no pictures: each is a warning.
void drop_pictures(const std::vector<HtmlPicture>& pictures, std::vector<std::string>& warnings, const std::string& where);

// Bytes already in hand (Moodle's legacy image_base64) kept as a picture.
std::optional<item_bank::ItemImage> keep_picture_bytes(std::string bytes, std::string alt, const PictureContext& context,
                                                       std::vector<std::string>& warnings, const std::string& what);

}  // namespace item_interchange::detail
