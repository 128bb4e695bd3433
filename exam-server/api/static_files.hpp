#pragma once
// The browser clients: the candidate's player (candidate-client's build:
// index.html and content-hashed assets) served at "/", and the staff console
// (admin/console's build) at "/staff/", each with caching and the pages'
// security headers. Every file is read into memory once, at start: the player
// is a few files of some kilobytes, and a request then never touches the disk.
// A request names a file only by looking it up among the names found at start,
// so no path (with "..", "%2e%2e", "//" or a symbolic link) can reach anything
// else.

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "net/http_types.hpp"

namespace exam::api {

class Router;

// The policy for the clients' pages: scripts, styles and connections from this
// server only, no inline script or style, never framed.
inline constexpr std::string_view page_security_policy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
// The player's: the same, and pictures from blob: URLs too. An item's picture
// is fetched with the candidate's token, which never goes in a URL, so the page
// shows the bytes it fetched through a blob: URL of its own; nothing else needs
// blob:, so only img-src has it.
inline constexpr std::string_view player_security_policy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; font-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

class StaticFiles {
public:
    // Reads the regular files under `root` (symbolic links and dotfiles are
    // skipped), to be served under `mount` ("/" or "/staff/"). A missing folder
    // is not an error: the API still works, and the mount says how to build it.
    // With `app_paths`, a path under the mount that names no file and has no
    // extension ("/staff/sessions/4/room") gets index.html: the page's own
    // router shows it, so every page has an address that can be reloaded.
    // Every file is served with the Content-Security-Policy `policy`.
    explicit StaticFiles(const std::filesystem::path& root, std::string mount = "/", bool app_paths = false,
                         std::string_view policy = page_security_policy);

    // The reply for a GET of `path` (percent-decoded), or none when there is no such file.
    std::optional<net::HttpResponse> serve(std::string_view path) const;
    std::size_t file_count() const { return files_.size(); }
    const std::string& mount() const { return mount_; }

private:
    struct File {
        std::string content_type;
        std::string body;
    };
    std::map<std::string, File, std::less<>> files_;
    std::string root_;
    std::string mount_;
    bool app_paths_;
    std::string policy_;
};

// Adds GET of any path outside /api/ to the router: the staff console's paths
// from `console`, everything else from `player`.
void add_static_routes(Router& router, const StaticFiles& player, const StaticFiles& console);

}  // namespace exam::api
