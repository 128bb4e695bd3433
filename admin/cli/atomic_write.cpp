#include "atomic_write.hpp"

#include <fstream>

namespace exam_admin {

std::string write_file_atomically(const std::filesystem::path& path, const std::string& content) {
    const std::filesystem::path temporary = path.string() + ".partial";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << content;
        out.flush();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            return "cannot write " + temporary.string();
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        return "cannot write " + path.string();
    }
    return "";
}

}  // namespace exam_admin
