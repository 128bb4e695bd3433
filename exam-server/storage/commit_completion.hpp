#pragma once
// The bridge between a database's write completion (nothing, or the error)
// and a store's (Done, or the error), the same for every engine.

#include <functional>
#include <optional>
#include <utility>

#include "domain/result.hpp"

namespace exam::storage {

using WriteDone = std::function<void(std::optional<domain::Error>)>;

// Done on commit, else the error.
inline WriteDone on_commit(domain::Completion<domain::Done> done) {
    return [done = std::move(done)](std::optional<domain::Error> e) {
        if (e) return done(*e);
        done(domain::Done{});
    };
}

}  // namespace exam::storage
