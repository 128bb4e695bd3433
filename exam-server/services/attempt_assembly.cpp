#include "services/attempt_assembly.hpp"

#include <algorithm>

#include "item_bank/deterministic_random.hpp"
#include "item_bank/form_assembly.hpp"

namespace exam::services {

domain::Result<domain::Attempt> assemble_attempt(const item_bank::Bank& bank, const domain::Booking& booking,
                                                const domain::TestSession& session, const domain::Candidate& candidate,
                                                const std::set<std::string>& seen, std::uint64_t seed) {
    const auto* spec = bank.test_specification(session.unit_code);
    const auto* unit = bank.unit(session.unit_code);
    if (spec == nullptr || unit == nullptr) {
        return domain::Error{409, "no_test", "unit " + session.unit_code + " has no onscreen test specification", {}};
    }
    const auto pool = bank.items_of_unit(unit->code);
    item_bank::Form form;
    // A published fixed form none of whose items the candidate has seen, if any;
    // otherwise a form drawn within the blueprint that avoids seen items where it can.
    std::vector<const item_bank::Form*> unseen_fixed;
    for (const auto& f : spec->forms) {
        if (f.status != item_bank::FormStatus::published) continue;
        const bool repeats = std::any_of(f.items.begin(), f.items.end(),
                                         [&](const item_bank::FormItem& fi) { return seen.count(fi.item_id) > 0; });
        if (!repeats) unseen_fixed.push_back(&f);
    }
    if (!unseen_fixed.empty()) {
        item_bank::DeterministicRandom pick(seed);
        const auto* chosen = unseen_fixed[static_cast<std::size_t>(pick.below(unseen_fixed.size()))];
        form = item_bank::present_form(*chosen, *spec, pool, pick.next());
        form.seed = seed;
    } else {
        auto drawn = item_bank::draw_form(*spec, *unit, pool,
                                          item_bank::DrawRequest{"drawn-" + std::to_string(booking.id), seed, seen});
        if (auto* failure = std::get_if<item_bank::DrawFailure>(&drawn)) {
            return domain::Error{409, "pool_exhausted", "no form can be drawn: " + failure->reasons.front(), {}};
        }
        form = std::get<item_bank::Form>(drawn);
    }

    domain::Attempt a;
    a.booking_id = booking.id;
    a.session_id = session.id;
    a.candidate_id = candidate.id;
    a.unit_code = unit->code;
    a.form_id = form.id;
    a.form_seed = seed;
    for (const auto& fi : form.items) a.form.push_back({fi.item_id, fi.version, fi.option_order});
    a.responses.assign(a.form.size(), {});
    a.state = booking.admitted_at ? domain::AttemptState::admitted : domain::AttemptState::booked;
    const domain::Millis base = static_cast<domain::Millis>(spec->duration_minutes) * 60'000;
    a.time.allowed_ms = base + base * candidate.extra_time_percent / 100;
    return a;
}

}  // namespace exam::services
