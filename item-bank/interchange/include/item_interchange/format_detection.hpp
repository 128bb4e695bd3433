#pragma once
// Which interchange format a file holds, judged from its content alone: a file
// name says nothing reliable about what an authoring tool wrote.

#include <string>
#include <string_view>

namespace item_interchange {

enum class SourceFormat { unknown, gift, moodle_xml, qti, zip_package };

// XML is told apart by its root element (<quiz> is Moodle; QTI namespaces are
// recognised by the QTI reader, which also rejects the unknown ones); a zip by
// its magic bytes; anything else that is text with a GIFT answer block is GIFT.
SourceFormat detect_format(std::string_view content);

}  // namespace item_interchange
