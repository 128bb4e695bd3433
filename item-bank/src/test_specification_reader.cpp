#include <boost/json.hpp>

#include <set>

#include "file_readers.hpp"

namespace item_bank::detail {
namespace json = boost::json;
namespace {

constexpr int max_items = 1000;

std::optional<Form> read_form(const json::value& v, const std::string& ptr, const std::string& unit, FileContext& ctx) {
    ObjectReader r(v, ptr, ctx);
    const std::size_t errors_before = ctx.error_count();
    Form form;
    form.unit = unit;
    auto id = r.token("id", is_simple_id, "a form id of 1 to 64 letters, digits, '-' or '_'", Presence::required);
    auto status = r.one_of("status", {"draft", "published"}, Presence::required);
    if (const json::array* items = r.array("items", Presence::required)) {
        for (std::size_t i = 0; i < items->size(); ++i) {
            ObjectReader ir((*items)[i], pointer_append(r.child("items"), i), ctx);
            auto item = ir.token("item", is_simple_id, "an item id", Presence::required);
            auto version = ir.integer("version", 1, 1000000, Presence::required);
            ir.reject_unknown();
            if (item && version) form.items.push_back(FormItem{*item, *version, {}});
        }
    }
    r.reject_unknown();
    if (ctx.error_count() != errors_before || !id || !status) return std::nullopt;
    form.id = *id;
    form.status = *status == "draft" ? FormStatus::draft : FormStatus::published;
    return form;
}

}  // namespace

void read_test_specification_file(const json::value& doc, FileContext& ctx, ParsedFiles& out) {
    ObjectReader r(doc, "", ctx);
    const std::size_t errors_before = ctx.error_count();
    TestSpecification spec;
    spec.source_file = ctx.file();
    r.one_of("format", {"test-specification/1"}, Presence::required);
    auto unit = r.token("unit", is_code, "a unit code", Presence::required);
    auto item_count = r.integer("item_count", 1, max_items, Presence::required);
    auto duration = r.integer("duration_minutes", 1, 600, Presence::required);
    auto pass_mark = r.integer("pass_mark", 1, max_items, Presence::required);
    std::set<std::string> outcomes;
    int sum_min = 0, sum_max = 0;
    if (const json::array* bp = r.array("blueprint", Presence::required)) {
        if (bp->empty()) ctx.error(r.child("blueprint"), "expected one entry for every learning outcome of the unit");
        for (std::size_t i = 0; i < bp->size(); ++i) {
            ObjectReader er((*bp)[i], pointer_append(r.child("blueprint"), i), ctx);
            auto lo = er.text("learning_outcome", Presence::required);
            auto min = er.integer("min_items", 1, max_items, Presence::required);
            auto max = er.integer("max_items", 1, max_items, Presence::required);
            er.reject_unknown();
            if (!lo || !min || !max) continue;
            if (*max < *min) {
                ctx.error(er.child("max_items"), "max_items (" + std::to_string(*max) + ") is less than min_items (" +
                                                     std::to_string(*min) + ")");
                continue;
            }
            if (!outcomes.insert(*lo).second) {
                ctx.error(er.child("learning_outcome"), "learning outcome " + *lo + " has two blueprint entries");
                continue;
            }
            sum_min += *min;
            sum_max += *max;
            spec.blueprint.push_back({*lo, *min, *max});
        }
    }
    spec.shuffle_items = r.boolean("shuffle_items", Presence::required).value_or(true);
    spec.shuffle_options = r.boolean("shuffle_options", Presence::required).value_or(true);
    auto release = r.one_of("release", {"immediate", "held"}, Presence::required);
    std::set<std::string> form_ids;
    if (const json::array* forms = r.array("forms", Presence::optional)) {
        for (std::size_t i = 0; i < forms->size(); ++i) {
            const std::string fptr = pointer_append("/forms", i);
            auto form = read_form((*forms)[i], fptr, unit.value_or(""), ctx);
            if (!form) continue;
            if (!form_ids.insert(form->id).second) {
                ctx.error(fptr + "/id", "form id \"" + form->id + "\" is used twice");
                continue;
            }
            spec.forms.push_back(std::move(*form));
        }
    }
    r.reject_unknown();
    if (item_count && pass_mark && *pass_mark > *item_count) {
        ctx.error("/pass_mark", "the pass mark (" + std::to_string(*pass_mark) + ") is more than the " +
                                    std::to_string(*item_count) + " marks available");
    }
    if (item_count && !spec.blueprint.empty() && sum_min > *item_count) {
        ctx.error("/blueprint", "the blueprint's minimums add up to " + std::to_string(sum_min) + ", more than the " +
                                    std::to_string(*item_count) + " items of a form");
    }
    if (item_count && !spec.blueprint.empty() && sum_max < *item_count) {
        ctx.error("/blueprint", "the blueprint's maximums add up to " + std::to_string(sum_max) + ", fewer than the " +
                                    std::to_string(*item_count) + " items of a form");
    }
    if (ctx.error_count() != errors_before || !unit || !item_count || !duration || !pass_mark || !release) return;
    spec.unit = *unit;
    spec.item_count = *item_count;
    spec.duration_minutes = *duration;
    spec.pass_mark = *pass_mark;
    spec.release = *release == "immediate" ? ReleasePolicy::immediate : ReleasePolicy::held;
    out.tests.push_back({std::move(spec), ctx.file(), ""});
}

}  // namespace item_bank::detail
