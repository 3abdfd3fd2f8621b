#pragma once

#include <cstdint>
#include <span>

#include "session_record.hpp"

namespace SQLite {
class Database;
}

namespace pocket {

// Writes a session's strokes into stroke_bars, a packed value (stroke_packing.hpp) for each run
// of strokes of one bar: a live session's bar comes whole; a file's or a recovered session's,
// or a version 4 history's, is cut at the bar lines. Within the caller's transaction.
void insert_stroke_bars(SQLite::Database& db, std::int64_t session,
                        std::span<const StoredStroke> strokes);

}  // namespace pocket
