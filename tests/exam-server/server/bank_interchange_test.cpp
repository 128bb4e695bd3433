// Item import and export over the API (issue 11 section 4), against the real
// server with its own copy of the bank: an upload gets exam-admin import's
// report and writes nothing into the bank; confirming writes the items, as
// drafts, into a new file the bank loader reads, once; a rejected file stores
// nothing; an export is the bytes exam-admin export writes. Every step is
// audited.
#include <boost/json.hpp>

#include <algorithm>
#include <set>
#include <sstream>
#include <thread>

#include "bundled_bank.hpp"
#include "cli.hpp"
#include "item_bank/bank.hpp"
#include "item_interchange/unit_export.hpp"
#include "server_fixture.hpp"
#include "test_bank_files.hpp"

namespace json = boost::json;
using exam_test::Reply;

namespace {

constexpr const char* unit = "A/602/1359";

// Two choice questions (the true/false one a draft) and an essay, skipped.
const std::string quiz =
    "// [id:api-1] [tag:AC:A/602/1359:1.1]\n"
    "::Prepare::Which is the best use of time before customers arrive? {\n"
    "=Checking the appointment list ~Reading the news ~Personal messages ####The list is information at hand.}\n\n"
    "// [id:api-2]\n"
    "::TF::Customers can be internal. {T}\n\n"
    "::Essay::Describe a customer. {}\n";

std::string encoded(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_') {
            out += static_cast<char>(c);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            out += hex;
        }
    }
    return out;
}

std::set<std::string> files_under(const std::filesystem::path& dir) {
    std::set<std::string> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        if (e.is_regular_file()) out.insert(std::filesystem::relative(e.path(), dir).generic_string());
    }
    return out;
}

}  // namespace

class BankInterchange : public exam_test::ServerFixture {
protected:
    void SetUp() override {
        use_bank_copy();
        ServerFixture::SetUp();
        ao_ = staff_token("ao.admin");
    }

    Reply upload(const std::string& content, const std::string& type = "text/plain",
                 const std::string& query = "?unit=A%2F602%2F1359&filename=quiz.gift") {
        return client().request("POST", "/api/v1/bank/imports" + query, content, ao_, type);
    }

    std::int64_t uploaded(const std::string& content) {
        auto r = upload(content);
        EXPECT_EQ(r.status, 201) << r.body;
        return r.status == 201 ? r.json().at("import").as_int64() : 0;
    }

    Reply confirm(std::int64_t id) {
        return client().post("/api/v1/bank/imports/" + std::to_string(id) + "/confirm", "", ao_);
    }

    std::filesystem::path bank() const { return bank_dir_; }

    std::vector<json::object> audit(const std::string& action) {
        auto r = client().get("/api/v1/audit?limit=500", ao_);
        EXPECT_EQ(r.status, 200) << r.body;
        std::vector<json::object> out;
        const auto entries = r.json();
        for (const auto& e : entries.at("entries").as_array()) {
            if (e.at("action").as_string() == action) out.push_back(e.as_object());
        }
        return out;
    }

    std::string ao_;
};

TEST_F(BankInterchange, AnUploadGetsExamAdminsReportAndWritesNothingIntoTheBank) {
    const auto before = files_under(bank());
    auto r = upload(quiz);
    ASSERT_EQ(r.status, 201) << r.body;
    const auto reply = r.json().as_object();
    EXPECT_GT(reply.at("import").as_int64(), 0);

    // The same report, field for field, as exam-admin import --json gives for the same file.
    exam_test::TempDir dir;
    const auto file = dir.write("quiz.gift", quiz);
    std::ostringstream out, err;
    ASSERT_EQ(exam_admin::run_cli({"import", "--unit", unit, "--json", file.string()}, {out, err}), 0) << err.str();
    auto cli = json::parse(out.str());
    cli.at("files").as_array().at(0).as_object()["file"] = "quiz.gift";
    EXPECT_EQ(reply.at("report"), cli);
    const auto& f = reply.at("report").at("files").as_array().at(0);
    EXPECT_EQ(f.at("imported").as_array().size(), 2u);
    EXPECT_EQ(f.at("skipped").as_array().size(), 1u);

    EXPECT_EQ(files_under(bank()), before) << "nothing enters the bank before it is confirmed";

    auto listed = client().get("/api/v1/bank/imports", ao_);
    ASSERT_EQ(listed.status, 200) << listed.body;
    const auto listed_json = listed.json();
    const auto& imports = listed_json.at("imports").as_array();
    ASSERT_EQ(imports.size(), 1u);
    EXPECT_EQ(imports[0].at("status").as_string(), "pending");
    EXPECT_EQ(imports[0].at("unit").as_string(), unit);
    EXPECT_EQ(imports[0].at("file").as_string(), "quiz.gift");
    EXPECT_EQ(imports[0].at("format").as_string(), "gift");
    EXPECT_EQ(imports[0].at("items").as_int64(), 2);
    EXPECT_EQ(imports[0].at("skipped").as_int64(), 1);
    EXPECT_EQ(imports[0].at("report"), cli);
    auto one = client().get("/api/v1/bank/imports/" + std::to_string(reply.at("import").as_int64()), ao_);
    ASSERT_EQ(one.status, 200) << one.body;
    EXPECT_EQ(one.json().at("id"), reply.at("import"));
    EXPECT_EQ(one.json().at("status").as_string(), "pending");
    EXPECT_EQ(client().get("/api/v1/bank/imports/999999", ao_).status, 404);

    const auto uploads = audit("bank.import.upload");
    ASSERT_EQ(uploads.size(), 1u);
    EXPECT_EQ(uploads[0].at("actor").as_string(), "staff:ao.admin");
    EXPECT_EQ(uploads[0].at("subject").as_string(), "bank_import:" + std::to_string(reply.at("import").as_int64()));
    EXPECT_EQ(uploads[0].at("details").at("file").as_string(), "quiz.gift");
    EXPECT_EQ(uploads[0].at("details").at("items").as_int64(), 2);
    EXPECT_EQ(uploads[0].at("details").at("skipped").as_int64(), 1);
}

TEST_F(BankInterchange, ConfirmingWritesTheItemsAsDraftsThatTheBankLoadsOnceOnly) {
    const auto before = files_under(bank());
    const auto id = uploaded(quiz);
    auto r = confirm(id);
    ASSERT_EQ(r.status, 200) << r.body;
    const auto reply = r.json().as_object();
    EXPECT_EQ(reply.at("import").at("status").as_string(), "confirmed");
    EXPECT_EQ(reply.at("import").at("confirmed_by").as_string(), "staff:ao.admin");
    EXPECT_EQ(reply.at("written").as_int64(), 2);
    const std::string written(reply.at("bank_file").as_string());
    EXPECT_TRUE(written.starts_with("items/import-" + std::to_string(id) + "-a-602-1359-")) << written;
    EXPECT_TRUE(written.ends_with(".json")) << written;

    auto after = files_under(bank());
    ASSERT_EQ(after.size(), before.size() + 1) << "one new file, nothing left over beside it";
    EXPECT_TRUE(after.count(written));

    // The folder loads with the new file: both items there, as drafts, whatever the report said they could be.
    const auto loaded = item_bank::load_bank({bank()});
    ASSERT_TRUE(loaded.bank) << (loaded.errors.empty() ? "" : loaded.errors[0].to_string());
    const auto* first = loaded.bank->item("api-1");
    const auto* second = loaded.bank->item("api-2");
    ASSERT_NE(first, nullptr);
    ASSERT_NE(second, nullptr);
    EXPECT_EQ(first->status, item_bank::ItemStatus::draft);
    EXPECT_EQ(second->status, item_bank::ItemStatus::draft);
    EXPECT_EQ(first->unit, unit);
    EXPECT_EQ(first->criteria, std::vector<std::string>{"1.1"});
    ASSERT_TRUE(first->source.has_value());
    EXPECT_EQ(first->source->format, "gift");
    EXPECT_EQ(first->source->file, "quiz.gift");
    EXPECT_EQ(loaded.bank->items().size(), exam_test::bundled_bank().items().size() + 2);

    // Once only.
    auto again = confirm(id);
    EXPECT_EQ(again.status, 409) << again.body;
    EXPECT_EQ(files_under(bank()), after);
    EXPECT_EQ(client().post("/api/v1/bank/imports/999999/confirm", "", ao_).status, 404);

    const auto confirms = audit("bank.import.confirm");
    ASSERT_EQ(confirms.size(), 1u);
    EXPECT_EQ(confirms[0].at("subject").as_string(), "bank_import:" + std::to_string(id));
    EXPECT_EQ(confirms[0].at("details").at("file").as_string(), "quiz.gift");
    EXPECT_EQ(confirms[0].at("details").at("bank_file").as_string(), written);
    EXPECT_EQ(confirms[0].at("details").at("items").as_int64(), 2);

    // The running server's coverage shows the bank it loaded; after a restart, the new drafts.
    auto draft_count = [&] {
        auto coverage = client().get("/api/v1/bank", ao_).json();
        for (const auto& u : coverage.at("units").as_array()) {
            if (u.at("code").as_string() != unit) continue;
            const auto& c = u.at("learning_outcomes").as_array().at(0).at("criteria").as_array().at(0);
            EXPECT_EQ(c.at("number").as_string(), "1.1");
            const auto& items = c.at("items").as_object();
            return items.contains("draft") ? items.at("draft").as_int64() : 0;
        }
        ADD_FAILURE() << "no unit " << unit << " in the coverage";
        return std::int64_t{-1};
    };
    const auto drafts_before = draft_count();
    restart_server();
    ao_ = staff_token("ao.admin");
    EXPECT_EQ(draft_count(), drafts_before + 1) << "api-1 is mapped to 1.1 (api-2 is mapped to nothing)";
    auto listed = client().get("/api/v1/bank/imports", ao_).json();
    EXPECT_EQ(listed.at("imports").as_array().at(0).at("bank_file").as_string(), written);
}

TEST_F(BankInterchange, ASecondImportOfTheSameSourceAddsOnlyWhatTheBankDoesNotHold) {
    ASSERT_EQ(confirm(uploaded(quiz)).status, 200);
    // The same two questions, and a third whose id the bank holds already (from the sample bank).
    const auto second = uploaded(quiz + "\n// [id:A6021359-001]\n::Q3::Which? {=Yes ~No ~Maybe}\n");
    auto r = confirm(second);
    ASSERT_EQ(r.status, 200) << r.body;
    const auto reply = r.json();
    EXPECT_EQ(reply.at("written").as_int64(), 1);
    const auto& already = reply.at("already_in_bank").as_array();
    ASSERT_EQ(already.size(), 2u);
    EXPECT_EQ(already[0].at("source_id").as_string(), "api-1");
    EXPECT_EQ(already[0].at("item_id").as_string(), "api-1");
    const auto& renamed = reply.at("renamed").as_array();
    ASSERT_EQ(renamed.size(), 1u);
    EXPECT_EQ(renamed[0].at("from").as_string(), "A6021359-001");
    EXPECT_EQ(renamed[0].at("to").as_string(), "A6021359-001-2");
    const auto loaded = item_bank::load_bank({bank()});
    ASSERT_TRUE(loaded.bank) << (loaded.errors.empty() ? "" : loaded.errors[0].to_string());
    EXPECT_NE(loaded.bank->item("A6021359-001-2"), nullptr);
    EXPECT_EQ(loaded.bank->items().size(), exam_test::bundled_bank().items().size() + 3);

    // Nothing new at all: confirmed, no file written.
    const auto files = files_under(bank());
    auto third = confirm(uploaded(quiz));
    ASSERT_EQ(third.status, 200) << third.body;
    EXPECT_EQ(third.json().at("written").as_int64(), 0);
    EXPECT_TRUE(third.json().at("bank_file").is_null());
    EXPECT_EQ(files_under(bank()), files);
}

TEST_F(BankInterchange, TwoConfirmationsAtOnceWriteOneFile) {
    const auto id = uploaded(quiz);
    const auto before = files_under(bank());
    std::vector<int> statuses(2);
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t) {
        threads.emplace_back([&, t] {
            exam_test::HttpsClient own("127.0.0.1", app_->port());
            statuses[t] = own.post("/api/v1/bank/imports/" + std::to_string(id) + "/confirm", "", ao_).status;
        });
    }
    for (auto& t : threads) t.join();
    std::sort(statuses.begin(), statuses.end());
    EXPECT_EQ(statuses, (std::vector<int>{200, 409}));
    EXPECT_EQ(files_under(bank()).size(), before.size() + 1);
}

TEST_F(BankInterchange, ARejectedFileAnswers422WithTheReportAndStoresNothing) {
    const std::string xxe = R"(<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]>)"
                            R"(<quiz><question type="multichoice"><name><text>&x;</text></name></question></quiz>)";
    auto r = upload(xxe, "application/xml", "?unit=A%2F602%2F1359&filename=evil.xml");
    ASSERT_EQ(r.status, 422) << r.body;
    const auto reply = r.json();
    EXPECT_EQ(reply.at("error").at("code").as_string(), "import_rejected");
    const auto& f = reply.at("report").at("files").as_array().at(0);
    EXPECT_EQ(f.at("status").as_string(), "rejected");
    EXPECT_EQ(f.at("file").as_string(), "evil.xml");
    EXPECT_NE(std::string(reply.at("error").at("message").as_string()).find("evil.xml"), std::string::npos);

    auto broken_zip = upload(std::string("PK\x03\x04", 4) + "truncated", "application/zip",
                             "?unit=A%2F602%2F1359&filename=pkg.zip");
    EXPECT_EQ(broken_zip.status, 422) << broken_zip.body;
    auto unknown = upload("just words, no question here");
    EXPECT_EQ(unknown.status, 422) << unknown.body;

    EXPECT_TRUE(client().get("/api/v1/bank/imports", ao_).json().at("imports").as_array().empty());
    EXPECT_TRUE(audit("bank.import.upload").empty());
}

TEST_F(BankInterchange, BadUploadRequestsNameWhatIsWrong) {
    auto field_of = [](const Reply& r) {
        const auto v = r.json();
        return v.is_object() && v.at("error").as_object().contains("field") ? std::string(v.at("error").at("field").as_string())
                                                                          : std::string();
    };
    auto no_unit = upload(quiz, "text/plain", "?filename=quiz.gift");
    EXPECT_EQ(no_unit.status, 400) << no_unit.body;
    EXPECT_EQ(field_of(no_unit), "unit");
    auto unknown_unit = upload(quiz, "text/plain", "?unit=X%2F999%2F9999");
    EXPECT_EQ(unknown_unit.status, 400) << unknown_unit.body;
    EXPECT_EQ(field_of(unknown_unit), "unit");
    auto extra = upload(quiz, "text/plain", "?unit=A%2F602%2F1359&colour=red");
    EXPECT_EQ(extra.status, 400) << extra.body;
    EXPECT_EQ(field_of(extra), "colour");
    auto control = upload(quiz, "text/plain", "?unit=A%2F602%2F1359&filename=" + encoded("a\nb.gift"));
    EXPECT_EQ(control.status, 400) << control.body;
    EXPECT_EQ(field_of(control), "filename");
    EXPECT_EQ(upload(quiz, "application/json").status, 415);
    EXPECT_EQ(upload(quiz, "image/png").status, 415);
    EXPECT_EQ(upload("").status, 400);

    // A path in the file name is dropped: the report names the file only.
    auto pathed = upload(quiz, "text/plain; charset=utf-8", "?unit=A%2F602%2F1359&filename=" + encoded("../../etc/quiz.gift"));
    ASSERT_EQ(pathed.status, 201) << pathed.body;
    EXPECT_EQ(pathed.json().at("report").at("files").as_array().at(0).at("file").as_string(), "quiz.gift");
}

TEST_F(BankInterchange, UploadsTakeFilesLargerThanJsonBodiesUpTo8MiBAndNoMore) {
    // Over 64 KB (any JSON route's limit): accepted on this route.
    std::string big;
    for (int i = 0; big.size() < 200 * 1024; ++i) {
        big += "// [id:bulk-" + std::to_string(i) + "] [tag:AC:A/602/1359:1.1]\n::Q" + std::to_string(i) +
               "::Which one is right, number " + std::to_string(i) + "? {=Right ~Wrong ~Also wrong}\n\n";
    }
    auto large = upload(big);
    ASSERT_EQ(large.status, 201) << large.body.substr(0, 300);
    EXPECT_GT(large.json().at("report").at("files").as_array().at(0).at("imported").as_array().size(), 1000u);

    auto too_large = upload(std::string(8 * 1024 * 1024 + 1, 'x'));
    EXPECT_EQ(too_large.status, 413);
    EXPECT_NE(too_large.body.find("8 MiB"), std::string::npos) << too_large.body;
    // Other routes keep their limit.
    auto json_route = client().post("/api/v1/centres", "{\"name\":\"" + std::string(70 * 1024, 'x') + "\"}", ao_);
    EXPECT_EQ(json_route.status, 413);
}

TEST_F(BankInterchange, AnExportIsTheBytesExamAdminWritesAsAnAuditedDownload) {
    const auto& bank = exam_test::bundled_bank();
    struct Case {
        const char* format;
        item_interchange::ExportFormat parsed;
        const char* type;
        const char* file;
    };
    for (const auto& c : {Case{"qti30", item_interchange::ExportFormat::qti30, "application/zip", "a-602-1359-qti30.zip"},
                          Case{"qti21", item_interchange::ExportFormat::qti21, "application/zip", "a-602-1359-qti21.zip"},
                          Case{"moodle-xml", item_interchange::ExportFormat::moodle_xml, "application/xml",
                               "a-602-1359-moodle-xml.xml"}}) {
        const auto expected = item_interchange::export_unit(bank, unit, "", c.parsed).result;
        auto r = client().get(std::string("/api/v1/bank/export?unit=A%2F602%2F1359&format=") + c.format, ao_);
        ASSERT_EQ(r.status, 200) << c.format << " " << r.body.substr(0, 200);
        EXPECT_EQ(r.body, expected.bytes) << c.format;
        EXPECT_EQ(r.headers["content-type"], c.type);
        EXPECT_EQ(r.headers["content-disposition"], std::string("attachment; filename=\"") + c.file + "\"");
        EXPECT_EQ(r.headers["x-export-items"], std::to_string(expected.items));
        EXPECT_EQ(r.headers["x-export-warnings"], std::to_string(expected.warnings.size()));

        auto report = client().get(std::string("/api/v1/bank/export/report?unit=A%2F602%2F1359&format=") + c.format, ao_);
        ASSERT_EQ(report.status, 200) << report.body;
        const auto v = report.json();
        EXPECT_EQ(v.at("file").as_string(), c.file);
        EXPECT_EQ(v.at("bytes").as_int64(), static_cast<std::int64_t>(expected.bytes.size()));
        const auto& warnings = v.at("warnings").as_array();
        ASSERT_EQ(warnings.size(), expected.warnings.size()) << c.format;
        for (std::size_t i = 0; i < warnings.size(); ++i) {
            EXPECT_EQ(warnings[i].at("item").as_string(), expected.warnings[i].item);
            EXPECT_EQ(warnings[i].at("message").as_string(), expected.warnings[i].message);
        }
    }
    // Moodle cannot hold a test: always at least that warning.
    EXPECT_NE(client().get("/api/v1/bank/export?unit=A%2F602%2F1359&format=moodle-xml", ao_).headers["x-export-warnings"], "0");

    // One form, in the form's order.
    auto form = client().get("/api/v1/bank/export?unit=A%2F602%2F1359&format=qti30&form=A6021359-F1", ao_);
    ASSERT_EQ(form.status, 200) << form.body.substr(0, 200);
    EXPECT_EQ(form.body, item_interchange::export_unit(bank, unit, "A6021359-F1", item_interchange::ExportFormat::qti30).result.bytes);
    EXPECT_EQ(form.headers["content-disposition"], "attachment; filename=\"a-602-1359-form-a6021359-f1-qti30.zip\"");

    // Downloads are audited; reports are not.
    const auto exports = audit("bank.export");
    ASSERT_EQ(exports.size(), 5u);
    EXPECT_EQ(exports[0].at("subject").as_string(), std::string("unit:") + unit);
    EXPECT_EQ(exports[0].at("details").at("format").as_string(), "qti30");
    EXPECT_TRUE(exports[0].at("details").at("form").is_null());
    EXPECT_EQ(exports[4].at("details").at("form").as_string(), "A6021359-F1");

    // What is wrong is named.
    auto field_of = [](const Reply& r) { return std::string(r.json().at("error").at("field").as_string()); };
    auto bad_format = client().get("/api/v1/bank/export?unit=A%2F602%2F1359&format=pdf", ao_);
    EXPECT_EQ(bad_format.status, 400);
    EXPECT_EQ(field_of(bad_format), "format");
    auto no_format = client().get("/api/v1/bank/export?unit=A%2F602%2F1359", ao_);
    EXPECT_EQ(no_format.status, 400);
    EXPECT_EQ(field_of(no_format), "format");
    auto bad_unit = client().get("/api/v1/bank/export?unit=X%2F1&format=qti30", ao_);
    EXPECT_EQ(bad_unit.status, 400);
    EXPECT_EQ(field_of(bad_unit), "unit");
    auto bad_form = client().get("/api/v1/bank/export?unit=A%2F602%2F1359&format=qti30&form=Z", ao_);
    EXPECT_EQ(bad_form.status, 400);
    EXPECT_EQ(field_of(bad_form), "form");
    EXPECT_EQ(audit("bank.export").size(), 5u) << "a refused export is not one";
}

TEST_F(BankInterchange, AnExportedPackageUploadsBackWithEveryItemAccountedFor) {
    auto exported = client().get("/api/v1/bank/export?unit=A%2F602%2F1359&format=qti30", ao_);
    ASSERT_EQ(exported.status, 200);
    auto r = upload(exported.body, "application/zip", "?unit=A%2F602%2F1359&filename=a.zip");
    ASSERT_EQ(r.status, 201) << r.body.substr(0, 300);
    const auto reply = r.json();
    const auto& f = reply.at("report").at("files").as_array().at(0);
    EXPECT_EQ(f.at("format").as_string(), "qti30");
    EXPECT_EQ(f.at("imported").as_array().size(), exam_test::bundled_bank().items_of_unit(unit).size());
    EXPECT_TRUE(f.at("skipped").as_array().empty());
    // Confirmed, they are copies under new ids (the sample bank's items carry no source), and the bank still loads.
    auto c = confirm(r.json().at("import").as_int64());
    ASSERT_EQ(c.status, 200) << c.body.substr(0, 300);
    EXPECT_EQ(c.json().at("renamed").as_array().size(), exam_test::bundled_bank().items_of_unit(unit).size());
    const auto loaded = item_bank::load_bank({bank()});
    ASSERT_TRUE(loaded.bank) << (loaded.errors.empty() ? "" : loaded.errors[0].to_string());
}

TEST_F(BankInterchange, AnImportsPicturesAreHeldUntilConfirmedThenWrittenBesideItsItems) {
    const std::string moodle = R"(<?xml version="1.0" encoding="UTF-8"?>
<quiz><question type="multichoice"><name><text>Sign</text></name><idnumber>api-pic</idnumber>
  <questiontext format="html"><text><![CDATA[<p>What does this sign tell customers?</p><img src="@@PLUGINFILE@@/sign.png" alt="A blue square with a white letter i">]]></text>
    <file name="sign.png" path="/" encoding="base64">iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==</file></questiontext>
  <answer fraction="100"><text>Where to find information</text></answer>
  <answer fraction="0"><text>Where to pay</text></answer><answer fraction="0"><text>Where the exit is</text></answer>
  <tags><tag><text>AC:A/602/1359:1.1</text></tag></tags></question></quiz>)";
    const auto before = files_under(bank());
    auto r = upload(moodle, "application/xml", "?unit=A%2F602%2F1359&filename=signs.xml");
    ASSERT_EQ(r.status, 201) << r.body;
    const auto pictures = r.json().at("report").at("files").at(0).at("imported").at(0).at("pictures").as_array();
    ASSERT_EQ(pictures.size(), 1u);
    EXPECT_EQ(pictures[0].as_string(), exam_test::bank_files::tiny_png_name);
    EXPECT_EQ(files_under(bank()), before) << "no picture enters the bank before the import is confirmed";

    // Held in the database, so a restart between upload and confirmation loses nothing.
    restart_server();
    ao_ = staff_token("ao.admin");
    auto confirmed = confirm(r.json().at("import").as_int64());
    ASSERT_EQ(confirmed.status, 200) << confirmed.body;
    const auto after = files_under(bank());
    EXPECT_EQ(after.size(), before.size() + 2) << "the items file and its picture";
    EXPECT_TRUE(after.count(std::string("items/media/") + exam_test::bank_files::tiny_png_name));
    const auto loaded = item_bank::load_bank({bank()});
    ASSERT_TRUE(loaded.bank) << (loaded.errors.empty() ? "" : loaded.errors[0].to_string());
    const auto* item = loaded.bank->item("api-pic");
    ASSERT_NE(item, nullptr);
    ASSERT_TRUE(item->image);
    EXPECT_EQ(item->image->alt, "A blue square with a white letter i");
    EXPECT_EQ(*loaded.bank->media(item->image->media)->bytes, exam_test::bank_files::tiny_png());
}
