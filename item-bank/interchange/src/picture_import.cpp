#include "picture_import.hpp"

#include "item_bank/item_media.hpp"

namespace item_interchange::detail {

std::optional<item_bank::ItemImage> keep_picture_bytes(std::string bytes, std::string alt, const PictureContext& context,
                                                       std::vector<std::string>& warnings, const std::string& what) {
    if (auto problem = item_bank::image_problem(bytes)) {
        warnings.push_back(what + " was not kept: " + *problem);
        return std::nullopt;
    }
    const auto name = item_bank::media_name(bytes, *item_bank::detect_image_type(bytes));
    context.media->try_emplace(name, std::move(bytes));
    return item_bank::ItemImage{name, std::move(alt)};
}

void keep_picture(const std::vector<HtmlPicture>& pictures, const PictureContext& context,
                  std::optional<item_bank::ItemImage>& target, std::vector<std::string>& warnings, const std::string& where) {
    for (std::size_t i = 0; i < pictures.size(); ++i) {
        const auto& p = pictures[i];
        const std::string what = "the picture \"" + p.src + "\" in " + where;
        if (i > 0) {
            warnings.push_back(what + " was not kept: only the first picture of a stem or an option is, shown after its text");
            continue;
        }
        if (!context.fetch) {
            warnings.push_back(what + " was not kept: " + context.no_fetch_reason);
            continue;
        }
        std::string why;
        auto bytes = context.fetch(p.src, why);
        if (!bytes) {
            warnings.push_back(what + " was not kept: " + why);
            continue;
        }
        target = keep_picture_bytes(std::move(*bytes), p.alt, context, warnings, what);
    }
}

void drop_pictures(const std::vector<HtmlPicture>& pictures, std::vector<std::string>& warnings, const std::string& where) {
    for (const auto& p : pictures) {
        warnings.push_back("the picture \"" + p.src + "\" in " + where +
                           " was not kept: pictures are kept in stems and options only");
    }
}

}  // namespace item_interchange::detail
