#pragma once
// Building the form a candidate sits: checking fixed forms against the
// blueprint, drawing per-candidate forms within it, and fixing the order in
// which items and options are presented so the attempt can be reproduced.

#include <cstdint>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "item_bank/item.hpp"
#include "item_bank/qualification.hpp"
#include "item_bank/test_specification.hpp"

namespace item_bank {

struct FormProblem {
    std::string pointer;  // relative to the form ("/items/3")
    std::string message;
};

// Checks a fixed form: item_count distinct live items of the unit, each at the
// version the pool holds, each learning outcome within its blueprint bounds.
std::vector<FormProblem> check_form(const Form& form, const TestSpecification& spec, const Unit& unit,
                                    const std::vector<const Item*>& pool);

// Whether the pool's live items, less `excluded`, can fill a form within the
// blueprint. Returns the reasons it cannot (empty when it can).
std::vector<std::string> pool_shortfalls(const TestSpecification& spec, const Unit& unit,
                                         const std::vector<const Item*>& pool,
                                         const std::set<std::string>& excluded = {});

struct DrawRequest {
    std::string form_id;
    std::uint64_t seed = 0;
    std::set<std::string> seen_items;  // items this candidate saw in earlier sittings
};

struct DrawFailure {
    std::vector<std::string> reasons;
};

// Draws a form within the blueprint from the pool's live items. Unseen items
// are preferred; seen ones are used only where the pool has too few unseen.
std::variant<Form, DrawFailure> draw_form(const TestSpecification& spec, const Unit& unit,
                                          const std::vector<const Item*>& pool, const DrawRequest& request);

// Fixes the presentation of a form for one candidate: item order (if the
// specification shuffles items) and each item's option order, from the seed.
Form present_form(const Form& form, const TestSpecification& spec, const std::vector<const Item*>& pool,
                  std::uint64_t seed);

}  // namespace item_bank
