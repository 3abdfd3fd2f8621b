#include <fstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include "store/session_store.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

using namespace pocket;
using Catch::Contains;

namespace {

SessionRecord a_session(const std::string& drill, const std::string& when, double bpm) {
  SessionRecord r;
  r.started_at = when;
  r.drill = drill;
  r.settings_json = R"({"bpm": 120, "meter": "4/4", "grid": 8})";
  r.bpm_low = r.bpm_high = bpm;
  r.audio_device = "JACK / system";
  r.precision_bound_ms = 2.67;
  return r;
}

std::vector<StoredStroke> a_bar(std::int64_t bar, double offset_ms) {
  std::vector<StoredStroke> strokes;
  for (int i = 0; i < 8; ++i) {
    const double seconds = bar * 2.0 + i * 0.25 + offset_ms / 1000.0;
    strokes.push_back({std::llround(seconds * 48000), seconds, i % 2 ? "hihat" : "kick", 90,
                       bar * 8 + i, bar, offset_ms});
  }
  return strokes;
}

}  // namespace

TEST_CASE("a new history has the current schema, WAL and foreign keys", "[store]") {
  test::TempDir dir;
  const auto path = dir / "deep" / "folder" / "history.sqlite";
  {
    SessionStore store(path);
    CHECK(store.schema_version() == SessionStore::kSchemaVersion);
  }
  SQLite::Database db(path.string());
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(db.tableExists("sessions"));
  CHECK(db.tableExists("stroke_bars"));
  CHECK_FALSE(db.tableExists("strokes"));  // packed since version 5
  CHECK(db.tableExists("session_digests"));
  CHECK(db.tableExists("ladder_steps"));
}

TEST_CASE("sessions, strokes and steps are written as they go and read back", "[store]") {
  test::TempDir dir;
  SessionStore store(dir / "h.sqlite");
  const std::int64_t id = store.begin_session(a_session("ladder", "2026-11-20T18:00:00Z", 100.0));
  store.add_strokes(id, a_bar(0, 3.0));
  store.add_strokes(id, a_bar(1, -2.0));
  store.add_step(id, {0, 100.0, 2, true, true, 16, 0, 0.5, 2.5, 1.0, 0});

  // Before the end the session is running: what a crash would leave.
  {
    SessionStore reader(dir / "h.sqlite");
    const auto s = reader.session(id);
    REQUIRE(s);
    CHECK(s->unfinished());
    CHECK(reader.strokes(id).size() == 16);
  }
  SessionRecord done = *store.session(id);
  done.status = "finished";
  done.ended_at = "2026-11-20T18:05:00Z";
  done.summary_json = R"({"hits": 16})";
  done.verdict = "stopped early";
  done.bpm_high = 104.0;
  store.finish_session(done);

  const auto s = store.session(id);
  CHECK(s->status == "finished");
  CHECK(s->bpm_high == 104.0);
  CHECK(s->audio_device == "JACK / system");
  const auto strokes = store.strokes(id);
  REQUIRE(strokes.size() == 16);
  CHECK(strokes[9].pad == "hihat");
  CHECK(strokes[9].bar == 1);
  CHECK(strokes[9].offset_ms == -2.0);
  CHECK(strokes[9].frame == std::llround((2.0 + 0.25 - 0.002) * 48000));
  const auto steps = store.steps(id);
  REQUIRE(steps.size() == 1);
  CHECK(steps[0].passed);
  CHECK(steps[0].bpm == 100.0);
}

TEST_CASE("history is newest first and filters by drill, date and count", "[store]") {
  test::TempDir dir;
  SessionStore store(dir / "h.sqlite");
  store.begin_session(a_session("play", "2026-11-01T10:00:00Z", 90.0));
  store.begin_session(a_session("ladder", "2026-11-10T10:00:00Z", 100.0));
  store.begin_session(a_session("play", "2026-11-20T10:00:00Z", 95.0));
  auto rows = store.history({});
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].started_at == "2026-11-20T10:00:00Z");
  CHECK(store.history({"play", "", 20}).size() == 2);
  CHECK(store.history({"", "2026-11-05", 20}).size() == 2);
  CHECK(store.history({"", "", 1}).size() == 1);
}

TEST_CASE("notes and deletion, which removes the strokes too", "[store]") {
  test::TempDir dir;
  SessionStore store(dir / "h.sqlite");
  const std::int64_t id = store.begin_session(a_session("play", "2026-11-20T10:00:00Z", 95.0));
  store.add_strokes(id, a_bar(0, 1.0));
  CHECK(store.set_note(id, "<script>alert(1)</script> felt good"));
  CHECK(store.session(id)->note == "<script>alert(1)</script> felt good");
  CHECK_FALSE(store.set_note(999, "nobody"));
  CHECK(store.remove(id));
  CHECK_FALSE(store.session(id));
  CHECK(store.strokes(id).empty());
  CHECK_FALSE(store.remove(id));
}

TEST_CASE("a version 1 history file is migrated with its data", "[store]") {
  // tests/data/history-v1.sql: the schema as version 1 wrote it, frozen, with two sessions.
  test::TempDir dir;
  const auto path = dir / "old.sqlite";
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(test::read_text(std::filesystem::path(POCKET_TEST_DATA) / "history-v1.sql"));
    REQUIRE(db.execAndGet("PRAGMA user_version").getInt() == 1);
    REQUIRE_FALSE(db.tableExists("goals"));
  }
  SessionStore store(path);
  CHECK(store.schema_version() == SessionStore::kSchemaVersion);

  const auto s = store.session(1);
  REQUIRE(s);
  CHECK(s->started_at == "2026-10-01T09:00:00Z");
  CHECK(s->ended_at == "2026-10-01T09:12:30Z");
  CHECK(s->drill == "ladder");
  CHECK(s->settings_json == R"({"bpm": 88, "meter": "4/4", "grid": 8})");
  CHECK(s->audio_device == "JACK / system");
  CHECK(s->midi_port == "TD-17 MIDI 1");
  CHECK(s->output_latency_ms == 6.4);
  CHECK(s->calibration_ms == -3.5);
  CHECK(s->input_latency_ms == 1.25);
  CHECK(s->precision_bound_ms == 2.67);
  CHECK(s->bpm_low == 88.0);
  CHECK(s->bpm_high == 96.0);
  CHECK(s->status == "finished");
  CHECK(s->summary_json == R"({"hits": 3})");
  CHECK(s->verdict == "stopped early: still at 91 % at 96 BPM");
  CHECK(s->note.empty());               // added by version 2
  CHECK(s->drill_fingerprint.empty());  // added by version 3

  // In time order; the extra stroke keeps its flag, and every click counts as heard.
  const auto strokes = store.strokes(1);
  REQUIRE(strokes.size() == 4);
  CHECK(strokes[0].pad == "kick");
  CHECK(strokes[0].frame == 48000);
  CHECK(strokes[1].pad == "snare");
  CHECK(strokes[1].offset_ms == 4.5);
  CHECK(strokes[1].velocity == 100);
  CHECK(strokes[1].slot == 2);
  CHECK(strokes[2].offset_ms == 15.0);
  CHECK_FALSE(strokes[2].matched);
  CHECK(strokes[3].frame == 64536);
  CHECK(strokes[3].seconds == 1.3445);
  CHECK(strokes[3].offset_ms == -19.0);
  for (const StoredStroke& stroke : strokes) CHECK(stroke.click_heard);

  const auto steps = store.steps(1);
  REQUIRE(steps.size() == 2);
  CHECK(steps[0].passed);
  CHECK(steps[0].hits == 30);
  CHECK(steps[0].slots_within_25ms == 0.875);
  CHECK(steps[1].bpm == 96.0);
  CHECK_FALSE(steps[1].complete);
  CHECK(steps[1].missed == 5);
  CHECK(steps[1].sd_offset_ms == 11.5);
  CHECK(steps[1].first_bar == 4);

  // The crashed session is still there, newest first, and still unfinished.
  const auto rows = store.history({});
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].id == 2);
  CHECK(rows[0].unfinished());
  CHECK(rows[0].ended_at.empty());
  CHECK(store.strokes(2).at(0).offset_ms == -2.5);

  // What later versions added works on the old file.
  CHECK(store.set_note(1, "from the old days"));
  CHECK(store.session(1)->note == "from the old days");
  CHECK(store.goals().empty());
  store.set_goal({"ladder", 120.0, "2027-01-01", "2026-10-02T10:00:00Z"});
  CHECK(store.goal("ladder")->bpm == 120.0);
  CHECK(store.history({"play", "", 20}).size() == 1);
  // The old foreign keys still hold: deleting a session takes its strokes along.
  CHECK(store.remove(2));
  CHECK(store.strokes(2).empty());
}

TEST_CASE("a file that is not a history is refused and left unchanged", "[store]") {
  test::TempDir dir;
  const auto text = dir / "notes.sqlite";
  std::ofstream(text) << "these are my practice notes, not a database\n";
  const auto before = std::filesystem::file_size(text);
  CHECK_THROWS_AS(SessionStore(text), StoreError);
  CHECK_THROWS_WITH(SessionStore(text), Contains("notes.sqlite") && Contains("not a database"));
  CHECK(std::filesystem::file_size(text) == before);

  const auto other = dir / "other.sqlite";
  {
    SQLite::Database db(other.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE recipes (name TEXT)");
  }
  CHECK_THROWS_WITH(SessionStore(other), Contains("not pocket's history"));
  SQLite::Database db(other.string());
  CHECK_FALSE(db.tableExists("sessions"));
}

TEST_CASE("a history from a newer pocket is refused and left unchanged", "[store]") {
  test::TempDir dir;
  const auto path = dir / "future.sqlite";
  {
    SessionStore store(path);
    store.begin_session(a_session("play", "2026-11-20T10:00:00Z", 95.0));
  }
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 99");
  }
  CHECK_THROWS_WITH(SessionStore(path), Contains("newer pocket") && Contains("version 99") &&
                                            Contains("nothing was changed"));
  SQLite::Database db(path.string());
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == 99);
  CHECK(db.execAndGet("SELECT count(*) FROM sessions").getInt() == 1);
}

TEST_CASE("another program's database with a schema version of its own is refused", "[store]") {
  test::TempDir dir;
  const auto path = dir / "app.sqlite";
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE things (name TEXT); PRAGMA user_version = 1");
  }
  CHECK_THROWS_WITH(SessionStore(path), Contains("not pocket's history"));
  SQLite::Database db(path.string());
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "delete");  // untouched, not WAL
  {
    SQLite::Database negative(path.string(), SQLite::OPEN_READWRITE);
    negative.exec("PRAGMA user_version = -3");
  }
  CHECK_THROWS_WITH(SessionStore(path), Contains("not pocket's history"));
}
