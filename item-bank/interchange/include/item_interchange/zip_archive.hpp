#pragma once
// Zip archives in memory (libzip): written for the QTI exports, read for the
// content-package import without ever writing an entry to disk. Reading is
// bounded against zip bombs: an entry count, a size per entry and a total,
// checked on the sizes the archive declares and again on the bytes actually
// inflated, so an archive that lies about its sizes is stopped too.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace item_interchange {

struct ZipEntry {
    std::string name;
    std::string content;
};

// The entries in the order given, deflated, each dated 1980-01-01 00:00 (the
// first date zip can hold), so the same entries always give the same bytes.
// Names are written as given: callers pass names of their own making.
std::string write_zip(const std::vector<ZipEntry>& entries);

struct PackageLimits {
    std::size_t max_entries = 10000;
    std::uint64_t max_entry_bytes = 16u * 1024u * 1024u;   // one item, test or manifest file
    std::uint64_t max_total_bytes = 128u * 1024u * 1024u;  // everything the archive holds, inflated
};

class ZipReader {
public:
    // Opens `bytes` (which must outlive the reader) and checks its directory:
    // the limits, and entry names that are absolute, hold "..", a backslash or
    // a drive letter, or come twice. `file` names the archive in messages.
    ZipReader(std::string_view bytes, std::string file, PackageLimits limits = {});
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    // Non-empty when the archive cannot be used at all; it names the file and
    // the entry or part of the archive at fault.
    const std::string& error() const { return error_; }
    // The file entries (folders left out), as named in the archive.
    const std::vector<std::string>& names() const { return names_; }
    bool contains(std::string_view name) const;
    // The entry's bytes, or nothing with `error` naming the file and the entry.
    std::optional<std::string> read(std::string_view name, std::string& error);

private:
    struct Archive;
    std::unique_ptr<Archive> archive_;
    std::string file_;
    PackageLimits limits_;
    std::string error_;
    std::vector<std::string> names_;
    std::vector<std::uint64_t> indexes_, sizes_;
    std::uint64_t inflated_ = 0;  // bytes read so far, against max_total_bytes
};

// Whether an entry name stays inside the archive's own folder; when not, `why` says what is wrong with it.
bool safe_entry_name(std::string_view name, std::string& why);

}  // namespace item_interchange
