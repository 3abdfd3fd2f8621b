#pragma once

#include <string>

#include "live/live_session.hpp"

namespace pocket {

// The results of a session as JSON: the keys of `pocket score --json`, plus the session's.
std::string live_result_json(const LiveOptions& options, const LiveResult& result);

}  // namespace pocket
