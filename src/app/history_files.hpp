#pragma once

#include <string>

#include "store/session_store.hpp"

namespace pocket::app {

// The history to use: --db, else POCKET_DB, else the default. A history from an older pocket
// is brought up to date first, once, with a progress line on a terminal.
SessionStore open_store(const std::string& db_option);
// The same, for a command that will write to it: throws StoreError, naming the file, why it
// cannot be written and `remedy` (what the player can do), before anything starts.
SessionStore open_writable_store(const std::string& db_option, const std::string& remedy);

}  // namespace pocket::app
