#include "api/static_files.hpp"

#include <fstream>
#include <iterator>
#include <system_error>

#include "api/json_reply.hpp"
#include "api/router.hpp"

namespace exam::api {
namespace fs = std::filesystem;

namespace {

std::string content_type_of(const fs::path& file) {
    const auto ext = file.extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".js") return "text/javascript; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".json") return "application/json";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".ico") return "image/x-icon";
    if (ext == ".woff2") return "font/woff2";
    if (ext == ".txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

bool hidden(const fs::path& relative) {
    for (const auto& part : relative) {
        if (part.string().starts_with('.')) return true;
    }
    return false;
}

}  // namespace

StaticFiles::StaticFiles(const fs::path& root, std::string mount, bool app_paths, std::string_view policy)
    : root_(root.string()), mount_(std::move(mount)), app_paths_(app_paths), policy_(policy) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) return;
    for (fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end; !ec && it != end;
         it.increment(ec)) {
        const auto status = it->symlink_status(ec);
        if (ec || !fs::is_regular_file(status)) continue;
        const auto relative = it->path().lexically_relative(root);
        if (relative.empty() || hidden(relative)) continue;
        std::ifstream in(it->path(), std::ios::binary);
        if (!in) continue;
        File f{content_type_of(it->path()), std::string(std::istreambuf_iterator<char>(in), {})};
        files_.emplace(relative.generic_string(), std::move(f));
    }
}

std::optional<net::HttpResponse> StaticFiles::serve(std::string_view path) const {
    if (!path.starts_with(mount_)) return std::nullopt;
    std::string_view name = path.substr(mount_.size());
    if (name.empty()) name = "index.html";
    auto it = files_.find(name);
    if (it == files_.end() && app_paths_ && !name.starts_with("assets/") &&
        name.substr(name.find_last_of('/') + 1).find('.') == std::string_view::npos) {
        it = files_.find(std::string_view("index.html"));
    }
    if (it == files_.end()) return std::nullopt;
    net::HttpResponse r;
    r.content_type = it->second.content_type;
    r.body = it->second.body;
    // Names under assets/ carry a hash of their content, so they never change:
    // browsers keep them. Everything else (index.html) is checked on every load.
    const bool hashed = name.starts_with("assets/");
    r.headers.emplace_back("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    r.headers.emplace_back("Content-Security-Policy", policy_);
    return r;
}

void add_static_routes(Router& router, const StaticFiles& player, const StaticFiles& console) {
    router.set_fallback("GET", [&player, &console](const net::HttpRequest& req, const RouteParams&, net::Responder respond) {
        const std::string_view bare_mount = std::string_view(console.mount()).substr(0, console.mount().size() - 1);
        if (req.path == bare_mount) {
            net::HttpResponse r;
            r.status = 308;
            r.content_type = "text/plain; charset=utf-8";
            r.headers.emplace_back("Location", console.mount());
            r.body = "the staff console is at " + console.mount() + "\n";
            return respond(std::move(r));
        }
        if (req.path.starts_with(console.mount())) {
            if (auto r = console.serve(req.path)) return respond(std::move(*r));
            if (console.file_count() == 0) {
                return respond(error_reply(404, "console_not_built",
                                           "the staff console is not built: run scripts/build.sh (it needs node and npm)"));
            }
            return respond(error_reply(404, "not_found", "no such page: " + req.path));
        }
        if (auto r = player.serve(req.path)) return respond(std::move(*r));
        if (player.file_count() == 0 && (req.path == "/" || req.path == "/index.html")) {
            return respond(error_reply(404, "player_not_built",
                                       "the candidate's player is not built: run scripts/build.sh (it needs node and npm)"));
        }
        respond(error_reply(404, "not_found", "no such page: " + req.path));
    });
}

}  // namespace exam::api
