// Loading the bank: read every file, parse it with its format's reader, then
// check what spans files. The Bank is built only when nothing failed.

#include <boost/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "file_readers.hpp"
#include "item_bank/bank.hpp"
#include "item_bank/form_assembly.hpp"
#include "item_bank/item_validation.hpp"
#include "media_reader.hpp"

namespace item_bank {
namespace json = boost::json;
using detail::FileContext;
using detail::Located;
using detail::ParsedFiles;

namespace {

constexpr std::uintmax_t max_file_bytes = 16 * 1024 * 1024;

void collect_files(const std::filesystem::path& path, std::vector<std::filesystem::path>& out, Diagnostics& errors) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        errors.push_back({path.string(), "", "no such file or folder"});
        return;
    }
    if (std::filesystem::is_directory(status)) {
        std::vector<std::filesystem::path> found;
        for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
             !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
            if (it->is_regular_file() && it->path().extension() == ".json" &&
                it->path().filename().string().find(".schema.") == std::string::npos) {
                found.push_back(it->path());
            }
        }
        if (ec) errors.push_back({path.string(), "", "cannot read folder: " + ec.message()});
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    } else {
        out.push_back(path);
    }
}

std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

void read_file(const std::filesystem::path& path, ParsedFiles& parsed, Diagnostics& errors) {
    FileContext ctx(path.string(), errors);
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        ctx.error("", "cannot read file: " + ec.message());
        return;
    }
    if (size > max_file_bytes) {
        ctx.error("", "file is larger than 16 MB");
        return;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in && !in.eof()) {
        ctx.error("", "cannot read file");
        return;
    }
    const std::string text = buffer.str();

    json::stream_parser parser;
    json::error_code jec;
    const std::size_t consumed = parser.write(text.data(), text.size(), jec);
    if (!jec) parser.finish(jec);
    if (jec) {
        auto [line, column] = line_and_column(text, consumed);
        ctx.error("", "not valid JSON at line " + std::to_string(line) + ", column " + std::to_string(column) + ": " +
                          jec.message());
        return;
    }
    const json::value doc = parser.release();
    const json::value* format = doc.is_object() ? doc.as_object().if_contains("format") : nullptr;
    const json::string* name = format ? format->if_string() : nullptr;
    if (name == nullptr) {
        ctx.error("", doc.is_object() ? "missing \"format\": expected \"qualification-specification/1\", "
                                                             "\"items/1\" or \"test-specification/1\""
                                                           : "expected a JSON object with a \"format\" member");
        return;
    }
    if (*name == "qualification-specification/1") {
        detail::read_specification_file(doc, ctx, parsed);
    } else if (*name == "items/1") {
        detail::read_items_file(doc, ctx, parsed);
    } else if (*name == "test-specification/1") {
        detail::read_test_specification_file(doc, ctx, parsed);
    } else {
        ctx.error("/format", "expected \"qualification-specification/1\", \"items/1\" or \"test-specification/1\", found \"" +
                                 std::string(*name) + "\"");
    }
}

}  // namespace

class BankBuilder {
public:
    BankBuilder(ParsedFiles parsed, Diagnostics& errors, Diagnostics& draft_rules)
        : p_(std::move(parsed)), errors_(errors), draft_rules_(draft_rules) {}

    std::shared_ptr<const Bank> build() {
        index_units();
        index_qualifications();
        check_items();
        check_tests();
        if (!errors_.empty()) return nullptr;
        auto bank = std::make_shared<Bank>();
        for (auto& u : p_.units) bank->units_.push_back(std::move(u.value));
        for (auto& q : p_.qualifications) bank->qualifications_.push_back(std::move(q.value));
        for (auto& i : p_.items) bank->items_.push_back(std::move(i.value));
        for (auto& t : p_.tests) bank->test_specifications_.push_back(std::move(t.value));
        bank->media_ = std::move(media_);
        for (std::size_t i = 0; i < bank->units_.size(); ++i) bank->unit_index_[bank->units_[i].code] = i;
        for (std::size_t i = 0; i < bank->qualifications_.size(); ++i) bank->qualification_index_[bank->qualifications_[i].id] = i;
        for (std::size_t i = 0; i < bank->items_.size(); ++i) bank->item_index_[bank->items_[i].id] = i;
        for (std::size_t i = 0; i < bank->test_specifications_.size(); ++i) bank->spec_index_[bank->test_specifications_[i].unit] = i;
        return bank;
    }

private:
    void error(const std::string& file, std::string pointer, std::string message) {
        errors_.push_back({file, std::move(pointer), std::move(message)});
    }

    void index_units() {
        for (auto& u : p_.units) {
            auto [it, fresh] = units_.emplace(u.value.code, &u);
            if (!fresh) {
                error(u.file, u.pointer + "/code",
                      "unit " + u.value.code + " is already defined in " + it->second->file + " at " + it->second->pointer);
            }
        }
    }

    void index_qualifications() {
        std::set<std::string> used_units;
        for (auto& q : p_.qualifications) {
            auto [it, fresh] = qualifications_.emplace(q.value.id, &q);
            if (!fresh) {
                error(q.file, q.pointer + "/id", "qualification " + q.value.id + " is already defined in " + it->second->file);
            }
            const auto& groups = q.value.rules.groups;
            for (std::size_t g = 0; g < groups.size(); ++g) {
                for (std::size_t u = 0; u < groups[g].units.size(); ++u) {
                    const auto& code = groups[g].units[u];
                    used_units.insert(code);
                    if (!units_.count(code)) {
                        error(q.file,
                              q.pointer + "/rules/groups/" + std::to_string(g) + "/units/" + std::to_string(u),
                              "unit " + code + " is not defined in any qualification specification");
                    }
                }
            }
        }
        for (const auto& u : p_.units) {
            if (!used_units.count(u.value.code)) {
                error(u.file, u.pointer, "unit " + u.value.code + " is not part of any qualification");
            }
        }
    }

    void check_items() {
        std::map<std::string, const Located<Item>*> ids;
        for (auto& i : p_.items) {
            auto [it, fresh] = ids.emplace(i.value.id, &i);
            if (!fresh) {
                error(i.file, i.pointer + "/id", "item " + i.value.id + " is already defined in " + it->second->file +
                                                     " at " + it->second->pointer);
            }
            auto u = units_.find(i.value.unit);
            const Unit* unit = u == units_.end() ? nullptr : &u->second->value;
            for (auto& problem : validate_item(i.value, unit)) {
                // The unit is named once per file, not once per item.
                if (problem.pointer == "/unit") {
                    if (reported_unit_files_.insert(i.file).second) error(i.file, "/unit", problem.message);
                    continue;
                }
                if (!blocks_item(i.value, problem)) {
                    draft_rules_.push_back(
                        {i.file, i.pointer + problem.pointer, "rule " + problem.rule + ": " + problem.message});
                    continue;
                }
                error(i.file, i.pointer + problem.pointer, problem.message);
            }
            check_media(i);
        }
    }

    // Each picture is read once, however many items show it; a name with the
    // same hash in two folders is the same bytes, so the first found serves.
    void check_media(const Located<Item>& i) {
        auto check = [&](const std::optional<ItemImage>& image, const std::string& pointer) {
            if (!image || media_.count(image->media)) return;
            auto read = detail::read_media_file(detail::media_folder_of(i.file), image->media);
            if (auto* problem = std::get_if<std::string>(&read)) {
                error(i.file, i.pointer + pointer + "/media", *problem);
                return;
            }
            media_.emplace(image->media, std::move(std::get<MediaFile>(read)));
        };
        check(i.value.image, "/image");
        for (std::size_t o = 0; o < i.value.options.size(); ++o) {
            check(i.value.options[o].image, "/options/" + std::to_string(o) + "/image");
        }
    }

    void check_tests() {
        std::map<std::string, const Located<TestSpecification>*> by_unit;
        std::map<std::string, std::string> form_files;
        std::vector<const Item*> pool;
        for (const auto& i : p_.items) pool.push_back(&i.value);
        for (auto& t : p_.tests) {
            const auto& spec = t.value;
            auto [it, fresh] = by_unit.emplace(spec.unit, &t);
            if (!fresh) {
                error(t.file, "/unit", "unit " + spec.unit + " already has a test specification in " + it->second->file);
                continue;
            }
            auto u = units_.find(spec.unit);
            if (u == units_.end()) {
                error(t.file, "/unit", "unit " + spec.unit + " is not defined in any qualification specification");
                continue;
            }
            const Unit& unit = u->second->value;
            if (!unit.has_method(AssessmentMethod::onscreen_test)) {
                error(t.file, "/unit", "unit " + spec.unit + " is not assessed by onscreen test (its assessment_methods)");
            }
            for (std::size_t b = 0; b < spec.blueprint.size(); ++b) {
                if (unit.outcome(spec.blueprint[b].learning_outcome) == nullptr) {
                    error(t.file, "/blueprint/" + std::to_string(b) + "/learning_outcome",
                          "unit " + unit.code + " has no learning outcome " + spec.blueprint[b].learning_outcome);
                }
            }
            for (const auto& lo : unit.learning_outcomes) {
                if (spec.entry(lo.number) == nullptr) {
                    error(t.file, "/blueprint", "learning outcome " + lo.number + " (" + lo.text +
                                                    ") has no blueprint entry: every outcome is assessed on every form");
                }
            }
            for (const auto& reason : pool_shortfalls(spec, unit, pool)) {
                error(t.file, "/blueprint", "the live items cannot fill a form: " + reason);
            }
            for (std::size_t f = 0; f < spec.forms.size(); ++f) {
                const auto& form = spec.forms[f];
                const std::string fptr = "/forms/" + std::to_string(f);
                auto [fit, ffresh] = form_files.emplace(form.id, t.file);
                if (!ffresh) error(t.file, fptr + "/id", "form id \"" + form.id + "\" is already used in " + fit->second);
                for (auto& problem : check_form(form, spec, unit, pool)) {
                    error(t.file, fptr + problem.pointer, problem.message);
                }
            }
        }
    }

    ParsedFiles p_;
    Diagnostics& errors_;
    Diagnostics& draft_rules_;
    std::map<std::string, const Located<Unit>*> units_;
    std::map<std::string, const Located<Qualification>*> qualifications_;
    std::set<std::string> reported_unit_files_;
    std::map<std::string, MediaFile, std::less<>> media_;
};

LoadResult load_bank_with_context(const std::vector<std::filesystem::path>& paths,
                                  const std::vector<std::filesystem::path>& context) {
    LoadResult result;
    std::vector<std::filesystem::path> files;
    for (const auto& p : paths) collect_files(p, files, result.errors);
    for (const auto& p : context) collect_files(p, files, result.errors);
    // The same file named twice (directly and through its folder) is read once.
    std::set<std::filesystem::path> seen;
    std::vector<std::filesystem::path> unique;
    for (const auto& f : files) {
        std::error_code ec;
        auto canonical = std::filesystem::weakly_canonical(f, ec);
        if (seen.insert(ec ? f : canonical).second) unique.push_back(f);
    }
    result.files = unique.size();
    ParsedFiles parsed;
    for (const auto& f : unique) read_file(f, parsed, result.errors);
    if (!result.errors.empty()) return result;
    result.bank = BankBuilder(std::move(parsed), result.errors, result.draft_rules).build();
    return result;
}

bool holds_specifications(const std::vector<std::filesystem::path>& paths) {
    std::vector<std::filesystem::path> files;
    Diagnostics ignored;
    for (const auto& p : paths) collect_files(p, files, ignored);
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::ostringstream buffer;
        buffer << in.rdbuf();
        json::error_code ec;
        const json::value doc = json::parse(buffer.str(), ec);
        if (ec || !doc.is_object()) continue;
        const json::value* format = doc.as_object().if_contains("format");
        if (format && format->is_string() && format->get_string() == "qualification-specification/1") return true;
    }
    return false;
}

LoadResult load_bank(const std::vector<std::filesystem::path>& paths) { return load_bank_with_context(paths, {}); }

}  // namespace item_bank
