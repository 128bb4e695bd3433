// The pictures of a candidate's test (GET /api/v1/attempt/media/{name})
// against the real server and the bundled bank, whose demo unit shows a chart
// in a stem and pictures as options on each of its two published forms: the
// items name each picture and its alt text and nothing more; the candidate
// gets every picture of their own form, byte for byte, uncached; and nothing
// else, not even a picture of the unit's other form, nor before the test
// starts, nor with anyone else's token.
#include <boost/json.hpp>

#include <set>
#include <string>
#include <vector>

#include "bundled_bank.hpp"
#include "server_fixture.hpp"
#include "services/attempt_service.hpp"

namespace json = boost::json;
using exam_test::ServerFixture;

namespace {

std::set<std::string> keys_of(const json::object& o) {
    std::set<std::string> out;
    for (const auto& [k, v] : o) out.insert(std::string(k));
    return out;
}

void expect_image(const json::object& view, const std::optional<item_bank::ItemImage>& image, const std::string& where) {
    if (!image) {
        EXPECT_FALSE(view.contains("image")) << where;
        return;
    }
    ASSERT_TRUE(view.contains("image")) << where;
    const auto& shown = view.at("image").as_object();
    EXPECT_EQ(keys_of(shown), (std::set<std::string>{"media", "alt"})) << where;
    EXPECT_EQ(shown.at("media").as_string(), image->media) << where;
    EXPECT_EQ(shown.at("alt").as_string(), image->alt) << where;
}

}  // namespace

class AttemptMedia : public ServerFixture {
protected:
    // Logs the candidate in and reads their attempt as the server holds it.
    exam::domain::Attempt attempt_of(const std::string& token) {
        auto r = client().get("/api/v1/attempt", token);
        EXPECT_EQ(r.status, 200) << r.body;
        return app_->attempts().get(r.json().at("attempt").as_int64()).value();
    }

    // Every picture the items of a form show, from the bank.
    static std::set<std::string> media_of(const std::vector<std::string>& item_ids) {
        std::set<std::string> out;
        for (const auto& id : item_ids) {
            for (const auto& m : exam_test::bundled_bank().item(id)->media()) out.insert(m);
        }
        return out;
    }

    static std::set<std::string> media_of(const exam::domain::Attempt& a) {
        std::vector<std::string> ids;
        for (const auto& entry : a.form) ids.push_back(entry.item_id);
        return media_of(ids);
    }

    // The pictures of the unit's published forms other than the attempt's.
    static std::set<std::string> media_of_other_forms(const exam::domain::Attempt& a) {
        const auto* spec = exam_test::bundled_bank().test_specification(a.unit_code);
        std::vector<std::string> ids;
        for (const auto& form : spec->forms) {
            if (form.id == a.form_id || form.status != item_bank::FormStatus::published) continue;
            for (const auto& fi : form.items) ids.push_back(fi.item_id);
        }
        std::set<std::string> out;
        const auto own = media_of(a);
        for (const auto& m : media_of(ids)) {
            if (!own.count(m)) out.insert(m);
        }
        return out;
    }

    exam_test::Reply fetch(const std::string& name, const std::string& token) {
        return client().get("/api/v1/attempt/media/" + name, token);
    }
};

TEST_F(AttemptMedia, TheItemsNameEachPictureWithItsAltTextAndNothingMore) {
    const auto token = candidate_token("0001");
    const auto items = start_and_fetch(token).at("items").as_array();
    const auto attempt = attempt_of(token);
    const auto& bank = exam_test::bundled_bank();
    ASSERT_EQ(items.size(), attempt.form.size());
    int stem_pictures = 0, option_pictures = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& view = items[i].as_object();
        const auto* item = bank.item(attempt.form[i].item_id);
        const std::string where = "position " + std::to_string(i) + " (" + item->id + ")";
        std::set<std::string> expected{"position", "type", "choose", "stem", "options", "response"};
        if (item->image) expected.insert("image");
        EXPECT_EQ(keys_of(view), expected) << where;
        expect_image(view, item->image, where);
        stem_pictures += item->image ? 1 : 0;
        for (const auto& o : view.at("options").as_array()) {
            const auto& option = o.as_object();
            const auto* original = item->option(std::string(option.at("id").as_string()));
            ASSERT_NE(original, nullptr) << where;
            std::set<std::string> option_keys{"id", "text"};
            if (original->image) option_keys.insert("image");
            EXPECT_EQ(keys_of(option), option_keys) << where << " option " << original->id;
            expect_image(option, original->image, where + " option " + original->id);
            option_pictures += original->image ? 1 : 0;
        }
    }
    // Whichever form the candidate got, both kinds are on it (tests/item-bank/sample_bank_test.cpp).
    EXPECT_GE(stem_pictures, 1);
    EXPECT_GE(option_pictures, 3);
}

TEST_F(AttemptMedia, TheCandidateGetsEveryPictureOfTheirFormByteForByteAndUncached) {
    const auto token = candidate_token("0002");
    start_and_fetch(token);
    const auto names = media_of(attempt_of(token));
    ASSERT_GE(names.size(), 4u);
    for (const auto& name : names) {
        auto r = fetch(name, token);
        ASSERT_EQ(r.status, 200) << name << ": " << r.body;
        const auto* file = exam_test::bundled_bank().media(name);
        ASSERT_NE(file, nullptr) << name;
        EXPECT_EQ(r.body, *file->bytes) << name;
        EXPECT_EQ(r.headers["content-type"], "image/png") << name;
        EXPECT_EQ(r.headers["cache-control"], "no-store") << name;
        EXPECT_EQ(r.headers["x-content-type-options"], "nosniff") << name;
    }
}

TEST_F(AttemptMedia, APictureOfTheOtherFormOrOfNoItemIsNotFound) {
    const auto token = candidate_token("0001");
    start_and_fetch(token);
    const auto attempt = attempt_of(token);
    const auto others = media_of_other_forms(attempt);
    ASSERT_FALSE(others.empty()) << "the unit's other form shows pictures this one does not";
    for (const auto& name : others) {
        ASSERT_NE(exam_test::bundled_bank().media(name), nullptr) << "the bank holds " << name;
        auto r = fetch(name, token);
        EXPECT_EQ(r.status, 404) << name;
        EXPECT_EQ(r.json().at("error").at("code").as_string(), "not_found") << r.body;
        EXPECT_EQ(r.body.find("PNG"), std::string::npos) << "no bytes of the picture";
    }
    const std::vector<std::string> made_up = {std::string(64, '0') + ".png", std::string(64, 'a') + ".jpg", "chart.png",
                                              "x.svg", "..%2Fk-602-1597.json", "%2E%2E%2F%2E%2E%2Ftests%2Fk-602-1597.json"};
    for (const auto& name : made_up) {
        auto r = fetch(name, token);
        EXPECT_EQ(r.status, 404) << name;
        EXPECT_EQ(r.headers["content-type"].find("image/"), std::string::npos) << name;
    }
}

TEST_F(AttemptMedia, BeforeTheTestStartsNoPictureIsGiven) {
    const auto token = candidate_token("0003");
    const auto attempt = attempt_of(token);
    ASSERT_EQ(attempt.state, exam::domain::AttemptState::admitted);
    const auto names = media_of(attempt);
    ASSERT_FALSE(names.empty());
    for (const auto& name : names) {
        auto r = fetch(name, token);
        EXPECT_EQ(r.status, 409) << name;
        EXPECT_EQ(r.json().at("error").at("code").as_string(), "not_started") << r.body;
    }
    // Once started, the same request gets the picture.
    ASSERT_EQ(client().post("/api/v1/attempt/start", "", token).status, 200);
    EXPECT_EQ(fetch(*names.begin(), token).status, 200);
}

TEST_F(AttemptMedia, OnlyTheCandidatesOwnTokenGetsAPicture) {
    const auto token = candidate_token("0004");
    start_and_fetch(token);
    const auto name = *media_of(attempt_of(token)).begin();
    ASSERT_EQ(fetch(name, token).status, 200);
    for (const std::string staff : {"invigilator", "centre.admin", "ao.admin"}) {
        auto r = fetch(name, staff_token(staff));
        EXPECT_EQ(r.status, 403) << staff;
        EXPECT_EQ(r.body.find("PNG"), std::string::npos) << staff;
    }
    EXPECT_EQ(fetch(name, "").status, 401);
    EXPECT_EQ(fetch(name, "AAAAAAAAAAAAAAAAAAAAAA").status, 401) << "a token never issued";
}
