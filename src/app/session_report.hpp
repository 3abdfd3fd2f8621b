#pragma once

#include <cstdint>
#include <filesystem>

#include "store/session_store.hpp"

namespace pocket::app {

// Writes session `id` of the history as one self-contained HTML page with charts. Throws
// UsageError when there is no such session, std::runtime_error when the file cannot be written.
void write_session_report(const SessionStore& store, std::int64_t id,
                          const std::filesystem::path& out);

}  // namespace pocket::app
