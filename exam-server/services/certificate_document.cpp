#include "services/certificate_document.hpp"

#include <boost/json.hpp>

#include "security/base64.hpp"

namespace exam::services {
namespace json = boost::json;

namespace {

constexpr std::string_view format_name = "certificate/1";

json::value optional_int(const std::optional<int>& v) { return v ? json::value(*v) : json::value(nullptr); }

// Member order is part of the format: the file is checked byte for byte.
json::object to_json(const CertificateContent& c) {
    json::array units;
    for (const auto& u : c.units) {
        units.push_back(json::object{{"code", u.code},
                                     {"title", u.title},
                                     {"level", u.level},
                                     {"credits", optional_int(u.credits)},
                                     {"achieved_on", u.achieved_on},
                                     {"route", u.route}});
    }
    return json::object{
        {"format", format_name},
        {"number", c.number},
        {"kind", domain::to_string(c.kind)},
        {"candidate", json::object{{"name", c.candidate_name},
                                   {"candidate_number", c.candidate_number},
                                   {"uln", c.uln},
                                   {"date_of_birth", c.date_of_birth}}},
        {"centre", json::object{{"number", c.centre_number}, {"name", c.centre_name}}},
        {"qualification", json::object{{"id", c.qualification_id},
                                       {"title", c.qualification_title},
                                       {"level", c.qualification_level},
                                       {"awarding_organisation", c.awarding_organisation}}},
        {"units", std::move(units)},
        {"credits", c.credits()},
        {"issued_at", c.issued_at},
        {"replacement", c.replaces.has_value()},
        {"replaces", c.replaces ? json::value(*c.replaces) : json::value(nullptr)},
        {"key_id", c.key_id},
    };
}

// Reads with one exception type for every shape problem; the caller turns it into "not a certificate".
struct BadShape {};

const json::value& at(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (v == nullptr) throw BadShape{};
    return *v;
}
std::string text(const json::object& o, std::string_view key) {
    const auto* s = at(o, key).if_string();
    if (s == nullptr) throw BadShape{};
    return std::string(*s);
}
int integer(const json::object& o, std::string_view key) {
    const auto& v = at(o, key);
    if (!v.is_int64() || v.get_int64() < -1000000 || v.get_int64() > 1000000) throw BadShape{};
    return static_cast<int>(v.get_int64());
}
const json::object& object(const json::object& o, std::string_view key) {
    const auto* v = at(o, key).if_object();
    if (v == nullptr) throw BadShape{};
    return *v;
}

CertificateContent from_json(const json::object& c) {
    if (text(c, "format") != format_name) throw BadShape{};
    CertificateContent out;
    out.number = text(c, "number");
    auto kind = domain::parse_certificate_kind(text(c, "kind"));
    if (!kind) throw BadShape{};
    out.kind = *kind;
    const auto& candidate = object(c, "candidate");
    out.candidate_name = text(candidate, "name");
    out.candidate_number = text(candidate, "candidate_number");
    out.uln = text(candidate, "uln");
    out.date_of_birth = text(candidate, "date_of_birth");
    const auto& centre = object(c, "centre");
    out.centre_number = text(centre, "number");
    out.centre_name = text(centre, "name");
    const auto& q = object(c, "qualification");
    out.qualification_id = text(q, "id");
    out.qualification_title = text(q, "title");
    out.qualification_level = integer(q, "level");
    out.awarding_organisation = text(q, "awarding_organisation");
    const auto* units = at(c, "units").if_array();
    if (units == nullptr) throw BadShape{};
    for (const auto& v : *units) {
        if (!v.is_object()) throw BadShape{};
        const auto& u = v.get_object();
        CertificateUnit unit{text(u, "code"), text(u, "title"), integer(u, "level"), std::nullopt,
                             text(u, "achieved_on"), text(u, "route")};
        if (!at(u, "credits").is_null()) unit.credits = integer(u, "credits");
        out.units.push_back(std::move(unit));
    }
    out.issued_at = text(c, "issued_at");
    if (!at(c, "replaces").is_null()) out.replaces = text(c, "replaces");
    out.key_id = text(c, "key_id");
    // What the file says must be what this content writes back, or a field was added or mis-stated.
    if (json::serialize(to_json(out)) != json::serialize(c)) throw BadShape{};
    return out;
}

std::optional<json::object> parse_object(std::string_view document) {
    json::error_code ec;
    auto v = json::parse(document, ec);
    if (ec || !v.is_object()) return std::nullopt;
    return std::move(v.get_object());
}

}  // namespace

int CertificateContent::credits() const {
    int sum = 0;
    for (const auto& u : units) sum += u.credits.value_or(0);
    return sum;
}

std::string signed_certificate_document(const CertificateContent& content, const security::AwardingKey& key) {
    const std::string certificate = json::serialize(to_json(content));
    const auto signature = key.sign(certificate);
    // Written by hand around the signed text, so the signed bytes are exactly the file's.
    return R"({"certificate":)" + certificate + R"(,"signature":")" + security::base64_encode(signature) + "\"}\n";
}

CertificateCheck check_certificate_document(std::string_view document, EVP_PKEY* public_key) {
    auto refuse = [](std::string why) { return CertificateCheck{false, std::move(why), std::nullopt}; };
    auto top = parse_object(document);
    if (!top) return refuse("not a certificate: the file is not a JSON object");
    if (top->size() != 2 || top->begin()->key() != "certificate" || !top->begin()->value().is_object() ||
        std::next(top->begin())->key() != "signature" || !std::next(top->begin())->value().is_string()) {
        return refuse("not a certificate: expected exactly \"certificate\" and \"signature\", in that order");
    }
    if (json::serialize(*top) + "\n" != document) {
        return refuse("the file is not in its canonical form (spacing, escapes or line ending were changed)");
    }
    const auto& certificate = top->begin()->value().get_object();
    const auto signature = security::base64_decode(std::string_view(std::next(top->begin())->value().get_string()));
    if (!signature) return refuse("the signature is not canonical base64");
    const auto* key_id = certificate.if_contains("key_id");
    const std::string expected_key = security::ed25519_key_id(public_key);
    if (key_id == nullptr || !key_id->is_string() || key_id->get_string() != expected_key) {
        return refuse("the certificate names another signing key than this one (key id " + expected_key + ")");
    }
    if (!security::verify_ed25519(public_key, json::serialize(certificate), *signature)) {
        return refuse("the signature does not match: the certificate was changed after it was signed");
    }
    try {
        return CertificateCheck{true, "", from_json(certificate)};
    } catch (const BadShape&) {
        return refuse("signed, but not a certificate/1 document this server can read");
    }
}

std::optional<CertificateContent> read_certificate_content(std::string_view document) {
    auto top = parse_object(document);
    if (!top || !top->contains("certificate") || !top->at("certificate").is_object()) return std::nullopt;
    try {
        return from_json(top->at("certificate").get_object());
    } catch (const BadShape&) {
        return std::nullopt;
    }
}

}  // namespace exam::services
