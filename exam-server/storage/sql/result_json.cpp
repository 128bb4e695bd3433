#include "storage/sql/result_json.hpp"

#include <boost/json.hpp>

#include "domain/score.hpp"

namespace exam::storage::sql {
namespace json = boost::json;
namespace {
// Whole scores are stored as integers, as every result stored before weights was.
json::value stored_score(double score) {
    if (auto whole = domain::whole_score(score)) return *whole;
    return score;
}
}  // namespace

std::string result_to_json(const domain::AttemptResult& r) {
    json::array outcomes;
    for (const auto& o : r.by_outcome) {
        outcomes.push_back(json::object{{"lo", o.learning_outcome}, {"marks", stored_score(o.marks)}, {"available", o.available}});
    }
    return json::serialize(json::object{{"raw", stored_score(r.raw_score)},     {"available", r.available}, {"percentage", r.percentage},
                                        {"pass_mark", r.pass_mark}, {"passed", r.passed},       {"released", r.released},
                                        {"outcomes", std::move(outcomes)}});
}

domain::AttemptResult result_from_json(const std::string& text) {
    const json::value parsed = json::parse(text);
    const auto& o = parsed.as_object();
    domain::AttemptResult r;
    r.raw_score = o.at("raw").to_number<double>();
    r.available = static_cast<int>(o.at("available").as_int64());
    r.percentage = o.at("percentage").is_double() ? o.at("percentage").as_double()
                                                  : static_cast<double>(o.at("percentage").as_int64());
    r.pass_mark = static_cast<int>(o.at("pass_mark").as_int64());
    r.passed = o.at("passed").as_bool();
    r.released = o.at("released").as_bool();
    for (const auto& v : o.at("outcomes").as_array()) {
        const auto& lo = v.as_object();
        r.by_outcome.push_back({std::string(lo.at("lo").as_string()), lo.at("marks").to_number<double>(),
                                static_cast<int>(lo.at("available").as_int64())});
    }
    return r;
}

}  // namespace exam::storage::sql
