#pragma once
// The content model of a qualification specification: units with their learning
// outcomes and assessment criteria, and qualifications with rules of combination.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace item_bank {

struct AssessmentCriterion {
    std::string number;  // "1.3"
    std::string text;
};

struct LearningOutcome {
    std::string number;  // "1"
    std::string text;
    std::vector<AssessmentCriterion> criteria;
    std::string content;  // unit content / range for this outcome; may be empty
};

enum class AssessmentMethod { onscreen_test, internal };

struct Unit {
    std::string code;       // as printed: "Y/602/1353", "UV20615", "CU791", "UBU52"
    std::string reference;  // a second identifier, may be empty
    std::string title;
    int level = 0;                // 0 = Entry
    std::optional<int> credit;    // none for RQF units without credit
    std::optional<int> glh;
    std::vector<AssessmentMethod> assessment_methods;
    std::string assessment_notes;
    std::string aim;
    std::vector<LearningOutcome> learning_outcomes;
    std::string source_file;

    int credit_or_zero() const { return credit.value_or(0); }
    bool has_method(AssessmentMethod m) const;
    const LearningOutcome* outcome(std::string_view number) const;
    // The learning outcome that holds the criterion, or null.
    const LearningOutcome* outcome_of_criterion(std::string_view criterion_number) const;
    const AssessmentCriterion* criterion(std::string_view criterion_number) const;
};

struct UnitGroup {
    std::string id;
    std::string title;
    bool mandatory = false;
    std::vector<std::string> units;
    std::optional<int> min_credits, max_credits, min_units, max_units;
};

struct LevelRule {
    int min_credits = 0;
    int min_level = 0;
    std::vector<std::string> groups;  // empty: units from every group
};

struct BarredCombination {
    std::vector<std::string> units;
    std::string reason;
};

struct RulesOfCombination {
    std::optional<int> min_credits;
    std::vector<UnitGroup> groups;
    std::vector<LevelRule> level_rules;
    std::vector<BarredCombination> barred_combinations;
    std::string notes;

    const UnitGroup* group_of(std::string_view unit_code) const;
};

enum class Framework { qcf, rqf };
enum class QualificationSize { award, certificate, diploma };

struct Qualification {
    std::string id;  // "501/0443/3"
    std::string title;
    std::string awarding_organisation;
    int level = 0;
    Framework framework = Framework::qcf;
    QualificationSize size = QualificationSize::award;
    std::optional<int> credit, glh, tqt;
    RulesOfCombination rules;
    std::string source_file;

    bool contains(std::string_view unit_code) const { return rules.group_of(unit_code) != nullptr; }
};

std::string_view to_string(AssessmentMethod m);
std::string_view to_string(Framework f);
std::string_view to_string(QualificationSize s);
// "Entry level", "level 3"
std::string level_name(int level);

}  // namespace item_bank
