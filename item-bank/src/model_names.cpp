// Small lookups and the names of the model's enumerations.
#include "item_bank/item.hpp"
#include "item_bank/qualification.hpp"
#include "item_bank/test_specification.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

namespace item_bank {

bool Unit::has_method(AssessmentMethod m) const {
    return std::find(assessment_methods.begin(), assessment_methods.end(), m) != assessment_methods.end();
}

const LearningOutcome* Unit::outcome(std::string_view number) const {
    for (const auto& lo : learning_outcomes) {
        if (lo.number == number) return &lo;
    }
    return nullptr;
}

const LearningOutcome* Unit::outcome_of_criterion(std::string_view criterion_number) const {
    for (const auto& lo : learning_outcomes) {
        for (const auto& ac : lo.criteria) {
            if (ac.number == criterion_number) return &lo;
        }
    }
    return nullptr;
}

const AssessmentCriterion* Unit::criterion(std::string_view criterion_number) const {
    for (const auto& lo : learning_outcomes) {
        for (const auto& ac : lo.criteria) {
            if (ac.number == criterion_number) return &ac;
        }
    }
    return nullptr;
}

const UnitGroup* RulesOfCombination::group_of(std::string_view unit_code) const {
    for (const auto& g : groups) {
        if (std::find(g.units.begin(), g.units.end(), unit_code) != g.units.end()) return &g;
    }
    return nullptr;
}

const ItemOption* Item::option(std::string_view option_id) const {
    for (const auto& o : options) {
        if (o.id == option_id) return &o;
    }
    return nullptr;
}

bool Item::is_key(std::string_view option_id) const {
    return std::find(key.begin(), key.end(), option_id) != key.end();
}

bool Item::weighted() const {
    return std::any_of(options.begin(), options.end(), [](const ItemOption& o) { return o.weight.has_value(); });
}

std::vector<std::string> Item::media() const {
    std::vector<std::string> out;
    if (image) out.push_back(image->media);
    for (const auto& o : options) {
        if (o.image) out.push_back(o.image->media);
    }
    return out;
}

double response_credit(const Item& item, const std::vector<std::string>& selected) {
    const std::set<std::string> chosen(selected.begin(), selected.end());
    if (!item.weighted()) {
        const std::set<std::string> key(item.key.begin(), item.key.end());
        return chosen == key ? 1.0 : 0.0;
    }
    double sum = 0;
    for (const auto& o : item.options) {
        if (chosen.count(o.id)) sum += o.weight.value_or(0.0);
    }
    return std::clamp(sum, 0.0, 1.0);
}

std::string Item::primary_outcome() const {
    if (criteria.empty()) return {};
    const std::string& c = criteria.front();
    return c.substr(0, c.find('.'));
}

const BlueprintEntry* TestSpecification::entry(const std::string& learning_outcome) const {
    for (const auto& e : blueprint) {
        if (e.learning_outcome == learning_outcome) return &e;
    }
    return nullptr;
}

std::string canonical_item_text(const Item& item) {
    std::string out;
    auto field = [&out](std::string_view name, std::string_view value) {
        out += name;
        out += '=';
        out += std::to_string(value.size());
        out += ':';
        out += value;
        out += '\n';
    };
    field("id", item.id);
    field("version", std::to_string(item.version));
    field("unit", item.unit);
    field("type", to_string(item.type));
    for (const auto& c : item.criteria) field("criterion", c);
    // Pictures, like weights, only when present: the digests of items without
    // them stay what they were before pictures existed.
    auto picture = [&field](const std::optional<ItemImage>& image) {
        if (!image) return;
        field("image", image->media);
        field("alt", image->alt);
    };
    field("stem", item.stem);
    picture(item.image);
    for (const auto& o : item.options) {
        field("option", o.id);
        field("text", o.text);
        picture(o.image);
        // Only when present, so the canonical text (and the digest the server
        // keeps) of every unweighted item is what it was before weights existed.
        if (o.weight) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.17g", *o.weight);
            field("weight", buf);
        }
    }
    for (const auto& k : item.key) field("key", k);
    field("choose", std::to_string(item.choose));
    return out;
}

std::string_view to_string(AssessmentMethod m) {
    return m == AssessmentMethod::onscreen_test ? "onscreen_test" : "internal";
}

std::string_view to_string(Framework f) { return f == Framework::qcf ? "QCF" : "RQF"; }

std::string_view to_string(QualificationSize s) {
    switch (s) {
        case QualificationSize::award: return "Award";
        case QualificationSize::certificate: return "Certificate";
        case QualificationSize::diploma: return "Diploma";
    }
    return "?";
}

std::string level_name(int level) { return level == 0 ? "Entry level" : "level " + std::to_string(level); }

std::string_view to_string(ItemStatus s) {
    switch (s) {
        case ItemStatus::draft: return "draft";
        case ItemStatus::reviewed: return "reviewed";
        case ItemStatus::live: return "live";
        case ItemStatus::retired: return "retired";
    }
    return "?";
}

std::string_view to_string(ResponseType t) { return t == ResponseType::single ? "single" : "multiple"; }

std::string_view to_string(ReleasePolicy p) { return p == ReleasePolicy::immediate ? "immediate" : "held"; }

std::string_view to_string(FormStatus s) { return s == FormStatus::draft ? "draft" : "published"; }

}  // namespace item_bank
