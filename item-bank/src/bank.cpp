#include "item_bank/bank.hpp"

namespace item_bank {
namespace {
template <class T, class Index>
const T* find_in(const std::vector<T>& values, const Index& index, const std::string& key) {
    auto it = index.find(key);
    return it == index.end() ? nullptr : &values[it->second];
}
}  // namespace

const Unit* Bank::unit(const std::string& code) const { return find_in(units_, unit_index_, code); }
const Qualification* Bank::qualification(const std::string& id) const {
    return find_in(qualifications_, qualification_index_, id);
}
const Item* Bank::item(const std::string& id) const { return find_in(items_, item_index_, id); }
const TestSpecification* Bank::test_specification(const std::string& unit_code) const {
    return find_in(test_specifications_, spec_index_, unit_code);
}

const MediaFile* Bank::media(std::string_view name) const {
    auto it = media_.find(name);
    return it == media_.end() ? nullptr : &it->second;
}

std::vector<const Item*> Bank::items_of_unit(const std::string& unit_code) const {
    std::vector<const Item*> out;
    for (const auto& i : items_) {
        if (i.unit == unit_code) out.push_back(&i);
    }
    return out;
}

std::vector<const Qualification*> Bank::qualifications_containing(const std::string& unit_code) const {
    std::vector<const Qualification*> out;
    for (const auto& q : qualifications_) {
        if (q.contains(unit_code)) out.push_back(&q);
    }
    return out;
}

}  // namespace item_bank
