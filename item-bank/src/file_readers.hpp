#pragma once
// One reader per file format. Each turns a parsed JSON document into model
// objects, reporting what is wrong inside the file; what spans files (unit
// references, duplicate ids, pools) is checked afterwards by the bank loader.

#include <boost/json/value.hpp>

#include <string>
#include <vector>

#include "item_bank/item.hpp"
#include "item_bank/qualification.hpp"
#include "item_bank/test_specification.hpp"
#include "json_reader.hpp"

namespace item_bank::detail {

template <class T>
struct Located {
    T value;
    std::string file;
    std::string pointer;
};

struct ParsedFiles {
    std::vector<Located<Unit>> units;
    std::vector<Located<Qualification>> qualifications;
    std::vector<Located<Item>> items;
    std::vector<Located<TestSpecification>> tests;
};

void read_specification_file(const boost::json::value& doc, FileContext& ctx, ParsedFiles& out);
void read_items_file(const boost::json::value& doc, FileContext& ctx, ParsedFiles& out);
void read_test_specification_file(const boost::json::value& doc, FileContext& ctx, ParsedFiles& out);

bool is_code(std::string_view s);        // unit codes and qualification ids
bool is_simple_id(std::string_view s);   // item, form and group ids

}  // namespace item_bank::detail
