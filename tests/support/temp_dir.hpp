#pragma once
// A folder that exists for one test and is removed after it.

#include <filesystem>
#include <string>

namespace exam_test {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    // Writes `content` to a file under the folder (creating subfolders) and returns its path.
    std::filesystem::path write(const std::string& relative, const std::string& content) const;

private:
    std::filesystem::path path_;
};

}  // namespace exam_test
