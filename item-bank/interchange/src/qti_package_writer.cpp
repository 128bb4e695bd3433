// QTI 3.0 and 2.1 content packages: imsmanifest.xml (the CP namespace of the
// version), an item file per item, an assessment test for the unit's test
// specification or for one form, and each item's unit, learning outcome and
// criteria in its resource's metadata (curriculum standards metadata in 3.0,
// LOM classification in 2.1), as AC:<unit>:<criterion> identifiers that the
// package import reads back.
#include <algorithm>
#include <map>
#include <set>

#include "item_interchange/ac_mapping.hpp"
#include "item_interchange/import_report.hpp"
#include "item_interchange/item_export.hpp"
#include "item_interchange/zip_archive.hpp"
#include "qti_item_writer.hpp"
#include "qti_names.hpp"
#include "xml_writer.hpp"

namespace item_interchange {
namespace {
using detail::QtiNames;
using detail::XmlWriter;

struct Version {
    bool v3;
    const char* cp_namespace() const {
        return v3 ? "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" : "http://www.imsglobal.org/xsd/imscp_v1p1";
    }
    const char* test_namespace() const {
        return v3 ? "http://www.imsglobal.org/xsd/imsqtiasi_v3p0" : "http://www.imsglobal.org/xsd/imsqti_v2p1";
    }
    const char* item_type() const { return v3 ? "imsqti_item_xmlv3p0" : "imsqti_item_xmlv2p1"; }
    const char* test_type() const { return v3 ? "imsqti_test_xmlv3p0" : "imsqti_test_xmlv2p1"; }
};

constexpr const char* lom_namespace = "http://ltsc.ieee.org/xsd/LOM";
constexpr const char* csm_namespace = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscsmd_v1p1";

// LOM's lifeCycle status vocabulary for the bank's review states.
const char* lom_status(item_bank::ItemStatus s) {
    switch (s) {
        case item_bank::ItemStatus::draft: return "draft";
        case item_bank::ItemStatus::reviewed: return "revised";
        case item_bank::ItemStatus::live: return "final";
        case item_bank::ItemStatus::retired: return "unavailable";
    }
    return "draft";
}

std::string item_href(const item_bank::Item& item) { return "items/" + detail::qti_identifier(item.id) + ".xml"; }

class PackageWriter {
public:
    PackageWriter(const ExportInput& input, bool v3) : input_(input), version_{v3}, n_{v3} {}

    ExportResult run() {
        std::vector<ZipEntry> entries;
        for (const auto* item : input_.items) {
            entries.push_back({item_href(*item), detail::qti_item_xml(*item, version_.v3, result_.warnings)});
            add_media(*item, entries);
        }
        std::string test_href;
        if (input_.form != nullptr || input_.test != nullptr) {
            test_href = "tests/" + test_identifier() + ".xml";
            entries.push_back({test_href, test_xml()});
            result_.tests = 1;
        } else {
            result_.warnings.push_back({"", "unit " + input_.unit->code + " has no test specification: no assessment test is written"});
        }
        entries.insert(entries.begin(), ZipEntry{"imsmanifest.xml", manifest(test_href)});
        result_.items = input_.items.size();
        result_.bytes = write_zip(entries);
        return std::move(result_);
    }

private:
    void warn(std::string message) { result_.warnings.push_back({"", std::move(message)}); }

    // Each picture once, in media/ at the package's root, whichever items show it.
    void add_media(const item_bank::Item& item, std::vector<ZipEntry>& entries) {
        for (const auto& name : item.media()) {
            if (written_media_.count(name)) continue;
            const auto bytes = input_.media ? input_.media(name) : nullptr;
            if (bytes == nullptr) {
                result_.warnings.push_back({item.id, "the picture " + name + " is not in the bank: its reference is written, the file is not"});
                continue;
            }
            written_media_.insert(name);
            entries.push_back({"media/" + name, *bytes});
        }
    }

    std::string test_identifier() const {
        return input_.form != nullptr ? detail::qti_identifier(input_.form->id) : "test-" + item_id_from("", input_.unit->code);
    }

    std::string manifest(const std::string& test_href) {
        XmlWriter x;
        std::vector<detail::XmlAttribute> root = {{"xmlns", version_.cp_namespace()}, {"xmlns:lom", lom_namespace}};
        if (version_.v3) root.push_back({"xmlns:csm", csm_namespace});
        root.push_back({"identifier", "MANIFEST-" + item_id_from("", input_.unit->code)});
        x.open("manifest", root);
        x.open("metadata");
        x.leaf("schema", version_.v3 ? "QTI Package" : "QTIv2.1 Package");
        x.leaf("schemaversion", version_.v3 ? "3.0.0" : "1.0.0");
        x.close();
        x.empty("organizations");
        x.open("resources");
        for (const auto* item : input_.items) item_resource(x, *item);
        if (!test_href.empty()) {
            x.open("resource", {{"identifier", test_identifier()}, {"type", version_.test_type()}, {"href", test_href}});
            x.empty("file", {{"href", test_href}});
            for (const auto* item : test_items()) x.empty("dependency", {{"identifierref", detail::qti_identifier(item->id)}});
            x.close();
        }
        return x.finish();
    }

    void item_resource(XmlWriter& x, const item_bank::Item& item) {
        const auto& unit = *input_.unit;
        const std::string href = item_href(item);
        x.open("resource", {{"identifier", detail::qti_identifier(item.id)}, {"type", version_.item_type()}, {"href", href}});
        x.open("metadata");
        x.open("lom:lom");
        x.open("lom:general");
        x.open("lom:identifier");
        x.leaf("lom:catalog", "item");
        x.leaf("lom:entry", item.id);
        x.close();
        x.open("lom:title");
        x.leaf("lom:string", item.id, {{"language", "en"}});
        x.close();
        x.close();
        x.open("lom:lifeCycle");
        x.open("lom:version");
        x.leaf("lom:string", std::to_string(item.version), {{"language", "x-none"}});
        x.close();
        x.open("lom:status");
        x.leaf("lom:source", "LOMv1.0");
        x.leaf("lom:value", lom_status(item.status));
        x.close();
        x.close();
        if (!version_.v3) {
            // A path unit > outcome > criterion per criterion, the primary first.
            for (const auto& c : item.criteria) {
                const auto* lo = unit.outcome_of_criterion(c);
                const auto* ac = unit.criterion(c);
                x.open("lom:classification");
                x.open("lom:purpose");
                x.leaf("lom:source", "LOMv1.0");
                x.leaf("lom:value", "competency");
                x.close();
                x.open("lom:taxonPath");
                x.open("lom:source");
                x.leaf("lom:string", unit.code + " " + unit.title, {{"language", "en"}});
                x.close();
                taxon(x, unit.code, unit.title);
                if (lo != nullptr) taxon(x, outcome_tag(unit.code, lo->number), lo->text);
                taxon(x, criterion_tag(unit.code, c), ac ? ac->text : "");
                x.close();
                x.close();
            }
        }
        x.close();
        if (version_.v3 && !item.criteria.empty()) {
            x.open("csm:curriculumStandardsMetadataSet", {{"resourceLabel", item.id}, {"resourcePartId", detail::qti_identifier(item.id)}});
            x.open("csm:curriculumStandardsMetadata", {{"providerId", "assessment-criteria"}});
            x.open("csm:setOfGUIDs", {{"region", unit.code}});
            std::vector<std::string> outcomes_written;
            for (const auto& c : item.criteria) {
                const auto* lo = unit.outcome_of_criterion(c);
                if (lo != nullptr && std::find(outcomes_written.begin(), outcomes_written.end(), lo->number) == outcomes_written.end()) {
                    guid(x, outcome_tag(unit.code, lo->number), "LO " + lo->number + " " + lo->text);
                    outcomes_written.push_back(lo->number);
                }
                const auto* ac = unit.criterion(c);
                guid(x, criterion_tag(unit.code, c), "AC " + c + (ac ? " " + ac->text : ""));
            }
            x.close();
            x.close();
            x.close();
        }
        x.close();
        x.empty("file", {{"href", href}});
        // The pictures are the item's own files: an importer keeps them with it.
        std::set<std::string> listed;
        for (const auto& name : item.media()) {
            if (written_media_.count(name) && listed.insert(name).second) x.empty("file", {{"href", "media/" + name}});
        }
        x.close();
    }

    static void taxon(XmlWriter& x, const std::string& id, const std::string& entry) {
        x.open("lom:taxon");
        x.leaf("lom:id", id);
        if (!entry.empty()) {
            x.open("lom:entry");
            x.leaf("lom:string", entry, {{"language", "en"}});
            x.close();
        }
        x.close();
    }

    static void guid(XmlWriter& x, const std::string& id, const std::string& label) {
        x.open("csm:labelledGUID");
        x.leaf("csm:label", label);
        x.leaf("csm:GUID", id);
        x.close();
    }

    // The items a test draws from: the form's, or the live items of the unit.
    std::vector<const item_bank::Item*> test_items() const {
        std::vector<const item_bank::Item*> out;
        for (const auto* item : input_.items) {
            if (input_.form != nullptr || item->status == item_bank::ItemStatus::live) out.push_back(item);
        }
        return out;
    }

    std::string test_xml() {
        const auto* spec = input_.test;
        XmlWriter x;
        const std::string title = input_.form != nullptr ? "Form " + input_.form->id : input_.unit->code + " " + input_.unit->title;
        x.open(n_("assessmentTest"), {{"xmlns", version_.test_namespace()}, {"identifier", test_identifier()}, {"title", title}});
        x.empty(n_("outcomeDeclaration"), {{"identifier", "SCORE"}, {"cardinality", "single"}, {n_.attr("baseType"), "float"}});
        if (spec != nullptr) {
            x.empty(n_("outcomeDeclaration"), {{"identifier", "PASS"}, {"cardinality", "single"}, {n_.attr("baseType"), "boolean"}});
            x.empty(n_("timeLimits"), {{n_.attr("maxTime"), std::to_string(spec->duration_minutes * 60)}});
            if (spec->release == item_bank::ReleasePolicy::held) {
                warn("results are held for release by the awarding organisation: QTI has no place for a release policy");
            }
            if (!spec->shuffle_options) {
                warn("the test presents options in authored order: QTI keeps shuffle per item, and each item keeps its own");
            }
        }
        // Candidates move freely, flag, review and submit once, and may leave items unanswered.
        x.open(n_("testPart"), {{"identifier", "part-1"}, {n_.attr("navigationMode"), "nonlinear"}, {n_.attr("submissionMode"), "simultaneous"}});
        x.empty(n_("itemSessionControl"), {{n_.attr("maxAttempts"), "1"}, {n_.attr("allowReview"), "true"},
                                           {n_.attr("allowSkipping"), "true"}, {n_.attr("validateResponses"), "false"}});
        const bool shuffle_items = spec == nullptr || spec->shuffle_items;
        if (input_.form != nullptr) {
            if (input_.form->status != item_bank::FormStatus::published) warn("form " + input_.form->id + " is a draft");
            x.open(n_("assessmentSection"), {{"identifier", "form"}, {"title", title}, {"visible", "true"}});
            x.empty(n_("ordering"), {{"shuffle", shuffle_items ? "true" : "false"}});
            for (const auto* item : test_items()) item_ref(x, *item);
            x.close();
        } else {
            blueprint_sections(x, *spec, shuffle_items);
        }
        x.close();
        if (spec != nullptr) {
            x.open(n_("outcomeProcessing"));
            x.open(n_("setOutcomeValue"), {{"identifier", "SCORE"}});
            x.open(n_("sum"));
            x.empty(n_("testVariables"), {{n_.attr("variableIdentifier"), "SCORE"}});
            x.close();
            x.close();
            x.open(n_("setOutcomeValue"), {{"identifier", "PASS"}});
            x.open(n_("gte"));
            x.empty(n_("variable"), {{"identifier", "SCORE"}});
            x.leaf(n_("baseValue"), std::to_string(spec->pass_mark), {{n_.attr("baseType"), "float"}});
            x.close();
            x.close();
            x.close();
        }
        return x.finish();
    }

    // A hidden section per learning outcome selecting its share of the form,
    // inside one section whose ordering mixes them (keepTogether false), as a
    // form drawn from the blueprint is.
    void blueprint_sections(XmlWriter& x, const item_bank::TestSpecification& spec, bool shuffle_items) {
        std::map<std::string, std::vector<const item_bank::Item*>> pool;
        for (const auto* item : test_items()) {
            if (!item->criteria.empty()) pool[item->primary_outcome()].push_back(item);
        }
        // QTI selects an exact number from a section, the blueprint a range:
        // each outcome gets its minimum, then what is left of the form's
        // length goes to the outcomes in order, up to their maximums.
        std::vector<int> counts;
        int left = spec.item_count;
        for (const auto& e : spec.blueprint) {
            counts.push_back(e.min_items);
            left -= e.min_items;
        }
        for (std::size_t i = 0; i < spec.blueprint.size() && left > 0; ++i) {
            const int room = std::min(spec.blueprint[i].max_items, static_cast<int>(pool[spec.blueprint[i].learning_outcome].size())) - counts[i];
            const int add = std::clamp(room, 0, left);
            counts[i] += add;
            left -= add;
        }
        std::string ranges, chosen;
        for (std::size_t i = 0; i < spec.blueprint.size(); ++i) {
            const auto& e = spec.blueprint[i];
            ranges += (i ? ", " : "") + ("LO " + e.learning_outcome + " " + std::to_string(e.min_items) + "-" + std::to_string(e.max_items));
            chosen += (i ? ", " : "") + ("LO " + e.learning_outcome + " " + std::to_string(counts[i]));
        }
        warn("the blueprint's ranges (" + ranges + ") become an exact number per learning outcome (" + chosen +
             "): a QTI section selects an exact number of items");
        x.open(n_("assessmentSection"), {{"identifier", "unit"}, {"title", input_.unit->code + " " + input_.unit->title}, {"visible", "true"}});
        x.empty(n_("ordering"), {{"shuffle", shuffle_items ? "true" : "false"}});
        for (std::size_t i = 0; i < spec.blueprint.size(); ++i) {
            const auto& lo = spec.blueprint[i].learning_outcome;
            const auto* outcome = input_.unit->outcome(lo);
            x.open(n_("assessmentSection"), {{"identifier", "LO-" + item_id_from("", lo)},
                                             {"title", "LO " + lo + (outcome ? " " + outcome->text : "")},
                                             {"visible", "false"},
                                             {n_.attr("keepTogether"), "false"}});
            x.empty(n_("selection"), {{"select", std::to_string(counts[i])}});
            for (const auto* item : pool[lo]) item_ref(x, *item);
            x.close();
        }
        x.close();
    }

    void item_ref(XmlWriter& x, const item_bank::Item& item) {
        // The test file sits in tests/, the items in items/.
        x.empty(n_("assessmentItemRef"), {{"identifier", detail::qti_identifier(item.id)}, {"href", "../" + item_href(item)}});
    }

    const ExportInput& input_;
    std::set<std::string> written_media_;
    Version version_;
    QtiNames n_;
    ExportResult result_;
};

}  // namespace

ExportResult write_qti_package(const ExportInput& input, ExportFormat version) {
    return PackageWriter(input, version == ExportFormat::qti30).run();
}

}  // namespace item_interchange
