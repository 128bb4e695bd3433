#include <gtest/gtest.h>

#include <map>

#include "item_bank/form_assembly.hpp"

using namespace item_bank;

namespace {

// A unit with three outcomes and a pool of live items: `per_outcome[i]` items for outcome i + 1.
struct Fixture {
    Unit unit;
    std::vector<Item> items;
    TestSpecification spec;

    explicit Fixture(std::vector<int> per_outcome) {
        unit.code = "T/000/0001";
        for (std::size_t lo = 0; lo < per_outcome.size(); ++lo) {
            const std::string n = std::to_string(lo + 1);
            unit.learning_outcomes.push_back(LearningOutcome{n, "Outcome " + n, {{n + ".1", "criterion"}}, ""});
            for (int k = 0; k < per_outcome[lo]; ++k) {
                Item i;
                i.id = "L" + n + "-" + std::to_string(k);
                i.status = ItemStatus::live;
                i.unit = unit.code;
                i.criteria = {n + ".1"};
                i.options = {{"A", "a"}, {"B", "b"}, {"C", "c"}, {"D", "d"}};
                i.key = {"A"};
                items.push_back(i);
            }
            spec.blueprint.push_back(BlueprintEntry{n, 1, 3});
        }
        spec.unit = unit.code;
        spec.item_count = 6;
        spec.pass_mark = 4;
    }

    std::vector<const Item*> pool() const {
        std::vector<const Item*> out;
        for (const auto& i : items) out.push_back(&i);
        return out;
    }

    Form draw(std::uint64_t seed, std::set<std::string> seen = {}) const {
        auto r = draw_form(spec, unit, pool(), DrawRequest{"drawn", seed, std::move(seen)});
        if (auto* f = std::get_if<DrawFailure>(&r)) {
            ADD_FAILURE() << "draw failed: " << (f->reasons.empty() ? "" : f->reasons[0]);
            return {};
        }
        return std::get<Form>(r);
    }
};

std::map<std::string, int> per_outcome(const Form& f) {
    std::map<std::string, int> out;
    for (const auto& fi : f.items) ++out[fi.item_id.substr(1, fi.item_id.find('-') - 1)];
    return out;
}

}  // namespace

TEST(FormAssembly, DrawnFormsFollowTheBlueprint) {
    Fixture fx({5, 5, 5});
    for (std::uint64_t seed = 0; seed < 50; ++seed) {
        const Form f = fx.draw(seed);
        ASSERT_EQ(f.items.size(), 6u);
        for (const auto& [lo, n] : per_outcome(f)) {
            EXPECT_GE(n, 1) << lo;
            EXPECT_LE(n, 3) << lo;
        }
        EXPECT_EQ(per_outcome(f).size(), 3u);  // every outcome on every form
        EXPECT_TRUE(check_form(f, fx.spec, fx.unit, fx.pool()).empty());
    }
}

TEST(FormAssembly, SameSeedSameFormWhateverThePoolOrder) {
    Fixture fx({5, 5, 5});
    const Form a = fx.draw(1234);
    std::reverse(fx.items.begin(), fx.items.end());
    const Form b = fx.draw(1234);
    ASSERT_EQ(a.items.size(), b.items.size());
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        EXPECT_EQ(a.items[i].item_id, b.items[i].item_id);
        EXPECT_EQ(a.items[i].option_order, b.items[i].option_order);
    }
    EXPECT_EQ(a.seed, 1234u);
    bool some_differ = false;
    for (std::uint64_t seed = 0; seed < 10 && !some_differ; ++seed) {
        some_differ = fx.draw(seed).items[0].item_id != a.items[0].item_id;
    }
    EXPECT_TRUE(some_differ);
}

TEST(FormAssembly, OptionOrderIsRecordedAndAPermutation) {
    Fixture fx({3, 3, 3});
    const Form f = fx.draw(9);
    bool any_shuffled = false;
    for (const auto& fi : f.items) {
        auto sorted = fi.option_order;
        std::sort(sorted.begin(), sorted.end());
        EXPECT_EQ(sorted, (std::vector<std::string>{"A", "B", "C", "D"}));
        any_shuffled |= fi.option_order != sorted;
    }
    EXPECT_TRUE(any_shuffled);
}

TEST(FormAssembly, NoShufflingKeepsAuthoredAndBlueprintOrder) {
    Fixture fx({3, 3, 3});
    fx.spec.shuffle_items = false;
    fx.spec.shuffle_options = false;
    const Form f = fx.draw(9);
    std::string last_outcome;
    for (const auto& fi : f.items) {
        EXPECT_EQ(fi.option_order, (std::vector<std::string>{"A", "B", "C", "D"}));
        const std::string lo = fi.item_id.substr(1, 1);
        EXPECT_GE(lo, last_outcome);
        last_outcome = lo;
    }
}

TEST(FormAssembly, ItemsThatRefuseShufflingKeepTheirOptionOrder) {
    Fixture fx({3, 3, 3});
    for (auto& i : fx.items) i.shuffle_options = false;
    for (const auto& fi : fx.draw(3).items) {
        EXPECT_EQ(fi.option_order, (std::vector<std::string>{"A", "B", "C", "D"}));
    }
}

TEST(FormAssembly, AResitAvoidsEverySeenItemWhenThePoolAllows) {
    Fixture fx({4, 4, 4});
    for (std::uint64_t seed = 0; seed < 30; ++seed) {
        const Form first = fx.draw(seed);
        std::set<std::string> seen;
        for (const auto& fi : first.items) seen.insert(fi.item_id);
        const Form resit = fx.draw(seed + 1000, seen);
        for (const auto& fi : resit.items) EXPECT_FALSE(seen.count(fi.item_id)) << fi.item_id;
    }
}

TEST(FormAssembly, AResitRepeatsOnlyAsFewItemsAsThePoolForces) {
    // Outcome 1 has a single item: the resit must repeat it, and nothing else.
    Fixture fx({1, 5, 5});
    const Form first = fx.draw(1);
    std::set<std::string> seen;
    for (const auto& fi : first.items) seen.insert(fi.item_id);
    const Form resit = fx.draw(2, seen);
    int repeated = 0;
    for (const auto& fi : resit.items) repeated += seen.count(fi.item_id) ? 1 : 0;
    EXPECT_EQ(repeated, 1);
}

TEST(FormAssembly, RetiredAndDraftItemsAreNeverDrawn) {
    Fixture fx({3, 3, 3});
    fx.items[0].status = ItemStatus::retired;
    fx.items[1].status = ItemStatus::draft;
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        for (const auto& fi : fx.draw(seed).items) {
            EXPECT_NE(fi.item_id, fx.items[0].id);
            EXPECT_NE(fi.item_id, fx.items[1].id);
        }
    }
}

TEST(FormAssembly, AnUnfillablePoolIsExplained) {
    Fixture fx({0, 5, 5});
    auto r = draw_form(fx.spec, fx.unit, fx.pool(), DrawRequest{"x", 1, {}});
    ASSERT_TRUE(std::holds_alternative<DrawFailure>(r));
    EXPECT_EQ(std::get<DrawFailure>(r).reasons[0], "learning outcome 1 has 0 live items; the blueprint needs at least 1");
    Fixture small({1, 1, 1});
    const auto reasons = pool_shortfalls(small.spec, small.unit, small.pool());
    ASSERT_EQ(reasons.size(), 1u);
    EXPECT_NE(reasons[0].find("fill at most 3 places"), std::string::npos);
}

TEST(FormAssembly, ExcludedItemsShrinkThePool) {
    Fixture fx({2, 2, 2});
    EXPECT_TRUE(pool_shortfalls(fx.spec, fx.unit, fx.pool()).empty());
    EXPECT_FALSE(pool_shortfalls(fx.spec, fx.unit, fx.pool(), {"L1-0", "L1-1"}).empty());
}

TEST(FormAssembly, PresentingAFixedFormShufflesOrderButKeepsItsItems) {
    Fixture fx({3, 3, 3});
    Form fixed;
    fixed.id = "F1";
    fixed.unit = fx.unit.code;
    fixed.status = FormStatus::published;
    for (const char* id : {"L1-0", "L1-1", "L2-0", "L2-1", "L3-0", "L3-1"}) fixed.items.push_back({id, 1, {}});
    EXPECT_TRUE(check_form(fixed, fx.spec, fx.unit, fx.pool()).empty());
    const Form shown = present_form(fixed, fx.spec, fx.pool(), 77);
    EXPECT_EQ(shown.seed, 77u);
    std::set<std::string> a, b;
    for (const auto& fi : fixed.items) a.insert(fi.item_id);
    for (const auto& fi : shown.items) b.insert(fi.item_id);
    EXPECT_EQ(a, b);
    const Form again = present_form(fixed, fx.spec, fx.pool(), 77);
    for (std::size_t i = 0; i < shown.items.size(); ++i) {
        EXPECT_EQ(shown.items[i].item_id, again.items[i].item_id);
        EXPECT_EQ(shown.items[i].option_order, again.items[i].option_order);
    }
}

TEST(FormAssembly, CheckFormFindsEveryKindOfFault) {
    Fixture fx({3, 3, 3});
    fx.items[2].status = ItemStatus::draft;
    Form f;
    f.status = FormStatus::published;
    f.items = {{"L1-0", 1, {}}, {"L1-0", 1, {}}, {"L1-2", 1, {}}, {"NOPE", 1, {}}, {"L2-0", 2, {}}};
    const auto problems = check_form(f, fx.spec, fx.unit, fx.pool());
    auto has = [&](const std::string& ptr, const std::string& text) {
        for (const auto& p : problems) {
            if (p.pointer == ptr && p.message.find(text) != std::string::npos) return true;
        }
        return false;
    };
    EXPECT_TRUE(has("/items", "expected 6 items"));
    EXPECT_TRUE(has("/items/1/item", "twice"));
    EXPECT_TRUE(has("/items/2/item", "is draft"));
    EXPECT_TRUE(has("/items/3/item", "no item NOPE"));
    EXPECT_TRUE(has("/items/4/version", "holds version 1"));
    EXPECT_TRUE(has("/items", "learning outcome 3 has 0 items"));
}
