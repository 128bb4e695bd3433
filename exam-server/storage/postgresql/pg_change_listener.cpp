#include "storage/postgresql/pg_change_listener.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <chrono>
#include <memory>

namespace exam::storage::postgresql {
namespace {

// How often a quiet listener looks at its stop flag, and how long it waits
// between attempts to reconnect to a server that is away.
constexpr int poll_ms = 200;
constexpr auto retry_after = std::chrono::milliseconds(500);

struct Finish {
    void operator()(PGconn* c) const { PQfinish(c); }
};

// change_payload()'s text back into `node` and `change`; false for anything else.
bool parse_change(const std::string& payload, std::string& node, Change& change) {
    const auto first = payload.find(' ');
    if (first == std::string::npos) return false;
    const auto second = payload.find(' ', first + 1);
    if (second == std::string::npos) return false;
    node = payload.substr(0, first);
    change.topic = payload.substr(first + 1, second - first - 1);
    change.key = payload.substr(second + 1);
    return !node.empty() && !change.topic.empty();
}

// Runs a handler; false when it threw (a read failed while the database is away).
template <class Handler>
bool call(Handler handler) noexcept {
    try {
        handler();
        return true;
    } catch (...) {
        return false;
    }
}

}  // namespace

std::string change_payload(const std::string& node, const Change& change) {
    return node + " " + change.topic + " " + change.key;
}


PgChangeListener::PgChangeListener(std::string conninfo, std::string node, ChangeHandlers handlers)
    : conninfo_(std::move(conninfo)), node_(std::move(node)), handlers_(std::move(handlers)), thread_([this] { run(); }) {}

PgChangeListener::~PgChangeListener() { stop(); }

void PgChangeListener::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

bool PgChangeListener::wait_before_retry() {
    std::unique_lock lock(mutex_);
    return !wake_.wait_for(lock, retry_after, [this] { return stopping_; });
}

void PgChangeListener::run() {
    while (listen_once() && wait_before_retry()) {
    }
}

bool PgChangeListener::listen_once() {
    std::unique_ptr<PGconn, Finish> connection(PQconnectdb(conninfo_.c_str()));
    if (!connection || PQstatus(connection.get()) != CONNECTION_OK) return true;  // away: try again
    const std::string listen = std::string("LISTEN ") + change_channel;
    PGresult* result = PQexec(connection.get(), listen.c_str());
    const bool listening = PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
    if (!listening) return true;
    // Whatever changed while no one listened is unknown: the node re-reads.
    bool resync_due = true;
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) return false;
        }
        // A re-read that fails (the database is still coming back) is tried
        // again on the next turn; so is one owed to a change that could not be read.
        if (resync_due && handlers_.resync) resync_due = !call([this] { handlers_.resync(); });
        pollfd fd{PQsocket(connection.get()), POLLIN, 0};
        if (fd.fd < 0) return true;
        const int ready = ::poll(&fd, 1, poll_ms);
        if (ready < 0) return true;
        if (ready == 0) continue;
        if (PQconsumeInput(connection.get()) == 0) return true;  // the server went away
        while (PGnotify* n = PQnotifies(connection.get())) {
            std::string node;
            Change change;
            if (parse_change(n->extra, node, change) && node != node_ && handlers_.changed) {
                if (!call([&] { handlers_.changed(change); })) resync_due = true;
            }
            PQfreemem(n);
        }
    }
}

}  // namespace exam::storage::postgresql
