#include "api/json_views.hpp"

#include <boost/json.hpp>

#include "domain/clock.hpp"
#include "domain/score.hpp"
#include "item_bank/safe_text.hpp"

namespace exam::api {
namespace json = boost::json;

json::value centre_json(const domain::Centre& c) {
    return json::object{{"id", c.id}, {"number", c.number}, {"name", c.name}};
}

json::value staff_json(const domain::StaffUser& u) {
    json::object o{{"id", u.id},
                   {"username", u.username},
                   {"display_name", u.display_name},
                   {"role", domain::to_string(u.role)},
                   {"active", u.active}};
    o["centre"] = u.centre_id ? json::value(*u.centre_id) : json::value(nullptr);
    return o;
}

json::value candidate_json(const domain::Candidate& c) {
    return json::object{{"id", c.id},
                        {"centre", c.centre_id},
                        {"candidate_number", c.candidate_number},
                        {"given_name", c.given_name},
                        {"family_name", c.family_name},
                        {"date_of_birth", c.date_of_birth},
                        {"uln", c.uln},
                        {"extra_time_percent", c.extra_time_percent}};
}

json::value session_json(const domain::TestSession& s) {
    json::array invigilators;
    for (auto id : s.invigilators) invigilators.push_back(id);
    return json::object{{"id", s.id},
                        {"centre", s.centre_id},
                        {"unit", s.unit_code},
                        {"starts_at", domain::format_utc(s.starts_at)},
                        {"ends_at", domain::format_utc(s.ends_at)},
                        {"room", s.room},
                        {"status", domain::to_string(s.status)},
                        {"invigilators", std::move(invigilators)}};
}

json::value booking_json(const domain::Booking& b) {
    json::object o{{"id", b.id}, {"session", b.session_id}, {"candidate", b.candidate_id}, {"keycode", b.keycode}};
    o["admitted_at"] = b.admitted_at ? json::value(domain::format_utc(*b.admitted_at)) : json::value(nullptr);
    return o;
}

json::value score_json(double score) {
    if (auto whole = domain::whole_score(score)) return *whole;
    return domain::two_decimals(score);
}

json::value result_json(const domain::AttemptResult& r) {
    json::array outcomes;
    for (const auto& o : r.by_outcome) {
        outcomes.push_back(json::object{{"learning_outcome", o.learning_outcome}, {"marks", score_json(o.marks)}, {"available", o.available}});
    }
    return json::object{{"raw_score", score_json(r.raw_score)},   {"available", r.available}, {"percentage", r.percentage},
                        {"pass_mark", r.pass_mark},   {"passed", r.passed},       {"by_learning_outcome", std::move(outcomes)},
                        {"released", r.released}};
}

json::value snapshot_json(const services::AttemptSnapshot& s) {
    json::object o{{"attempt", s.attempt_id},
                   {"state", domain::to_string(s.state)},
                   {"allowed_seconds", s.allowed_ms / 1000},
                   {"remaining_seconds", (s.remaining_ms + 999) / 1000},
                   {"items", s.item_count},
                   {"answered", s.answered},
                   {"flagged", s.flagged}};
    if (s.submitted_by) o["submitted_by"] = domain::to_string(*s.submitted_by);
    return o;
}

json::value attempt_staff_json(const domain::Attempt& a, const services::AttemptSnapshot& snap) {
    json::object o = snapshot_json(snap).as_object();
    o["session"] = a.session_id;
    o["candidate"] = a.candidate_id;
    o["unit"] = a.unit_code;
    o["form"] = a.form_id;
    if (a.result) o["result"] = result_json(*a.result);
    return o;
}

json::value safe_text_json(const std::string& source) {
    json::array paragraphs;
    auto parsed = item_bank::parse_safe_text(source);
    if (auto* text = std::get_if<item_bank::SafeText>(&parsed)) {
        for (const auto& p : text->paragraphs) {
            json::array runs;
            for (const auto& r : p.runs) {
                json::object run{{"text", r.text}};
                if (r.strong) run["strong"] = true;
                if (r.emphasis) run["emphasis"] = true;
                if (r.line_break_before) run["break"] = true;
                runs.push_back(std::move(run));
            }
            paragraphs.push_back(std::move(runs));
        }
    } else {
        // Bank texts are validated at load, so this is unreachable; still never send raw markup.
        paragraphs.push_back(json::array{json::object{{"text", source}}});
    }
    return paragraphs;
}

namespace {

// The player fetches the file itself (GET /api/v1/attempt/media/{media}).
json::value image_json(const std::optional<item_bank::ItemImage>& image) {
    if (!image) return nullptr;
    return json::object{{"media", image->media}, {"alt", image->alt}};
}

}  // namespace

bool form_shows_media(const domain::Attempt& a, const item_bank::Bank& bank, std::string_view name) {
    for (const auto& entry : a.form) {
        const item_bank::Item* item = bank.item(entry.item_id);
        if (item == nullptr) continue;
        for (const auto& m : item->media()) {
            if (m == name) return true;
        }
    }
    return false;
}

json::value candidate_items_json(const domain::Attempt& a, const item_bank::Bank& bank) {
    json::array items;
    for (std::size_t i = 0; i < a.form.size(); ++i) {
        const auto& entry = a.form[i];
        const item_bank::Item* item = bank.item(entry.item_id);
        if (item == nullptr) continue;
        json::array options;
        for (const auto& id : entry.option_order) {
            const auto* o = item->option(id);
            if (o == nullptr) continue;
            json::object option{{"id", o->id}, {"text", safe_text_json(o->text)}};
            if (o->image) option["image"] = image_json(o->image);
            options.push_back(std::move(option));
        }
        json::array selected;
        const auto& response = a.responses.at(i);
        for (const auto& s : response.selected) selected.push_back(json::value(s));
        json::object view{
            {"position", i},
            {"type", item_bank::to_string(item->type)},
            {"choose", item->choose},
            {"stem", safe_text_json(item->stem)},
            {"options", std::move(options)},
            {"response", json::object{{"selected", std::move(selected)},
                                      {"flagged", response.flagged},
                                      {"sequence", response.sequence}}},
        };
        if (item->image) view["image"] = image_json(item->image);
        items.push_back(std::move(view));
    }
    return json::object{{"attempt", a.id}, {"items", std::move(items)}};
}

}  // namespace exam::api
