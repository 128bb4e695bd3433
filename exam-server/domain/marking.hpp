#pragma once
// Automatic marking: one mark per item, single response right or wrong,
// multiple response all or nothing, unless the item's options carry weights
// (partial and negative credit, never below zero for the item); raw score, percentage, pass or fail and a
// breakdown per learning outcome. Reproducible from the stored responses and
// item versions alone.

#include <functional>
#include <string>

#include "domain/sitting.hpp"
#include "item_bank/item.hpp"
#include "item_bank/test_specification.hpp"

namespace exam::domain {

// Finds the exact item version the attempt was given.
using ItemVersionLookup = std::function<const item_bank::Item*(const std::string& id, int version)>;

AttemptResult mark_attempt(const Attempt& attempt, const item_bank::TestSpecification& spec,
                           const ItemVersionLookup& items);

bool response_is_correct(const item_bank::Item& item, const std::vector<std::string>& selected);

}  // namespace exam::domain
