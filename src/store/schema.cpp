// The history's schema, as a list of forward migrations.
#include <SQLiteCpp/SQLiteCpp.h>

#include <fmt/format.h>

#include "session_store.hpp"
#include "stroke_bars.hpp"

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

// Version 5: a history of years. Strokes packed a bar to a value (see stroke_packing.hpp),
// and a digest of each session that has ended, so that progress, goals and a ladder's cap read
// one row a session instead of every stroke. The digests of older sessions are filled in by
// the history's readers (history/session_digest.hpp), which rebuild the analysis.
constexpr const char* kVersion5 = R"sql(
CREATE TABLE stroke_bars (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  strokes BLOB NOT NULL
);
CREATE INDEX stroke_bars_by_session ON stroke_bars(session_id);
CREATE TABLE session_digests (
  session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
  hits INTEGER NOT NULL,
  missed INTEGER NOT NULL,
  mean_offset_ms REAL NOT NULL,
  sd_offset_ms REAL NOT NULL,
  within_10ms REAL NOT NULL,
  within_25ms REAL NOT NULL,
  slots_within_25ms REAL NOT NULL,
  held_bpm REAL
);
CREATE TABLE pad_digests (
  session_id INTEGER NOT NULL REFERENCES session_digests(session_id) ON DELETE CASCADE,
  pad_order INTEGER NOT NULL,
  pad TEXT NOT NULL,
  hits INTEGER NOT NULL,
  mean_offset_ms REAL NOT NULL,
  sd_offset_ms REAL NOT NULL,
  within_25ms REAL NOT NULL,
  PRIMARY KEY (session_id, pad_order)
) WITHOUT ROWID;
)sql";

// Each session's strokes of the version 4 table, packed a bar at a time in the order they
// were written, then the table goes. True when there were any.
bool pack_version4_strokes(SQLite::Database& db, const StoreProgress& progress) {
  std::vector<std::int64_t> sessions;
  SQLite::Statement ids(db, "SELECT DISTINCT session_id FROM strokes ORDER BY session_id");
  while (ids.executeStep()) sessions.push_back(ids.getColumn(0).getInt64());
  SQLite::Statement read(db, R"sql(
    SELECT frame, seconds, pad, velocity, slot, bar, offset_ms, matched, click_heard FROM strokes
    WHERE session_id = ? ORDER BY rowid)sql");
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    read.bind(1, sessions[i]);
    std::vector<StoredStroke> strokes;
    while (read.executeStep()) {
      strokes.push_back({read.getColumn(0).getInt64(), read.getColumn(1).getDouble(),
                         read.getColumn(2).getString(), read.getColumn(3).getInt(),
                         read.getColumn(4).getInt64(), read.getColumn(5).getInt64(),
                         read.getColumn(6).getDouble(), read.getColumn(7).getInt() != 0,
                         read.getColumn(8).getInt() != 0});
    }
    read.reset();
    insert_stroke_bars(db, sessions[i], strokes);
    if (progress) progress("packing the strokes", static_cast<double>(i + 1) / sessions.size());
  }
  db.exec("DROP TABLE strokes");
  return !sessions.empty();
}

struct Migration {
  const char* sql;
  bool (*then)(SQLite::Database&, const StoreProgress&);  // true: it rewrote data
};

constexpr Migration kMigrations[] = {{kVersion1, nullptr},
                                     {kVersion2, nullptr},
                                     {kVersion3, nullptr},
                                     {kVersion4, nullptr},
                                     {kVersion5, pack_version4_strokes}};

}  // namespace

bool migrate(SQLite::Database& db, int from_version, int to_version,
             const StoreProgress& progress) {
  bool rewrote = false;
  for (int version = from_version; version < to_version; ++version) {
    // Immediate: a second pocket opening the same new file waits here, then sees the work done.
    db.exec("BEGIN IMMEDIATE");
    try {
      if (db.execAndGet("PRAGMA user_version").getInt() == version) {
        const Migration& m = kMigrations[version];
        db.exec(m.sql);
        if (m.then != nullptr && m.then(db, progress)) rewrote = true;
        db.exec(fmt::format("PRAGMA user_version = {}", version + 1));
      }
      db.exec("COMMIT");
    } catch (...) {
      db.exec("ROLLBACK");
      throw;
    }
  }
  return rewrote;
}

}  // namespace pocket
