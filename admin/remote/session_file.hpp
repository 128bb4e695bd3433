#pragma once
// Where `exam-admin login` keeps the server's URL, the certificate to trust
// and the staff token, for the commands after it: a file only its owner may
// read (0600, in a 0700 folder), because the token is a log-in.
//
// The file: --session-file, else $EXAM_ADMIN_SESSION, else
// $XDG_CONFIG_HOME/exam-admin/session, else ~/.config/exam-admin/session.

#include <filesystem>
#include <optional>
#include <string>

namespace exam_admin {

struct SavedSession {
    std::string server;   // https://host:port
    std::string ca_file;  // empty: the system's trust store
    std::string token;
    std::string username;
};

std::filesystem::path session_file_location(const std::string& flag_value);

// nullopt when there is no file; throws std::runtime_error when it is unreadable or malformed.
std::optional<SavedSession> load_session(const std::filesystem::path& file);
// Replaces the file whole; throws std::system_error.
void save_session(const std::filesystem::path& file, const SavedSession& session);
void remove_session(const std::filesystem::path& file);

}  // namespace exam_admin
