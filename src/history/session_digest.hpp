#pragma once

#include <cstdint>
#include <vector>

#include "history/stored_session.hpp"
#include "store/session_store.hpp"

namespace pocket {

// A session's digest, from its analysis as `show` rebuilds it and the tempo it held.
SessionDigest digest_of(const StoredSession& session);

// The session's digest with its pads: the one kept, else rebuilt from its strokes.
SessionDigest full_digest(const SessionStore& store, std::int64_t id);

// Keeps the digest of a session that has ended; false when the history could not take it now
// (fill_in_digests keeps it later). One that has not ended (still playing, or never ended
// cleanly) gets none: readers rebuild it while they need it.
bool keep_digest(SessionStore& store, std::int64_t id);

// Keeps the digests of every session that ended without one: those of a history from before
// digests, once. `progress` hears how far it is (sessions done, of all). Returns how many.
// A history that cannot be written now is left as it is: its readers rebuild what is missing.
std::size_t fill_in_digests(SessionStore& store, const StoreProgress& progress = {});

// The outlines of the filter's sessions, newest first, each with its digest: kept, or rebuilt
// for a session without one.
std::vector<SessionOutline> digested_outlines(const SessionStore& store,
                                              const HistoryFilter& filter);

}  // namespace pocket
