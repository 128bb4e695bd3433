#include <boost/json.hpp>

#include "file_readers.hpp"
#include "item_bank/item_media.hpp"

namespace item_bank::detail {
namespace json = boost::json;
namespace {

bool is_item_id(std::string_view s) { return is_simple_id(s); }

bool is_media_name(std::string_view s) { return media_name_type(s).has_value(); }

// {"media": "<sha256>.png", "alt": "..."}; alt may wait (a draft's rule
// "image-alt"), the file name may not.
std::optional<ItemImage> read_image(ObjectReader& parent, FileContext& ctx) {
    const boost::json::value* v = parent.value("image", Presence::optional);
    if (v == nullptr) return std::nullopt;
    ObjectReader r(*v, parent.child("image"), ctx);
    auto media = r.token("media", is_media_name,
                         "a media file name: the SHA-256 of its bytes in 64 lower-case hex digits, then .png, .jpg or .gif",
                         Presence::required);
    auto alt = r.text("alt", Presence::optional);
    r.reject_unknown();
    if (!media) return std::nullopt;
    return ItemImage{*media, alt.value_or("")};
}

std::optional<Item> read_item(const json::value& v, const std::string& ptr, const std::string& unit, FileContext& ctx) {
    ObjectReader r(v, ptr, ctx);
    const std::size_t errors_before = ctx.error_count();
    Item item;
    item.unit = unit;
    item.source_file = ctx.file();
    auto id = r.token("id", is_item_id, "an item id of 1 to 64 letters, digits, '-' or '_'", Presence::required);
    auto version = r.integer("version", 1, 1000000, Presence::required);
    auto status = r.one_of("status", {"draft", "reviewed", "live", "retired"}, Presence::required);
    auto type = r.one_of("type", {"single", "multiple"}, Presence::required);
    // An empty list is read: validate_item reports it as the live-item rule
    // "mapped", so an imported draft can wait for its mapping.
    auto criteria = r.string_list("criteria", Presence::required, 0);
    auto stem = r.text("stem", Presence::required);
    item.image = read_image(r, ctx);
    if (const json::array* options = r.array("options", Presence::required)) {
        for (std::size_t i = 0; i < options->size(); ++i) {
            ObjectReader o((*options)[i], pointer_append(r.child("options"), i), ctx);
            auto oid = o.text("id", Presence::required);
            // A picture may be the whole option; validate_item wants one of the two.
            auto text = o.text("text", Presence::optional);
            auto weight = o.number("weight", -1.0, 1.0, "a weight from -1 to 1 (a share of the item's mark)",
                                   Presence::optional);
            auto feedback = o.text("feedback", Presence::optional);
            auto image = read_image(o, ctx);
            o.reject_unknown();
            if (oid) item.options.push_back({*oid, text.value_or(""), weight, feedback.value_or(""), image});
        }
    }
    // Duplicates in the key are for validate_item to name, so read it as a plain list.
    if (const json::array* key = r.array("key", Presence::required)) {
        for (std::size_t i = 0; i < key->size(); ++i) {
            if (const json::string* k = (*key)[i].if_string()) {
                item.key.emplace_back(*k);
            } else {
                ctx.error(pointer_append(r.child("key"), i), "expected an option id, found " + std::string(kind_name((*key)[i])));
            }
        }
    }
    auto choose = r.integer("choose", 1, 26, Presence::optional);
    if (auto rationale = r.text("rationale", Presence::optional)) item.rationale = *rationale;
    item.shuffle_options = r.boolean("shuffle_options", Presence::optional).value_or(true);
    if (auto feedback = r.text("feedback", Presence::optional)) item.feedback = *feedback;
    if (r.value("source", Presence::optional) != nullptr) {
        ObjectReader s(*r.value("source", Presence::optional), r.child("source"), ctx);
        auto format = s.one_of("format", {"gift", "moodle-xml", "qti21", "qti22", "qti30"}, Presence::required);
        auto identifier = s.text("id", Presence::required);
        auto file = s.text("file", Presence::optional);
        s.reject_unknown();
        if (format && identifier) item.source = ItemSource{*format, *identifier, file.value_or("")};
    }
    r.reject_unknown();

    if (!id || !version || !status || !type || !criteria || !stem) return std::nullopt;
    item.id = *id;
    item.version = *version;
    item.status = *status == "draft"      ? ItemStatus::draft
                  : *status == "reviewed" ? ItemStatus::reviewed
                  : *status == "live"     ? ItemStatus::live
                                          : ItemStatus::retired;
    item.type = *type == "single" ? ResponseType::single : ResponseType::multiple;
    item.criteria = std::move(*criteria);
    item.stem = *stem;
    if (item.type == ResponseType::multiple) {
        if (!choose) {
            if (ctx.error_count() == errors_before) {
                ctx.error(ptr, "missing required member \"choose\": a multiple-response item says how many to choose");
            }
            return std::nullopt;
        }
        item.choose = *choose;
    } else {
        if (choose && *choose != 1) ctx.error(r.child("choose"), "a single-response item has choose 1 (or none)");
        item.choose = 1;
    }
    if (ctx.error_count() != errors_before) return std::nullopt;
    return item;
}

}  // namespace

void read_items_file(const json::value& doc, FileContext& ctx, ParsedFiles& out) {
    ObjectReader r(doc, "", ctx);
    r.one_of("format", {"items/1"}, Presence::required);
    auto unit = r.token("unit", is_code, "a unit code", Presence::required);
    if (const json::array* items = r.array("items", Presence::required)) {
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string ptr = pointer_append("/items", i);
            if (auto item = read_item((*items)[i], ptr, unit.value_or(""), ctx)) {
                out.items.push_back({std::move(*item), ctx.file(), ptr});
            }
        }
    }
    r.reject_unknown();
}

}  // namespace item_bank::detail
