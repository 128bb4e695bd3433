#include "services/results_service.hpp"

#include <algorithm>

#include "services/access_rules.hpp"

namespace exam::services {

using domain::Role;

domain::Result<std::vector<domain::ResultLine>> ResultsService::results(const domain::Principal& actor,
                                                                        domain::Id centre,
                                                                        const ResultFilter& filter) {
    if (auto e = require_centre(actor, centre, {Role::ao_admin, Role::centre_admin})) return *e;
    if (!people_.centre(centre)) return domain::not_found("no such centre");

    const item_bank::Qualification* qualification = nullptr;
    if (filter.qualification) {
        qualification = bank_->qualification(*filter.qualification);
        if (!qualification) {
            return domain::Error{400, "invalid_parameter", "no qualification " + *filter.qualification, "qualification"};
        }
    }
    if (filter.unit && !bank_->unit(*filter.unit)) {
        return domain::Error{400, "invalid_parameter", "no unit " + *filter.unit, "unit"};
    }

    storage::ResultQuery q{centre, filter.from, filter.to, filter.unit, filter.session, filter.candidate_number};
    auto lines = results_.results(q);
    // A qualification is a set of units: few enough to filter here, and it
    // keeps the query free of a variable-length IN list.
    if (qualification) {
        std::erase_if(lines, [&](const domain::ResultLine& l) { return !qualification->contains(l.unit_code); });
    }
    return lines;
}

}  // namespace exam::services
