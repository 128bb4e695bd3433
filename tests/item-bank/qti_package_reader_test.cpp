// QTI content packages written here: the AC mapping and status read from the
// manifest's metadata, and the hostile packages that must be refused whole
// (zip-slip names, hrefs leaving the package, a zip bomb with honest or lying
// sizes, too many entries, a truncated zip, no manifest, a missing file).
#include <gtest/gtest.h>

#include <zip.h>

#include <algorithm>
#include <cstring>

#include "item_interchange/qti_package_reader.hpp"
#include "item_interchange/zip_archive.hpp"

using namespace item_interchange;

namespace {

item_bank::Unit unit() {
    item_bank::Unit u;
    u.code = "T/000/0001";
    u.learning_outcomes = {{"1", "Know", {{"1.1", "state"}, {"1.2", "list"}}, ""}};
    return u;
}

FileReport read(const std::string& zip, const PackageLimits& limits = {}) {
    static const item_bank::Unit u = unit();
    return read_qti_package(zip, "pkg.zip", ImportOptions{u.code, &u}, limits);
}

const char* const item_21 = R"(<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="q1" title="Q1" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>B</value></correctResponse></responseDeclaration>
  <itemBody><p>Which one?</p>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1">
      <simpleChoice identifier="A">One</simpleChoice><simpleChoice identifier="B">Two</simpleChoice>
      <simpleChoice identifier="C">Three</simpleChoice></choiceInteraction>
    <rubricBlock view="scorer"><p>Two is right.</p></rubricBlock></itemBody>
  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>
</assessmentItem>)";

std::string manifest_21(const std::string& resource_metadata, const std::string& href = "items/q1.xml",
                        const std::string& extra_resources = "") {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:lom="http://ltsc.ieee.org/xsd/LOM" identifier="m">
  <organizations/>
  <resources>
    <resource identifier="q1" type="imsqti_item_xmlv2p1" href=")" + href + R"(">
      <metadata>)" + resource_metadata + R"(</metadata>
      <file href=")" + href + R"("/>
    </resource>)" + extra_resources + R"(
  </resources>
</manifest>)";
}

const char* const taxon_path = R"(<lom:lom><lom:classification><lom:taxonPath>
      <lom:taxon><lom:id>T/000/0001</lom:id></lom:taxon><lom:taxon><lom:id>1</lom:id></lom:taxon>
      <lom:taxon><lom:id>1.2</lom:id></lom:taxon></lom:taxonPath></lom:classification></lom:lom>)";

std::string package(const std::string& manifest, std::vector<ZipEntry> more = {{"items/q1.xml", item_21}}) {
    more.insert(more.begin(), ZipEntry{"imsmanifest.xml", manifest});
    return write_zip(more);
}

// A zip entry of `size` zero bytes made while it is compressed, so the test
// never holds the inflated bytes: a zip bomb small on disk.
struct Zeros {
    zip_uint64_t size, done = 0;
};

zip_int64_t zeros_source(void* state, void* data, zip_uint64_t length, zip_source_cmd_t command) {
    auto* z = static_cast<Zeros*>(state);
    switch (command) {
        case ZIP_SOURCE_OPEN: z->done = 0; return 0;
        case ZIP_SOURCE_READ: {
            const zip_uint64_t n = std::min(length, z->size - z->done);
            std::memset(data, 0, n);
            z->done += n;
            return static_cast<zip_int64_t>(n);
        }
        case ZIP_SOURCE_CLOSE: return 0;
        case ZIP_SOURCE_STAT: {
            auto* st = static_cast<zip_stat_t*>(data);
            zip_stat_init(st);
            st->size = z->size;
            st->valid |= ZIP_STAT_SIZE;
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_ERROR: return 2 * sizeof(int);
        case ZIP_SOURCE_FREE: return 0;
        case ZIP_SOURCE_SUPPORTS:
            return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                                  ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
        default: return -1;
    }
}

std::string zip_of_zeros(const std::string& manifest, std::vector<zip_uint64_t> sizes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(buffer);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    zip_file_add(archive, "imsmanifest.xml", zip_source_buffer(archive, manifest.data(), manifest.size(), 0), 0);
    std::vector<Zeros> states(sizes.size());
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        states[i].size = sizes[i];
        zip_file_add(archive, ("media/zeros" + std::to_string(i) + ".bin").c_str(),
                     zip_source_function(archive, zeros_source, &states[i]), 0);
    }
    EXPECT_EQ(zip_close(archive), 0);
    zip_source_open(buffer);
    zip_stat_t st;
    zip_source_stat(buffer, &st);
    std::string out(st.size, '\0');
    zip_source_read(buffer, out.data(), st.size);
    zip_source_close(buffer);
    zip_source_free(buffer);
    return out;
}

void set_le32(std::string& s, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

}  // namespace

TEST(QtiPackageReader, ItemsGetTheirCriteriaAndStatusFromTheManifest) {
    const auto r = read(package(manifest_21(taxon_path)));
    ASSERT_FALSE(r.rejected) << r.error;
    EXPECT_EQ(r.format, "qti21");
    ASSERT_EQ(r.imported.size(), 1u);
    const auto& i = r.imported[0];
    EXPECT_EQ(i.item.criteria, std::vector<std::string>{"1.2"});
    EXPECT_EQ(i.item.rationale, "Two is right.");
    EXPECT_EQ(i.item.stem, "Which one?");
    EXPECT_EQ(i.position, "items/q1.xml line 2");
    ASSERT_TRUE(i.item.source.has_value());
    EXPECT_EQ(i.item.source->file, "pkg.zip");
    EXPECT_EQ(i.item.source->identifier, "q1");
    EXPECT_EQ(i.item.status, item_bank::ItemStatus::live) << (i.broken_rules.empty() ? "" : i.broken_rules[0]);

    const auto draft = read(package(manifest_21(
        R"(<lom:lom><lom:lifeCycle><lom:status><lom:source>LOMv1.0</lom:source><lom:value>draft</lom:value></lom:status></lom:lifeCycle></lom:lom>)"
        "<csm:curriculumStandardsMetadataSet xmlns:csm=\"http://www.imsglobal.org/xsd/imscsmd_v1p0\"><csm:curriculumStandardsMetadata>"
        "<csm:setOfGUIDs><csm:labelledGUID><csm:GUID>AC:T/000/0001:1.1</csm:GUID></csm:labelledGUID>"
        "<csm:labelledGUID><csm:GUID>AC:X/999/9999:1.1</csm:GUID></csm:labelledGUID></csm:setOfGUIDs>"
        "</csm:curriculumStandardsMetadata></csm:curriculumStandardsMetadataSet>")));
    ASSERT_FALSE(draft.rejected) << draft.error;
    const auto& d = draft.imported.at(0);
    EXPECT_EQ(d.item.criteria, std::vector<std::string>{"1.1"});
    EXPECT_EQ(d.item.status, item_bank::ItemStatus::draft);
    EXPECT_NE(std::find(d.broken_rules.begin(), d.broken_rules.end(), "source-status: the package marks it draft, not final"),
              d.broken_rules.end());
    EXPECT_NE(std::find(d.warnings.begin(), d.warnings.end(), "metadata AC:X/999/9999:1.1 maps to another unit than T/000/0001"),
              d.warnings.end());
}

TEST(QtiPackageReader, TestsAndFilesNoItemShowsAreReportedNotImported) {
    const auto r = read(package(manifest_21(taxon_path, "items/q1.xml",
                                            R"(<resource identifier="t" type="imsqti_test_xmlv2p1" href="t.xml"><file href="t.xml"/></resource>
    <resource identifier="img" type="webcontent" href="a.png"><file href="a.png"/></resource>)"),
                                {{"items/q1.xml", item_21}, {"t.xml", "<assessmentTest/>"}, {"a.png", "png"}}));
    ASSERT_FALSE(r.rejected) << r.error;
    ASSERT_EQ(r.warnings.size(), 2u);
    EXPECT_NE(r.warnings[0].find("an assessment test is not imported"), std::string::npos) << r.warnings[0];
    EXPECT_NE(r.warnings[1].find("resource img (line 11 of imsmanifest.xml), webcontent: a.png was not kept: no imported "
                                 "item shows it as a picture"),
              std::string::npos)
        << r.warnings[1];
    EXPECT_TRUE(r.media.empty());
}

TEST(QtiPackageReader, ZipSlipEntryNamesRejectThePackage) {
    for (const std::string name : {"../evil.xml", "items/../../evil.xml", "/etc/evil.xml", "..\\evil.xml", "C:/evil.xml"}) {
        const auto r = read(package(manifest_21(taxon_path), {{"items/q1.xml", item_21}, {name, "x"}}));
        EXPECT_TRUE(r.rejected) << name;
        EXPECT_NE(r.error.find("pkg.zip: entry \"" + name + "\""), std::string::npos) << r.error;
        EXPECT_TRUE(r.imported.empty());
    }
}

TEST(QtiPackageReader, HrefsThatLeaveThePackageRejectIt) {
    for (const std::string href : {"../q1.xml", "items/../../q1.xml", "%2e%2e/q1.xml", "/items/q1.xml",
                                   "file:///etc/passwd", "http://example.com/q1.xml", "items\\q1.xml"}) {
        const auto r = read(package(manifest_21(taxon_path, href)));
        EXPECT_TRUE(r.rejected) << href;
        EXPECT_NE(r.error.find("pkg.zip: imsmanifest.xml: line 5: href \"" + href + "\""), std::string::npos) << r.error;
    }
    // xml:base counts too.
    std::string based = manifest_21(taxon_path);
    based.replace(based.find("<resources>"), 11, "<resources xml:base=\"../\">");
    EXPECT_TRUE(read(package(based)).rejected);
}

TEST(QtiPackageReader, AManifestNamingAMissingFileRejectsThePackage) {
    const auto r = read(package(manifest_21(taxon_path, "items/q2.xml")));
    ASSERT_TRUE(r.rejected);
    EXPECT_EQ(r.error, "pkg.zip: imsmanifest.xml: line 5: href \"items/q2.xml\" names a file the package does not hold");
}

TEST(QtiPackageReader, NoManifestAMalformedOneOrAnotherKindOfManifestIsRejected) {
    auto no_manifest = read(write_zip({{"items/q1.xml", item_21}}));
    ASSERT_TRUE(no_manifest.rejected);
    EXPECT_EQ(no_manifest.error, "pkg.zip: no imsmanifest.xml at the root of the package: not a content package");
    auto nested = read(write_zip({{"pkg/imsmanifest.xml", manifest_21("")}, {"items/q1.xml", item_21}}));
    EXPECT_NE(nested.error.find("(there is one at pkg/imsmanifest.xml: it must be at the root)"), std::string::npos);
    auto malformed = read(package("<?xml version=\"1.0\"?>\n<manifest xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\">\n<resources>"));
    ASSERT_TRUE(malformed.rejected);
    EXPECT_NE(malformed.error.find("pkg.zip: imsmanifest.xml: line 3: not well-formed XML"), std::string::npos) << malformed.error;
    auto other = read(package("<manifest xmlns=\"http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1\"><resources/></manifest>"));
    ASSERT_TRUE(other.rejected);
    EXPECT_NE(other.error.find("not an IMS content package manifest"), std::string::npos);
}

TEST(QtiPackageReader, ATruncatedZipIsRejected) {
    const std::string whole = package(manifest_21(taxon_path));
    for (std::size_t keep : {whole.size() / 2, whole.size() - 10, std::size_t{30}}) {
        const auto r = read(whole.substr(0, keep));
        EXPECT_TRUE(r.rejected) << keep;
        EXPECT_NE(r.error.find("pkg.zip: the zip archive is truncated or damaged"), std::string::npos) << r.error;
    }
}

TEST(QtiPackageReader, AZipBombIsRefusedFromItsDeclaredSizeWithoutInflatingIt) {
    const PackageLimits defaults;
    const std::string bomb = zip_of_zeros(manifest_21(""), {defaults.max_entry_bytes + 1});
    EXPECT_LT(bomb.size(), 100u * 1024u);  // small on disk
    const auto r = read(bomb);
    ASSERT_TRUE(r.rejected);
    EXPECT_NE(r.error.find("pkg.zip: entry \"media/zeros0.bin\" declares 16777217 bytes inflated, more than the limit of 16 MiB"),
              std::string::npos)
        << r.error;

    // Entries each within the limit, too much together.
    const auto total = read(zip_of_zeros(manifest_21(""), {600 * 1024, 600 * 1024}), PackageLimits{100, 1024 * 1024, 1024 * 1024});
    ASSERT_TRUE(total.rejected);
    EXPECT_NE(total.error.find("declares more than 1 MiB inflated in all (at entry \"media/zeros1.bin\")"), std::string::npos)
        << total.error;
}

TEST(QtiPackageReader, AnEntryThatLiesAboutItsSizeIsStoppedWhileInflating) {
    // The manifest's declared size says 40 bytes; it inflates to 2 MiB.
    const std::string manifest = manifest_21("");
    const std::string padded = manifest + std::string(2 * 1024 * 1024, ' ');
    std::string zip = write_zip({{"imsmanifest.xml", padded}});
    ASSERT_EQ(zip.compare(0, 4, "PK\x03\x04"), 0);
    set_le32(zip, 22, 40);  // the local header's uncompressed size
    const auto central = zip.find("PK\x01\x02");
    ASSERT_NE(central, std::string::npos);
    set_le32(zip, central + 24, 40);  // the central directory's
    const auto r = read(zip);
    ASSERT_TRUE(r.rejected);
    EXPECT_NE(r.error.find("pkg.zip: entry \"imsmanifest.xml\" inflates past the size it declares (40 bytes)"),
              std::string::npos)
        << r.error;
}

TEST(QtiPackageReader, TooManyEntriesAreRefused) {
    std::vector<ZipEntry> entries{{"items/q1.xml", item_21}};
    for (int i = 0; i < 10; ++i) entries.push_back({"media/" + std::to_string(i), "x"});
    const auto r = read(package(manifest_21(taxon_path), entries), PackageLimits{10, 1024 * 1024, 1024 * 1024});
    ASSERT_TRUE(r.rejected);
    EXPECT_EQ(r.error, "pkg.zip: the zip archive holds 12 entries, more than the limit of 10");
}

TEST(QtiPackageReader, AMalformedItemRejectsThePackageNamingTheEntry) {
    const auto r = read(package(manifest_21(taxon_path), {{"items/q1.xml", "<assessmentItem"}}));
    ASSERT_TRUE(r.rejected);
    EXPECT_NE(r.error.find("pkg.zip: items/q1.xml: line 1: not well-formed XML"), std::string::npos) << r.error;
}
