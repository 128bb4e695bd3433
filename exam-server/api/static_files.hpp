#pragma once
// The candidate's player: the files candidate-client's build writes (index.html
// and content-hashed assets), served at "/" with caching and the page's
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

// The policy for the player's pages: scripts, styles and connections from this
// server only, no inline script or style, never framed.
inline constexpr std::string_view page_security_policy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

class StaticFiles {
public:
    // Reads the regular files under `root` (symbolic links and dotfiles are skipped).
    // A missing folder is not an error: the API still works, and "/" says how to build the player.
    explicit StaticFiles(const std::filesystem::path& root);

    // The reply for a GET of `path` (percent-decoded), or none when there is no such file.
    std::optional<net::HttpResponse> serve(std::string_view path) const;
    std::size_t file_count() const { return files_.size(); }

private:
    struct File {
        std::string content_type;
        std::string body;
    };
    std::map<std::string, File, std::less<>> files_;
    std::string root_;
};

// Adds GET of any path outside /api/ to the router, answered from `files`.
void add_static_routes(Router& router, const StaticFiles& files);

}  // namespace exam::api
