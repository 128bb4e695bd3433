#pragma once
// Who may do what (DESIGN invariant 6): AO admins everywhere; centre admins in
// their own centre; invigilators in their own centre and, for a session's
// sitting, only in sessions they are assigned to.

#include <initializer_list>
#include <optional>

#include "domain/people.hpp"
#include "domain/result.hpp"
#include "domain/sitting.hpp"

namespace exam::services {

// An error when the principal is not staff with one of the roles.
std::optional<domain::Error> require_role(const domain::Principal& p, std::initializer_list<domain::Role> roles);
// Role check plus: the principal is an AO admin or belongs to the centre.
std::optional<domain::Error> require_centre(const domain::Principal& p, domain::Id centre,
                                            std::initializer_list<domain::Role> roles);
// For running a session: AO admin, the centre's admin, or an invigilator assigned to it.
std::optional<domain::Error> require_session_staff(const domain::Principal& p, const domain::TestSession& session);

}  // namespace exam::services
