#pragma once
// Centre work: centres, candidates (one by one or from CSV, all or nothing),
// and their registrations on qualifications.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/people.hpp"
#include "domain/result.hpp"
#include "item_bank/bank.hpp"
#include "storage/people_store.hpp"

namespace exam::services {

struct CandidateDraft {
    std::string candidate_number;
    std::string given_name;
    std::string family_name;
    std::string date_of_birth;
    std::string uln;
    int extra_time_percent = 0;
};

// One problem in a batch of candidates: the row (0-based) and the field.
struct RowProblem {
    std::size_t row = 0;
    std::string field;
    std::string message;
};

// Checks one draft; `today` (YYYY-MM-DD) bounds the date of birth.
std::vector<RowProblem> check_candidate(const CandidateDraft& d, std::size_t row, const std::string& today);

// A correction to a candidate's details: the fields given change, the rest stay.
struct CandidateChanges {
    std::optional<std::string> given_name;
    std::optional<std::string> family_name;
    std::optional<std::string> date_of_birth;
    std::optional<std::string> uln;
    std::optional<int> extra_time_percent;
    std::string reason;
};

class CandidateRegistry {
public:
    CandidateRegistry(storage::PeopleStore& people, const domain::Clock& clock,
                      std::shared_ptr<const item_bank::Bank> bank)
        : people_(people), clock_(clock), bank_(std::move(bank)) {}

    void create_centre(const domain::Principal& actor, std::string number, std::string name,
                       domain::Completion<domain::Centre> done);
    domain::Result<std::vector<domain::Centre>> centres(const domain::Principal& actor);

    // Every draft is checked; any problem refuses the whole batch (problems in `rejected`).
    void add_candidates(const domain::Principal& actor, domain::Id centre, std::vector<CandidateDraft> drafts,
                        std::function<void(domain::Result<std::vector<domain::Candidate>>, std::vector<RowProblem>)> done);
    domain::Result<std::vector<domain::Candidate>> candidates(const domain::Principal& actor, domain::Id centre);
    // The centre's staff users (admins and invigilators), for assigning
    // invigilators: the AO and the centre's own admins.
    domain::Result<std::vector<domain::StaffUser>> staff(const domain::Principal& actor, domain::Id centre);
    domain::Result<domain::Candidate> candidate(const domain::Principal& actor, domain::Id id);

    // Centre admins (their own centre) and AO admins; audited with the reason
    // and the names of the fields changed. Extra time applies to attempts
    // begun after the change; invigilators add time to one in progress.
    void update_candidate(const domain::Principal& actor, domain::Id id, CandidateChanges changes,
                          domain::Completion<domain::Candidate> done);

    void register_on(const domain::Principal& actor, domain::Id candidate, std::string qualification,
                     domain::Completion<domain::Done> done);
    domain::Result<std::vector<std::string>> registrations(const domain::Principal& actor, domain::Id candidate);

private:
    storage::PeopleStore& people_;
    const domain::Clock& clock_;
    std::shared_ptr<const item_bank::Bank> bank_;
};

}  // namespace exam::services
