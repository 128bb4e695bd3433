#include "item_bank/form_assembly.hpp"

#include <algorithm>
#include <map>

#include "item_bank/deterministic_random.hpp"
#include "item_bank/diagnostic.hpp"

namespace item_bank {
namespace {

// Live items of the unit by learning outcome, each list in id order so that the
// result never depends on the order the pool was handed over in.
std::map<std::string, std::vector<const Item*>> live_by_outcome(const Unit& unit, const std::vector<const Item*>& pool,
                                                                const std::set<std::string>& excluded) {
    std::map<std::string, std::vector<const Item*>> out;
    for (const Item* item : pool) {
        if (item->status != ItemStatus::live || item->unit != unit.code || excluded.count(item->id)) continue;
        out[item->primary_outcome()].push_back(item);
    }
    for (auto& [lo, items] : out) {
        std::sort(items.begin(), items.end(), [](const Item* a, const Item* b) { return a->id < b->id; });
    }
    return out;
}

const Item* find_item(const std::vector<const Item*>& pool, const std::string& id) {
    for (const Item* item : pool) {
        if (item->id == id) return item;
    }
    return nullptr;
}

std::string count_text(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::vector<FormProblem> check_form(const Form& form, const TestSpecification& spec, const Unit& unit,
                                    const std::vector<const Item*>& pool) {
    std::vector<FormProblem> out;
    if (static_cast<int>(form.items.size()) != spec.item_count) {
        out.push_back({"/items", "expected " + std::to_string(spec.item_count) + " items (the specification's item_count), found " +
                                     std::to_string(form.items.size())});
    }
    std::set<std::string> seen;
    std::map<std::string, int> per_outcome;
    for (std::size_t i = 0; i < form.items.size(); ++i) {
        const auto& fi = form.items[i];
        const std::string ptr = pointer_append("/items", i);
        if (!seen.insert(fi.item_id).second) {
            out.push_back({ptr + "/item", "item " + fi.item_id + " is on the form twice"});
            continue;
        }
        const Item* item = find_item(pool, fi.item_id);
        if (item == nullptr) {
            out.push_back({ptr + "/item", "no item " + fi.item_id + " in the bank"});
            continue;
        }
        if (item->unit != unit.code) {
            out.push_back({ptr + "/item", "item " + fi.item_id + " belongs to unit " + item->unit + ", not " + unit.code});
            continue;
        }
        if (item->version != fi.version) {
            out.push_back({ptr + "/version", "the bank holds version " + std::to_string(item->version) + " of item " +
                                                 fi.item_id + ", not version " + std::to_string(fi.version)});
        }
        if (form.status == FormStatus::published && item->status != ItemStatus::live) {
            out.push_back({ptr + "/item", "a published form holds live items only; item " + fi.item_id + " is " +
                                              std::string(to_string(item->status))});
        }
        ++per_outcome[item->primary_outcome()];
    }
    for (const auto& entry : spec.blueprint) {
        const int n = per_outcome[entry.learning_outcome];
        if (n < entry.min_items || n > entry.max_items) {
            out.push_back({"/items", "learning outcome " + entry.learning_outcome + " has " + count_text(n, "item", "items") +
                                         " on the form; the blueprint asks for " + std::to_string(entry.min_items) +
                                         " to " + std::to_string(entry.max_items)});
        }
    }
    return out;
}

std::vector<std::string> pool_shortfalls(const TestSpecification& spec, const Unit& unit,
                                         const std::vector<const Item*>& pool, const std::set<std::string>& excluded) {
    std::vector<std::string> out;
    const auto by_outcome = live_by_outcome(unit, pool, excluded);
    int fillable = 0;
    for (const auto& entry : spec.blueprint) {
        auto it = by_outcome.find(entry.learning_outcome);
        const int live = it == by_outcome.end() ? 0 : static_cast<int>(it->second.size());
        if (live < entry.min_items) {
            out.push_back("learning outcome " + entry.learning_outcome + " has " + count_text(live, "live item", "live items") +
                          "; the blueprint needs at least " + std::to_string(entry.min_items));
        }
        fillable += std::min(live, entry.max_items);
    }
    if (out.empty() && fillable < spec.item_count) {
        out.push_back("the live items fill at most " + std::to_string(fillable) + " places within the blueprint's maximums; " +
                      std::to_string(spec.item_count) + " are needed");
    }
    return out;
}

std::variant<Form, DrawFailure> draw_form(const TestSpecification& spec, const Unit& unit,
                                          const std::vector<const Item*>& pool, const DrawRequest& request) {
    if (auto reasons = pool_shortfalls(spec, unit, pool); !reasons.empty()) return DrawFailure{std::move(reasons)};

    DeterministicRandom random(request.seed);
    auto by_outcome = live_by_outcome(unit, pool, {});
    std::vector<const Item*> chosen;
    std::map<std::string, int> taken;
    std::vector<std::pair<std::string, const Item*>> spare_unseen, spare_seen;

    for (const auto& entry : spec.blueprint) {
        auto& items = by_outcome[entry.learning_outcome];
        random.shuffle(items);
        // Unseen first, in drawn order: a resit repeats an item only where the
        // pool has too few unseen ones for this outcome's minimum.
        std::stable_partition(items.begin(), items.end(),
                              [&](const Item* it) { return !request.seen_items.count(it->id); });
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (static_cast<int>(i) < entry.min_items) {
                chosen.push_back(items[i]);
                ++taken[entry.learning_outcome];
            } else {
                (request.seen_items.count(items[i]->id) ? spare_seen : spare_unseen)
                    .emplace_back(entry.learning_outcome, items[i]);
            }
        }
    }
    for (auto* spare : {&spare_unseen, &spare_seen}) {
        random.shuffle(*spare);
        for (const auto& [lo, item] : *spare) {
            if (static_cast<int>(chosen.size()) >= spec.item_count) break;
            if (taken[lo] >= spec.entry(lo)->max_items) continue;
            chosen.push_back(item);
            ++taken[lo];
        }
    }
    // pool_shortfalls has already shown the pool suffices, so this cannot fall short.
    Form form;
    form.id = request.form_id;
    form.unit = unit.code;
    form.status = FormStatus::published;
    for (const Item* item : chosen) form.items.push_back(FormItem{item->id, item->version, {}});
    if (!spec.shuffle_items) {
        // Blueprint order, then id: a stable, readable order for unshuffled tests.
        std::map<std::string, std::size_t> rank;
        for (std::size_t i = 0; i < spec.blueprint.size(); ++i) rank[spec.blueprint[i].learning_outcome] = i;
        std::stable_sort(form.items.begin(), form.items.end(), [&](const FormItem& a, const FormItem& b) {
            const Item* ia = find_item(pool, a.item_id);
            const Item* ib = find_item(pool, b.item_id);
            const auto ra = rank[ia->primary_outcome()], rb = rank[ib->primary_outcome()];
            return ra != rb ? ra < rb : a.item_id < b.item_id;
        });
    }
    Form presented = present_form(form, spec, pool, random.next());
    presented.seed = request.seed;  // the draw is reproduced from the request's seed
    return presented;
}

Form present_form(const Form& form, const TestSpecification& spec, const std::vector<const Item*>& pool,
                  std::uint64_t seed) {
    DeterministicRandom random(seed);
    Form out = form;
    out.seed = seed;
    if (spec.shuffle_items) random.shuffle(out.items);
    for (auto& fi : out.items) {
        const Item* item = find_item(pool, fi.item_id);
        fi.option_order.clear();
        if (item == nullptr) continue;
        for (const auto& o : item->options) fi.option_order.push_back(o.id);
        if (spec.shuffle_options && item->shuffle_options) random.shuffle(fi.option_order);
    }
    return out;
}

}  // namespace item_bank
