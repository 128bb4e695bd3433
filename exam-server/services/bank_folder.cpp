#include "services/bank_folder.hpp"

#include <cctype>
#include <cstdio>

#include "item_bank/bank.hpp"
#include "security/atomic_file.hpp"
#include "security/secure_random.hpp"

namespace exam::services {
namespace {

// "A/602/1359" -> "a-602-1359", as the bank's own items files are named.
std::string unit_slug(const std::string& unit) {
    std::string out;
    for (unsigned char c : unit) out += std::isalnum(c) ? static_cast<char>(std::tolower(c)) : '-';
    return out;
}

std::string random_hex(std::size_t bytes) {
    std::string out;
    char pair[3];
    for (unsigned char b : security::random_bytes(bytes)) {
        std::snprintf(pair, sizeof pair, "%02x", b);
        out += pair;
    }
    return out;
}

std::string first_errors(const item_bank::Diagnostics& errors) {
    std::string out;
    for (std::size_t i = 0; i < errors.size() && i < 5; ++i) out += (i ? "; " : "") + errors[i].to_string();
    if (errors.size() > 5) out += "; and " + std::to_string(errors.size() - 5) + " more";
    return out;
}

}  // namespace

domain::Result<WrittenItems> BankFolder::add_items(std::string_view items_json, const std::string& unit,
                                                   domain::Id import_id, const std::map<std::string, std::string>& media) {
    const auto current = item_bank::load_bank({root_});
    if (!current.bank) {
        return domain::conflict("the bank in " + root_.string() + " does not load as it is, so nothing is added to it: " +
                                first_errors(current.errors));
    }
    WrittenItems out;
    out.addition = item_interchange::items_file_for_bank(items_json, *current.bank);
    if (!out.addition.error.empty()) {
        return domain::Error{500, "internal_error", "the stored import is damaged: " + out.addition.error, {}};
    }
    if (out.addition.text.empty()) return out;  // every item is in the bank already

    const auto items_dir = root_ / "items";
    std::error_code ec;
    std::filesystem::create_directories(items_dir, ec);
    std::filesystem::path target;
    do {
        target = items_dir / ("import-" + std::to_string(import_id) + "-" + unit_slug(unit) + "-" + random_hex(4) + ".json");
    } while (std::filesystem::exists(target, ec));
    // Checked beside its final place but under a name the folder's loader
    // skips (not *.json), so a bank loaded meanwhile never sees it.
    const std::filesystem::path staged = target.string() + ".staged";
    // The pictures go in first, where the loader looks for them (media/
    // beside the items file); a name is the hash of its bytes, so one already
    // there is this picture. Only those the written items show, and only the
    // new ones are taken back if the file is not written after all.
    const auto media_dir = items_dir / "media";
    auto take_back_media = [&] {
        for (const auto& name : out.new_media) std::filesystem::remove(media_dir / name, ec);
        out.new_media.clear();
    };
    try {
        for (const auto& [name, bytes] : media) {
            if (out.addition.text.find(name) == std::string::npos || std::filesystem::exists(media_dir / name, ec)) continue;
            std::filesystem::create_directories(media_dir, ec);
            security::write_file_atomically(media_dir / name, bytes, 0644);
            out.new_media.push_back(name);
        }
        security::write_file_atomically(staged, out.addition.text, 0644);
        const auto with_file = item_bank::load_bank({root_, staged});
        if (!with_file.bank) {
            std::filesystem::remove(staged, ec);
            take_back_media();
            return domain::Error{422, "bank_validation",
                                 "the import's items would stop the bank loading, so nothing was written: " +
                                     first_errors(with_file.errors),
                                 {}};
        }
        security::write_file_atomically(target, out.addition.text, 0644);
    } catch (const std::system_error& e) {
        std::filesystem::remove(staged, ec);
        take_back_media();
        return domain::Error{503, "bank_unwritable", std::string("the bank folder cannot be written: ") + e.what(), {}};
    }
    std::filesystem::remove(staged, ec);
    out.file = std::filesystem::relative(target, root_, ec).generic_string();
    if (ec || out.file.empty()) out.file = target.string();
    return out;
}

void BankFolder::remove(const WrittenItems& written) {
    std::error_code ignored;
    if (!written.file.empty()) std::filesystem::remove(root_ / written.file, ignored);
    for (const auto& name : written.new_media) std::filesystem::remove(root_ / "items" / "media" / name, ignored);
}

}  // namespace exam::services
