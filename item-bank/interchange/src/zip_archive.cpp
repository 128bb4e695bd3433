#include "item_interchange/zip_archive.hpp"

#include <zip.h>

#include <algorithm>
#include <set>

namespace item_interchange {
namespace {

// Friday 1980-01-01 00:00 in MS-DOS form: year 0 (1980), month 1, day 1.
constexpr zip_uint16_t dos_date = (0 << 9) | (1 << 5) | 1;
constexpr zip_uint16_t dos_time = 0;

std::string libzip_message(zip_error_t* error) {
    std::string out = zip_error_strerror(error);
    zip_error_fini(error);
    return out;
}

std::string mib(std::uint64_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MiB"; }

}  // namespace

std::string write_zip(const std::vector<ZipEntry>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (buffer == nullptr) return {};
    zip_source_keep(buffer);  // still needed after zip_close, to read the archive out
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (archive == nullptr) {
        zip_source_free(buffer);
        return {};
    }
    for (const auto& e : entries) {
        zip_source_t* content = zip_source_buffer(archive, e.content.data(), e.content.size(), 0);
        const zip_int64_t index = content ? zip_file_add(archive, e.name.c_str(), content, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            zip_source_free(content);
            zip_discard(archive);
            zip_source_free(buffer);
            return {};
        }
        const auto i = static_cast<zip_uint64_t>(index);
        zip_set_file_compression(archive, i, ZIP_CM_DEFLATE, 9);
        zip_file_set_dostime(archive, i, dos_time, dos_date, 0);
    }
    std::string out;
    if (zip_close(archive) == 0 && zip_source_open(buffer) == 0) {
        zip_stat_t st;
        if (zip_source_stat(buffer, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
            out.resize(st.size);
            if (zip_source_read(buffer, out.data(), st.size) != static_cast<zip_int64_t>(st.size)) out.clear();
        }
        zip_source_close(buffer);
    } else {
        zip_discard(archive);
    }
    zip_source_free(buffer);
    return out;
}

bool safe_entry_name(std::string_view name, std::string& why) {
    if (name.empty()) {
        why = "an entry has an empty name";
        return false;
    }
    if (name.front() == '/') {
        why = "an absolute name";
        return false;
    }
    if (name.find('\\') != std::string_view::npos) {
        why = "a backslash, which Windows reads as a folder separator";
        return false;
    }
    if (name.size() >= 2 && name[1] == ':') {
        why = "a drive letter";
        return false;
    }
    if (name.find('\0') != std::string_view::npos) {
        why = "a NUL character";
        return false;
    }
    std::size_t start = 0;
    while (start <= name.size()) {
        const auto end = std::min(name.find('/', start), name.size());
        if (name.substr(start, end - start) == "..") {
            why = "a \"..\" component, which leaves the package's folder";
            return false;
        }
        start = end + 1;
    }
    return true;
}

struct ZipReader::Archive {
    zip_t* zip = nullptr;
    ~Archive() {
        if (zip != nullptr) zip_discard(zip);
    }
};

ZipReader::ZipReader(std::string_view bytes, std::string file, PackageLimits limits)
    : archive_(std::make_unique<Archive>()), file_(std::move(file)), limits_(limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source != nullptr) archive_->zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (archive_->zip == nullptr) {
        if (source != nullptr) zip_source_free(source);
        error_ = file_ + ": the zip archive is truncated or damaged: its central directory cannot be read (" +
                 libzip_message(&error) + ")";
        return;
    }
    zip_error_fini(&error);
    const zip_int64_t count = zip_get_num_entries(archive_->zip, 0);
    if (count < 0 || static_cast<std::uint64_t>(count) > limits_.max_entries) {
        error_ = file_ + ": the zip archive holds " + std::to_string(count) + " entries, more than the limit of " +
                 std::to_string(limits_.max_entries);
        return;
    }
    std::uint64_t total = 0;
    std::set<std::string, std::less<>> seen;
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        if (zip_stat_index(archive_->zip, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME) ||
            !(st.valid & ZIP_STAT_SIZE)) {
            error_ = file_ + ": entry " + std::to_string(i + 1) + " of the zip archive cannot be read";
            return;
        }
        const std::string name = st.name;
        std::string why;
        if (!safe_entry_name(name, why)) {
            error_ = file_ + ": entry \"" + name + "\": " + why + " (the package is refused)";
            return;
        }
        if (!seen.insert(name).second) {
            error_ = file_ + ": entry \"" + name + "\" is in the archive twice";
            return;
        }
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
            error_ = file_ + ": entry \"" + name + "\" is encrypted";
            return;
        }
        if (st.size > limits_.max_entry_bytes) {
            error_ = file_ + ": entry \"" + name + "\" declares " + std::to_string(st.size) +
                     " bytes inflated, more than the limit of " + mib(limits_.max_entry_bytes) + " per entry";
            return;
        }
        total += st.size;
        if (total > limits_.max_total_bytes) {
            error_ = file_ + ": the zip archive declares more than " + mib(limits_.max_total_bytes) +
                     " inflated in all (at entry \"" + name + "\")";
            return;
        }
        if (name.back() == '/') continue;  // a folder
        names_.push_back(name);
        indexes_.push_back(static_cast<std::uint64_t>(i));
        sizes_.push_back(st.size);
    }
}

ZipReader::~ZipReader() = default;

bool ZipReader::contains(std::string_view name) const {
    return std::find(names_.begin(), names_.end(), name) != names_.end();
}

std::optional<std::string> ZipReader::read(std::string_view name, std::string& error) {
    const auto at = std::find(names_.begin(), names_.end(), name);
    const std::string where = file_ + ": entry \"" + std::string(name) + "\"";
    if (!error_.empty() || at == names_.end()) {
        error = where + " is not in the archive";
        return std::nullopt;
    }
    const auto i = static_cast<std::size_t>(at - names_.begin());
    zip_file_t* f = zip_fopen_index(archive_->zip, indexes_[i], 0);
    if (f == nullptr) {
        error = where + " cannot be opened: " + zip_strerror(archive_->zip);
        return std::nullopt;
    }
    // Read no further than the declared size and the limits allow, plus one
    // byte to see whether the entry goes on past them.
    const std::uint64_t allowed = std::min({sizes_[i], limits_.max_entry_bytes, limits_.max_total_bytes - inflated_});
    std::string out;
    char chunk[65536];
    while (true) {
        const zip_int64_t n = zip_fread(f, chunk, sizeof chunk);
        if (n < 0) {
            error = where + " is damaged: " + zip_file_strerror(f);
            zip_fclose(f);
            return std::nullopt;
        }
        if (n == 0) break;
        out.append(chunk, static_cast<std::size_t>(n));
        if (out.size() > allowed) {
            error = where + " inflates past " +
                    (out.size() > sizes_[i] ? "the size it declares (" + std::to_string(sizes_[i]) + " bytes)"
                                            : std::string("the package limits"));
            zip_fclose(f);
            return std::nullopt;
        }
    }
    zip_fclose(f);
    inflated_ += out.size();
    return out;
}

}  // namespace item_interchange
