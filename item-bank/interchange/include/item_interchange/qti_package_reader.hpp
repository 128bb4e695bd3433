#pragma once
// IMS QTI 2.1 (also 2.2) and 3.0 content packages: a zip with imsmanifest.xml
// at its root. Each item resource is read by the QTI item reader, with its AC
// mapping and review status taken from the resource's metadata (curriculum
// standards GUIDs and LOM classification taxon ids "AC:<unit>:<criterion>", a
// LOM taxon path unit > … > criterion, the LOM lifeCycle status). Tests and
// media are reported as not imported.
//
// Nothing is ever written to disk: entries are read into memory within the
// limits. Entry names or manifest hrefs that leave the package, a truncated or
// damaged zip, a missing or malformed manifest, an href to a file the package
// does not hold, or a malformed item reject the whole package, with a message
// naming the file and the place inside it.

#include <string>
#include <string_view>

#include "item_interchange/import_report.hpp"
#include "item_interchange/zip_archive.hpp"

namespace item_interchange {

// The report's format is the package's: "qti30", or "qti21" ("qti22" when its
// item resources say 2.2).
FileReport read_qti_package(std::string_view content, const std::string& file, const ImportOptions& options,
                            const PackageLimits& limits = {});

}  // namespace item_interchange
