#include "item_bank/rules_evaluator.hpp"

#include <algorithm>
#include <map>

namespace item_bank {
namespace {

// Achieved units of the qualification that can be chosen to count, grouped into
// classes of interchangeable units (same group, credit and level, not mandatory,
// not in a barred combination): the search then picks how many of each class
// count instead of which, which keeps large optional groups cheap.
struct UnitClass {
    std::size_t group = 0;
    int credit = 0;
    int level = 0;
    std::vector<std::string> members;  // in qualification order
    std::vector<std::size_t> barred;   // indexes of barred combinations (singleton classes only)
};

struct Tally {
    std::vector<int> group_units, group_credits, level_credits, barred_counts;
    int credits = 0;
    int units = 0;
};

struct Score {
    int deficit = 0;
    int credits = 0;
    int units = 0;
    // Lower deficit first, then more credit, then more units.
    bool better_than(const Score& o) const {
        if (deficit != o.deficit) return deficit < o.deficit;
        if (credits != o.credits) return credits > o.credits;
        return units > o.units;
    }
};

class CombinationSearch {
public:
    CombinationSearch(const Qualification& q, const UnitLookup& lookup, const std::set<std::string>& achieved)
        : q_(q), rules_(q.rules) {
        for (std::size_t g = 0; g < rules_.groups.size(); ++g) {
            const auto& group = rules_.groups[g];
            std::map<std::pair<int, int>, std::size_t> shared;  // (credit, level) -> class
            for (const auto& code : group.units) {
                const Unit* unit = lookup(code);
                if (unit == nullptr || !achieved.count(code)) continue;
                UnitClass proto{g, unit->credit_or_zero(), unit->level, {code}, barred_indexes(code)};
                if (group.mandatory || !proto.barred.empty()) {
                    classes_.push_back(std::move(proto));
                    continue;
                }
                auto key = std::make_pair(proto.credit, proto.level);
                auto it = shared.find(key);
                if (it == shared.end()) {
                    shared.emplace(key, classes_.size());
                    classes_.push_back(std::move(proto));
                } else {
                    classes_[it->second].members.push_back(code);
                }
            }
        }
        // Mandatory classes first, then larger credit first: good combinations are
        // found early, so the bound prunes more.
        std::stable_sort(classes_.begin(), classes_.end(), [&](const UnitClass& a, const UnitClass& b) {
            const bool am = rules_.groups[a.group].mandatory, bm = rules_.groups[b.group].mandatory;
            if (am != bm) return am;
            return a.credit > b.credit;
        });
        // suffix sums for the optimistic bound
        remaining_.assign(classes_.size() + 1, Tally{});
        remaining_.back() = empty_tally();
        for (std::size_t i = classes_.size(); i-- > 0;) {
            remaining_[i] = remaining_[i + 1];
            add(remaining_[i], classes_[i], static_cast<int>(classes_[i].members.size()));
        }
        chosen_.assign(classes_.size(), 0);
    }

    void run() {
        Tally t = empty_tally();
        best_score_ = score(t);  // counting nothing is always allowed
        best_ = chosen_;
        search(0, t);
    }

    RulesOutcome outcome(const std::set<std::string>& achieved, const UnitLookup& lookup) const {
        RulesOutcome out;
        std::set<std::string> counted;
        for (std::size_t i = 0; i < classes_.size(); ++i) {
            for (int k = 0; k < best_[i]; ++k) counted.insert(classes_[i].members[static_cast<std::size_t>(k)]);
        }
        Tally t = empty_tally();
        for (std::size_t i = 0; i < classes_.size(); ++i) add(t, classes_[i], best_[i]);

        for (const auto& g : rules_.groups) {
            GroupProgress p{g.id, g.title, 0, 0};
            for (const auto& code : g.units) {
                const Unit* unit = lookup(code);
                if (counted.count(code)) {
                    out.counted_units.push_back(code);
                    p.credits += unit->credit_or_zero();
                    ++p.units;
                } else if (achieved.count(code) && unit != nullptr) {
                    out.uncounted_units.push_back(code);
                }
            }
            out.groups.push_back(p);
        }
        for (const auto& code : achieved) {
            if (!q_.contains(code) || lookup(code) == nullptr) out.foreign_units.push_back(code);
        }
        out.credits = t.credits;
        out.missing = explain(t, counted, lookup);
        out.achieved = out.missing.empty();
        return out;
    }

private:
    std::vector<std::size_t> barred_indexes(const std::string& code) const {
        std::vector<std::size_t> out;
        for (std::size_t b = 0; b < rules_.barred_combinations.size(); ++b) {
            const auto& units = rules_.barred_combinations[b].units;
            if (std::find(units.begin(), units.end(), code) != units.end()) out.push_back(b);
        }
        return out;
    }

    Tally empty_tally() const {
        Tally t;
        t.group_units.assign(rules_.groups.size(), 0);
        t.group_credits.assign(rules_.groups.size(), 0);
        t.level_credits.assign(rules_.level_rules.size(), 0);
        t.barred_counts.assign(rules_.barred_combinations.size(), 0);
        return t;
    }

    bool level_rule_applies(const LevelRule& r, const UnitClass& c) const {
        if (c.level < r.min_level) return false;
        if (r.groups.empty()) return true;
        const auto& gid = rules_.groups[c.group].id;
        return std::find(r.groups.begin(), r.groups.end(), gid) != r.groups.end();
    }

    void add(Tally& t, const UnitClass& c, int k) const {
        if (k == 0) return;
        t.group_units[c.group] += k;
        t.group_credits[c.group] += k * c.credit;
        for (std::size_t r = 0; r < rules_.level_rules.size(); ++r) {
            if (level_rule_applies(rules_.level_rules[r], c)) t.level_credits[r] += k * c.credit;
        }
        for (auto b : c.barred) t.barred_counts[b] += k;
        t.credits += k * c.credit;
        t.units += k;
    }

    // Largest number of a class's units that can count on top of `t` without
    // passing a group's maximum or counting two barred units together.
    int most_that_fit(const Tally& t, const UnitClass& c) const {
        const auto& g = rules_.groups[c.group];
        int k = static_cast<int>(c.members.size());
        if (g.max_units) k = std::min(k, *g.max_units - t.group_units[c.group]);
        if (g.max_credits && c.credit > 0) k = std::min(k, (*g.max_credits - t.group_credits[c.group]) / c.credit);
        for (auto b : c.barred) k = std::min(k, 1 - t.barred_counts[b]);
        return std::max(k, 0);
    }

    static int shortfall(std::optional<int> need, int have) { return need ? std::max(0, *need - have) : 0; }

    int deficit(const Tally& t) const {
        int d = shortfall(rules_.min_credits, t.credits);
        for (std::size_t g = 0; g < rules_.groups.size(); ++g) {
            const auto& group = rules_.groups[g];
            if (group.mandatory) d += static_cast<int>(group.units.size()) - t.group_units[g];
            d += shortfall(group.min_units, t.group_units[g]);
            d += shortfall(group.min_credits, t.group_credits[g]);
        }
        for (std::size_t r = 0; r < rules_.level_rules.size(); ++r) {
            d += shortfall(rules_.level_rules[r].min_credits, t.level_credits[r]);
        }
        return d;
    }

    Score score(const Tally& t) const { return {deficit(t), t.credits, t.units}; }

    static Tally merged(const Tally& a, const Tally& b) {
        Tally m = a;
        for (std::size_t i = 0; i < m.group_units.size(); ++i) m.group_units[i] += b.group_units[i];
        for (std::size_t i = 0; i < m.group_credits.size(); ++i) m.group_credits[i] += b.group_credits[i];
        for (std::size_t i = 0; i < m.level_credits.size(); ++i) m.level_credits[i] += b.level_credits[i];
        m.credits += b.credits;
        m.units += b.units;
        return m;
    }

    void search(std::size_t i, Tally& t) {
        const Score here = score(t);
        if (here.better_than(best_score_)) {
            best_score_ = here;
            best_ = chosen_;
        }
        if (i == classes_.size()) return;
        // Counting more units never raises a deficit, so counting everything left
        // (ignoring the maximums) bounds what this branch can reach.
        const Score bound = score(merged(t, remaining_[i]));
        if (!bound.better_than(best_score_)) return;

        const UnitClass& c = classes_[i];
        for (int k = most_that_fit(t, c); k >= 0; --k) {
            Tally next = t;
            add(next, c, k);
            chosen_[i] = k;
            search(i + 1, next);
            chosen_[i] = 0;
        }
    }

    std::vector<std::string> explain(const Tally& t, const std::set<std::string>& counted,
                                     const UnitLookup& lookup) const {
        std::vector<std::string> out;
        auto credits_word = [](int n) { return n == 1 ? std::string("credit") : std::string("credits"); };
        auto units_word = [](int n) { return n == 1 ? std::string("unit") : std::string("units"); };
        for (std::size_t g = 0; g < rules_.groups.size(); ++g) {
            const auto& group = rules_.groups[g];
            if (!group.mandatory) continue;
            for (const auto& code : group.units) {
                if (counted.count(code)) continue;
                const Unit* unit = lookup(code);
                const std::string name = unit ? code + " " + unit->title : code;
                out.push_back("needs mandatory unit " + name);
            }
        }
        for (std::size_t g = 0; g < rules_.groups.size(); ++g) {
            const auto& group = rules_.groups[g];
            if (int n = shortfall(group.min_units, t.group_units[g]); n > 0) {
                out.push_back("needs " + std::to_string(n) + " more " + units_word(n) + " from " + group.title + " (has " +
                              std::to_string(t.group_units[g]) + " of " + std::to_string(*group.min_units) + ")");
            }
            if (int n = shortfall(group.min_credits, t.group_credits[g]); n > 0) {
                out.push_back("needs " + std::to_string(n) + " more " + credits_word(n) + " from " + group.title +
                              " (has " + std::to_string(t.group_credits[g]) + " of " +
                              std::to_string(*group.min_credits) + ")");
            }
        }
        for (std::size_t r = 0; r < rules_.level_rules.size(); ++r) {
            const auto& rule = rules_.level_rules[r];
            if (int n = shortfall(rule.min_credits, t.level_credits[r]); n > 0) {
                std::string s = "needs " + std::to_string(n) + " more " + credits_word(n) + " at " +
                                level_name(rule.min_level) + " or above";
                if (!rule.groups.empty()) {
                    s += " from ";
                    for (std::size_t i = 0; i < rule.groups.size(); ++i) {
                        if (i > 0) s += i + 1 == rule.groups.size() ? " and " : ", ";
                        const auto grp = std::find_if(rules_.groups.begin(), rules_.groups.end(),
                                                       [&](const UnitGroup& x) { return x.id == rule.groups[i]; });
                        s += grp != rules_.groups.end() ? grp->title : rule.groups[i];
                    }
                }
                s += " (has " + std::to_string(t.level_credits[r]) + " of " + std::to_string(rule.min_credits) + ")";
                out.push_back(std::move(s));
            }
        }
        if (int n = shortfall(rules_.min_credits, t.credits); n > 0) {
            out.push_back("needs " + std::to_string(n) + " more " + credits_word(n) + " in total (has " +
                          std::to_string(t.credits) + " of " + std::to_string(*rules_.min_credits) + ")");
        }
        return out;
    }

    const Qualification& q_;
    const RulesOfCombination& rules_;
    std::vector<UnitClass> classes_;
    std::vector<Tally> remaining_;
    std::vector<int> chosen_, best_;
    Score best_score_;
};

}  // namespace

RulesOutcome evaluate_rules(const Qualification& qualification, const UnitLookup& lookup,
                            const std::set<std::string>& achieved_units) {
    CombinationSearch search(qualification, lookup, achieved_units);
    search.run();
    return search.outcome(achieved_units, lookup);
}

}  // namespace item_bank
