#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "live/live_session.hpp"
#include "store/session_store.hpp"

namespace pocket {

struct RecordedSession {
  LiveResult result;
  std::optional<std::int64_t> id;  // the session in the history, once it is all there
};

// Runs the session and keeps it in `store` as it goes (see SessionRecorder). `record`: what
// the command knows of the session (its drill, the drill file's fingerprint, the settings);
// the rest comes from `live`.
RecordedSession run_recorded_session(SessionStore& store, SessionRecord record,
                                     const LiveOptions& live);

}  // namespace pocket
