#include "services/candidate_csv.hpp"

#include <algorithm>
#include <charconv>
#include <map>

namespace exam::services {
namespace {

// Splits into records of fields; a quoted field may hold commas and line breaks.
// Returns false (with the line) on an unterminated quote.
bool split_records(std::string_view text, std::vector<std::vector<std::string>>& records,
                   std::vector<std::size_t>& lines, std::size_t& bad_line) {
    std::vector<std::string> record;
    std::string field;
    bool quoted = false, field_started = false;
    std::size_t line = 1, record_line = 1;
    auto end_record = [&] {
        record.push_back(std::move(field));
        field.clear();
        if (!(record.size() == 1 && record[0].empty())) {  // blank lines are skipped
            records.push_back(std::move(record));
            lines.push_back(record_line);
        }
        record.clear();
        field_started = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && !field_started) {
            quoted = true;
            field_started = true;
        } else if (c == ',') {
            record.push_back(std::move(field));
            field.clear();
            field_started = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            end_record();
            ++line;
            record_line = line;
        } else {
            field += c;
            field_started = true;
        }
    }
    if (quoted) {
        bad_line = record_line;
        return false;
    }
    if (!field.empty() || !record.empty()) end_record();
    return true;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

}  // namespace

CsvCandidates parse_candidate_csv(std::string_view text) {
    CsvCandidates out;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // spreadsheets add a UTF-8 byte order mark
    std::vector<std::vector<std::string>> records;
    std::vector<std::size_t> lines;
    std::size_t bad_line = 0;
    if (!split_records(text, records, lines, bad_line)) {
        out.problems.push_back({bad_line, "", "a quoted field is not closed"});
        return out;
    }
    if (records.empty()) {
        out.problems.push_back({1, "", "the file is empty: expected a header line and one line per candidate"});
        return out;
    }
    const std::vector<std::string> required = {"candidate_number", "given_name", "family_name", "date_of_birth", "uln"};
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < records[0].size(); ++i) {
        const std::string name = trim(records[0][i]);
        if (name != "extra_time_percent" && std::find(required.begin(), required.end(), name) == required.end()) {
            out.problems.push_back({1, name, "unknown column \"" + name + "\""});
        } else if (!column.emplace(name, i).second) {
            out.problems.push_back({1, name, "column \"" + name + "\" appears twice"});
        }
    }
    for (const auto& name : required) {
        if (!column.count(name)) out.problems.push_back({1, name, "missing column \"" + name + "\""});
    }
    if (!out.problems.empty()) return out;
    if (records.size() == 1) {
        out.problems.push_back({1, "", "no candidates: the file has only its header line"});
        return out;
    }
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& rec = records[r];
        if (rec.size() != records[0].size()) {
            out.problems.push_back({lines[r], "", "expected " + std::to_string(records[0].size()) + " fields, found " +
                                                      std::to_string(rec.size())});
            continue;
        }
        CandidateDraft d;
        d.candidate_number = trim(rec[column["candidate_number"]]);
        d.given_name = trim(rec[column["given_name"]]);
        d.family_name = trim(rec[column["family_name"]]);
        d.date_of_birth = trim(rec[column["date_of_birth"]]);
        d.uln = trim(rec[column["uln"]]);
        if (auto it = column.find("extra_time_percent"); it != column.end()) {
            const std::string v = trim(rec[it->second]);
            if (!v.empty()) {
                auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), d.extra_time_percent);
                if (ec != std::errc() || ptr != v.data() + v.size()) {
                    out.problems.push_back({lines[r], "extra_time_percent", "a whole number from 0 to 100"});
                    continue;
                }
            }
        }
        out.drafts.push_back(std::move(d));
        out.lines.push_back(lines[r]);
    }
    return out;
}

}  // namespace exam::services
