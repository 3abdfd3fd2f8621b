// The history's schema, as a list of forward migrations.
#include <SQLiteCpp/SQLiteCpp.h>

#include <fmt/format.h>

#include "session_store.hpp"

namespace pocket {

namespace {

// Version 1: sessions, ladder steps and every stroke.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  drill TEXT NOT NULL,
  settings TEXT NOT NULL DEFAULT '{}',
  audio_device TEXT NOT NULL DEFAULT '',
  midi_port TEXT NOT NULL DEFAULT '',
  output_latency_ms REAL NOT NULL DEFAULT 0,
  calibration_ms REAL NOT NULL DEFAULT 0,
  input_latency_ms REAL NOT NULL DEFAULT 0,
  precision_bound_ms REAL NOT NULL DEFAULT 0,
  bpm_low REAL NOT NULL DEFAULT 0,
  bpm_high REAL NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'running',
  summary TEXT NOT NULL DEFAULT '',
  verdict TEXT NOT NULL DEFAULT ''
);
CREATE TABLE ladder_steps (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  step INTEGER NOT NULL,
  bpm REAL NOT NULL,
  bars INTEGER NOT NULL,
  complete INTEGER NOT NULL,
  passed INTEGER NOT NULL,
  hits INTEGER NOT NULL,
  missed INTEGER NOT NULL,
  mean_offset_ms REAL NOT NULL,
  sd_offset_ms REAL NOT NULL,
  slots_within_25ms REAL NOT NULL,
  first_bar INTEGER NOT NULL,
  PRIMARY KEY (session_id, step)
);
CREATE TABLE strokes (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  frame INTEGER NOT NULL,
  seconds REAL NOT NULL,
  pad TEXT NOT NULL,
  velocity INTEGER NOT NULL,
  slot INTEGER NOT NULL,
  bar INTEGER NOT NULL,
  offset_ms REAL NOT NULL,
  matched INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX strokes_by_session ON strokes(session_id, seconds);
)sql";

// Version 2: the player's own notes on a session, and history by date.
constexpr const char* kVersion2 = R"sql(
ALTER TABLE sessions ADD COLUMN note TEXT NOT NULL DEFAULT '';
CREATE INDEX sessions_by_date ON sessions(started_at);
)sql";

// Version 3: drills. Which version of a drill file a session played, whether each stroke's
// click was heard (click modes leave clicks out), and the player's goals per drill.
constexpr const char* kVersion3 = R"sql(
ALTER TABLE sessions ADD COLUMN drill_fingerprint TEXT NOT NULL DEFAULT '';
ALTER TABLE strokes ADD COLUMN click_heard INTEGER NOT NULL DEFAULT 1;
CREATE INDEX sessions_by_drill ON sessions(drill, started_at);
CREATE TABLE goals (
  drill TEXT PRIMARY KEY,
  bpm REAL NOT NULL,
  by_date TEXT NOT NULL DEFAULT '',
  set_at TEXT NOT NULL
);
)sql";

// Version 4: sessions brought in from a recovery file (`pocket import`) carry the file's id,
// so that the same file is not imported twice.
constexpr const char* kVersion4 = R"sql(
ALTER TABLE sessions ADD COLUMN recovery_id TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX sessions_by_recovery ON sessions(recovery_id) WHERE recovery_id != '';
)sql";

constexpr const char* kMigrations[] = {kVersion1, kVersion2, kVersion3, kVersion4};

}  // namespace

void migrate(SQLite::Database& db, int from_version, int to_version) {
  for (int version = from_version; version < to_version; ++version) {
    // Immediate: a second pocket opening the same new file waits here, then sees the work done.
    db.exec("BEGIN IMMEDIATE");
    try {
      if (db.execAndGet("PRAGMA user_version").getInt() == version) {
        db.exec(kMigrations[version]);
        db.exec(fmt::format("PRAGMA user_version = {}", version + 1));
      }
      db.exec("COMMIT");
    } catch (...) {
      db.exec("ROLLBACK");
      throw;
    }
  }
}

}  // namespace pocket
