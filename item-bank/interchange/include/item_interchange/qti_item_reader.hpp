#pragma once
// IMS QTI 2.1, 2.2 and 3.0 single item files: a choiceInteraction item becomes
// an item (shuffle, fixed choices, min/max choices, the key, mapping as
// weights, feedback); its response processing must be a standard template, in
// any of the spellings real files use, or one of the common hand-written
// idioms, else the item is a draft marked as custom scoring needing review.
// A QTI 3.0 namespace with 2.x element names, or an unknown namespace, rejects
// the file.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "item_interchange/ac_mapping.hpp"
#include "item_interchange/import_report.hpp"

namespace item_interchange {

// What a content package's manifest says about one of its items.
struct ItemMetadata {
    std::vector<CriterionReference> criteria;  // in the order found: the first is primary
    std::string status;                        // LOM lifeCycle status ("final", "draft", ...), "" when not given
};

// The bytes of the file a picture's src names (relative to the item file), or
// nothing with `why` saying why not.
using QtiPictureFetch = std::function<std::optional<std::string>(std::string_view src, std::string& why)>;

// A scorer's (or author's, tutor's) rubric block in the body is the rationale;
// the metadata's criteria map the item, and a status other than "final" keeps
// it a draft (rule "source-status"). Pictures are kept when `fetch_picture`
// can find them (a package's entries); an item file read alone keeps none.
FileReport read_qti_item(std::string_view content, const std::string& file, const ImportOptions& options,
                         const ItemMetadata& metadata = {}, const QtiPictureFetch& fetch_picture = {});

// "match_correct", "map_response" or "" for a response-processing template URI.
std::string standard_template(std::string_view uri);

}  // namespace item_interchange
