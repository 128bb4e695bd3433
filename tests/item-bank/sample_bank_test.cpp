// The checker of the sample item bank (issue 5): coverage of every criterion,
// no duplicate or near-duplicate stems, valid keys and option sets, and test
// specifications that the pool satisfies with room for a resit.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "bundled_bank.hpp"
#include "item_bank/form_assembly.hpp"
#include "item_bank/item_validation.hpp"

using namespace item_bank;

namespace {

const Bank& bank() { return exam_test::bundled_bank(); }

// Units whose criteria must carry items, and the minimum live items per criterion.
const std::map<std::string, int>& required_coverage() {
    static const std::map<std::string, int> units = {
        {"Y/602/1353", 3}, {"A/602/1359", 3}, {"T/602/1361", 3}, {"K/602/1597", 3}, {"M/602/1598", 3},
        {"R/506/4854", 2}, {"Y/506/4855", 2}, {"K/503/0323", 2}, {"UV20615", 2},   {"UBU52", 2},
        {"UBU53", 2},      {"UBU54", 2},      {"UBU55", 2},      {"UBU56", 2},
    };
    return units;
}

std::vector<const Item*> live_items(const std::string& unit) {
    std::vector<const Item*> out;
    for (const Item* i : bank().items_of_unit(unit)) {
        if (i->status == ItemStatus::live) out.push_back(i);
    }
    return out;
}

std::set<std::string> words(const std::string& text) {
    std::string cleaned;
    for (char c : normalise_for_comparison(text)) {
        cleaned += std::isalnum(static_cast<unsigned char>(c)) ? c : ' ';
    }
    std::istringstream in(cleaned);
    std::set<std::string> out;
    for (std::string w; in >> w;) out.insert(w);
    return out;
}

double overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::size_t shared = 0;
    for (const auto& w : a) shared += b.count(w);
    const std::size_t smaller = std::min(a.size(), b.size());
    return smaller == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(smaller);
}

}  // namespace

// Outcomes that only observation in the workplace can assess (the seed says
// so and forbids simulation): no onscreen items, so no onscreen test either.
bool observation_only(const std::string& unit, const std::string& outcome) {
    return unit == "UBU55" && outcome == "1";
}

TEST(SampleBank, EveryRequiredCriterionHasItsMinimumOfLiveItems) {
    for (const auto& [code, minimum] : required_coverage()) {
        const Unit* unit = bank().unit(code);
        ASSERT_NE(unit, nullptr) << code;
        std::map<std::string, int> per_criterion;
        for (const Item* i : live_items(code)) {
            for (const auto& c : i->criteria) ++per_criterion[c];
        }
        for (const auto& lo : unit->learning_outcomes) {
            if (observation_only(code, lo.number)) continue;
            for (const auto& ac : lo.criteria) {
                EXPECT_GE(per_criterion[ac.number], minimum) << code << " criterion " << ac.number;
            }
        }
    }
}

TEST(SampleBank, EveryRequiredUnitWhollyTestableOnscreenHasATestSpecification) {
    for (const auto& [code, minimum] : required_coverage()) {
        const Unit* unit = bank().unit(code);
        ASSERT_NE(unit, nullptr) << code;
        const bool wholly_testable =
            std::none_of(unit->learning_outcomes.begin(), unit->learning_outcomes.end(),
                         [&](const LearningOutcome& lo) { return observation_only(code, lo.number); });
        EXPECT_EQ(bank().test_specification(code) != nullptr, wholly_testable) << code;
    }
}

TEST(SampleBank, NoTwoStemsAreTheSameOrNearlySo) {
    std::vector<std::pair<const Item*, std::set<std::string>>> stems;
    std::map<std::string, std::string> exact;
    for (const auto& item : bank().items()) {
        const std::string norm = normalise_for_comparison(item.stem);
        auto [it, fresh] = exact.emplace(norm, item.id);
        EXPECT_TRUE(fresh) << item.id << " repeats the stem of " << it->second;
        stems.emplace_back(&item, words(item.stem));
    }
    for (std::size_t i = 0; i < stems.size(); ++i) {
        for (std::size_t j = i + 1; j < stems.size(); ++j) {
            if (stems[i].first->unit != stems[j].first->unit) continue;
            // Short stems share words by chance; require enough words to judge.
            if (std::min(stems[i].second.size(), stems[j].second.size()) < 6) continue;
            EXPECT_LE(overlap(stems[i].second, stems[j].second), 0.85)
                << stems[i].first->id << " and " << stems[j].first->id << " test the same point in the same words";
        }
    }
}

TEST(SampleBank, KeysAndOptionSetsAreValid) {
    for (const auto& item : bank().items()) {
        EXPECT_TRUE(validate_item(item, bank().unit(item.unit)).empty()) << item.id;
        for (const auto& o : item.options) {
            const std::string t = normalise_for_comparison(o.text);
            EXPECT_EQ(t.find("all of the above"), std::string::npos) << item.id;
            EXPECT_EQ(t.find("none of the above"), std::string::npos) << item.id;
        }
        if (item.type == ResponseType::multiple) {
            EXPECT_NE(item.stem.find("**"), std::string::npos) << item.id << ": say how many to choose, in bold";
        }
    }
}

TEST(SampleBank, EverySpecificationLeavesRoomForAResitWithNoRepeatedItem) {
    for (const auto& spec : bank().test_specifications()) {
        const Unit* unit = bank().unit(spec.unit);
        ASSERT_NE(unit, nullptr);
        const auto pool = live_items(spec.unit);
        EXPECT_TRUE(pool_shortfalls(spec, *unit, pool).empty()) << spec.unit;
        // After any fixed form, and after a drawn one, a second form without any repeat must still be possible.
        std::vector<std::set<std::string>> first_sittings;
        for (const auto& form : spec.forms) {
            std::set<std::string> ids;
            for (const auto& fi : form.items) ids.insert(fi.item_id);
            first_sittings.push_back(ids);
        }
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            auto drawn = draw_form(spec, *unit, {pool.begin(), pool.end()}, DrawRequest{"probe", seed, {}});
            ASSERT_TRUE(std::holds_alternative<Form>(drawn)) << spec.unit;
            std::set<std::string> ids;
            for (const auto& fi : std::get<Form>(drawn).items) ids.insert(fi.item_id);
            first_sittings.push_back(ids);
        }
        for (const auto& seen : first_sittings) {
            const auto reasons = pool_shortfalls(spec, *unit, pool, seen);
            EXPECT_TRUE(reasons.empty()) << spec.unit << ": " << (reasons.empty() ? "" : reasons[0]);
        }
    }
}

TEST(SampleBank, PearsonUnitsHaveTwoParallelPublishedFormsWithoutSharedItems) {
    for (const char* code : {"Y/602/1353", "A/602/1359", "T/602/1361", "K/602/1597", "M/602/1598"}) {
        const TestSpecification* spec = bank().test_specification(code);
        ASSERT_NE(spec, nullptr) << code;
        std::vector<const Form*> published;
        for (const auto& f : spec->forms) {
            if (f.status == FormStatus::published) published.push_back(&f);
        }
        ASSERT_GE(published.size(), 2u) << code;
        auto profile = [&](const Form& f) {
            std::map<std::string, int> p;
            for (const auto& fi : f.items) ++p[bank().item(fi.item_id)->primary_outcome()];
            return p;
        };
        std::set<std::string> first;
        for (const auto& fi : published[0]->items) first.insert(fi.item_id);
        for (const auto& fi : published[1]->items) EXPECT_FALSE(first.count(fi.item_id)) << code << " " << fi.item_id;
        EXPECT_EQ(profile(*published[0]), profile(*published[1])) << code << ": forms are not parallel";
    }
}

TEST(SampleBank, NoClueInKeyPositionOrLength) {
    std::map<std::string, std::map<std::string, int>> positions;  // unit -> first key id -> count
    std::map<std::string, std::pair<int, int>> longest;           // unit -> (key longest, single items)
    for (const auto& item : bank().items()) {
        if (item.type != ResponseType::single) continue;
        ++positions[item.unit][item.key.front()];
        std::size_t key_length = item.option(item.key.front())->text.size();
        bool strictly_longest = true;
        for (const auto& o : item.options) {
            if (o.id != item.key.front() && o.text.size() >= key_length) strictly_longest = false;
        }
        auto& [count, total] = longest[item.unit];
        count += strictly_longest ? 1 : 0;
        ++total;
    }
    for (const auto& [unit, counts] : positions) {
        int most = 0, total = 0;
        for (const auto& [id, n] : counts) {
            most = std::max(most, n);
            total += n;
        }
        // With four options, no one position should hold the key much more often than a quarter of the time.
        EXPECT_LE(most * 100, total * 40) << unit << ": the key sits in one position too often";
        EXPECT_LE(longest[unit].first * 100, longest[unit].second * 40) << unit << ": the key is too often the longest";
    }
}

// The demo session books unit 4 (K/602/1597), whose candidates sit one of its
// two published forms: each form shows a chart in a stem and an item whose
// options are pictures alone, so every demo candidate meets both kinds.
TEST(SampleBank, EachPublishedFormOfTheDemoUnitShowsAStemPictureAndPictureOptions) {
    const TestSpecification* spec = bank().test_specification("K/602/1597");
    ASSERT_NE(spec, nullptr);
    int published = 0;
    for (const auto& form : spec->forms) {
        if (form.status != FormStatus::published) continue;
        ++published;
        bool stem_picture = false, picture_options = false;
        for (const auto& fi : form.items) {
            const Item* item = bank().item(fi.item_id);
            ASSERT_NE(item, nullptr) << fi.item_id;
            if (item->image) stem_picture = true;
            const bool all_pictures = std::all_of(item->options.begin(), item->options.end(),
                                                  [](const ItemOption& o) { return o.image && o.text.empty(); });
            if (all_pictures) picture_options = true;
            for (const auto& name : item->media()) {
                const MediaFile* file = bank().media(name);
                ASSERT_NE(file, nullptr) << fi.item_id << " " << name;
                // Small enough for a quick first look at the item on a school's network.
                EXPECT_LE(file->bytes->size(), 60u * 1024u) << fi.item_id << " " << name;
            }
        }
        EXPECT_TRUE(stem_picture) << form.id;
        EXPECT_TRUE(picture_options) << form.id;
    }
    EXPECT_EQ(published, 2);
}
