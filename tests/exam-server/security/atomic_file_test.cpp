#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "security/atomic_file.hpp"
#include "temp_dir.hpp"

using namespace exam::security;
namespace fs = std::filesystem;

namespace {
std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}
fs::perms permissions(const fs::path& path) { return fs::status(path).permissions() & fs::perms::mask; }
}  // namespace

TEST(SecurityAtomicFile, WritesWithExactlyTheModeAsked) {
    const exam_test::TempDir dir;
    const auto secret = dir.path() / "secret.pem";
    write_file_atomically(secret, "key", 0600);
    EXPECT_EQ(read(secret), "key");
    EXPECT_EQ(permissions(secret), fs::perms::owner_read | fs::perms::owner_write);

    const auto shared = dir.path() / "shared.pem";
    write_file_atomically(shared, std::string(100'000, 'x'), 0644);
    EXPECT_EQ(read(shared), std::string(100'000, 'x'));
    EXPECT_EQ(permissions(shared), fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                                       fs::perms::others_read);
}

TEST(SecurityAtomicFile, ReplacesAndLeavesNoTemporaryFiles) {
    const exam_test::TempDir dir;
    const auto target = dir.write("file.txt", "old");
    write_file_atomically(target, "new", 0600);
    EXPECT_EQ(read(target), "new");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(SecurityAtomicFile, FailureLeavesTheTargetAlone) {
    const exam_test::TempDir dir;
    EXPECT_THROW(write_file_atomically(dir.path() / "missing" / "file.txt", "x", 0600), std::system_error);
    // A directory in the way: the rename fails, and the temporary file goes.
    fs::create_directory(dir.path() / "taken");
    dir.write("taken/inside", "x");
    EXPECT_THROW(write_file_atomically(dir.path() / "taken", "x", 0600), std::system_error);
    EXPECT_TRUE(fs::is_directory(dir.path() / "taken"));
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}
