// A history of years: strokes packed a bar to a value, digests of ended sessions, and outlines
// that list many sessions without their strokes.
#include <cmath>
#include <filesystem>
#include <random>

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include "store/session_store.hpp"
#include "store/stroke_packing.hpp"
#include "support/temp_dir.hpp"

using namespace pocket;
using Catch::Contains;

namespace {

// Sixteenths at 100 BPM on three pads, offsets and velocities spread like a player's, with
// extra strokes and clicks left out here and there.
std::vector<StoredStroke> played(std::int64_t count, unsigned seed) {
  std::mt19937 random(seed);
  std::normal_distribution<double> offset(2.0, 9.0);
  std::uniform_int_distribution<int> velocity(1, 127);
  std::vector<StoredStroke> strokes;
  for (std::int64_t slot = 0; slot < count; ++slot) {
    const double ms = offset(random);
    const double seconds = slot * 0.15 + ms / 1000.0;
    strokes.push_back({std::llround(seconds * 48000.0), seconds,
                       slot % 4 == 0   ? "kick"
                       : slot % 8 == 4 ? "snare"
                                       : "hihat",
                       velocity(random), slot, slot / 16, ms, slot % 37 != 0, slot % 11 != 0});
  }
  return strokes;
}

SessionRecord ended(const std::string& drill, const std::string& date) {
  SessionRecord r;
  r.started_at = date + "T18:00:00Z";
  r.ended_at = date + "T18:20:00Z";
  r.drill = drill;
  r.status = "finished";
  r.bpm_low = r.bpm_high = 100.0;
  return r;
}

std::int64_t keep(SessionStore& store, SessionRecord r, const std::vector<StoredStroke>& strokes) {
  r.id = store.begin_session(r);
  for (std::size_t first = 0; first < strokes.size(); first += 16) {
    const std::size_t n = std::min<std::size_t>(16, strokes.size() - first);
    store.add_strokes(r.id, std::span(strokes).subspan(first, n));
  }
  if (!r.ended_at.empty()) store.finish_session(r);
  return r.id;
}

}  // namespace

TEST_CASE("packed strokes read back as written, times and offsets to the microsecond", "[store]") {
  const std::vector<StoredStroke> strokes = played(4000, 1);
  const std::vector<std::uint8_t> packed = pack_strokes(strokes);
  const std::vector<StoredStroke> back = unpack_strokes(packed);
  REQUIRE(back.size() == strokes.size());
  for (std::size_t i = 0; i < strokes.size(); ++i) {
    INFO("stroke " << i);
    CHECK(back[i].frame == strokes[i].frame);
    CHECK(std::abs(back[i].seconds - strokes[i].seconds) <= 0.5e-6);
    CHECK(back[i].pad == strokes[i].pad);
    CHECK(back[i].velocity == strokes[i].velocity);
    CHECK(back[i].slot == strokes[i].slot);
    CHECK(back[i].bar == strokes[i].bar);
    CHECK(std::abs(back[i].offset_ms - strokes[i].offset_ms) <= 0.5e-3);
    CHECK(back[i].matched == strokes[i].matched);
    CHECK(back[i].click_heard == strokes[i].click_heard);
  }
  // Negative times, slots and offsets, and large frames, survive too.
  const std::vector<StoredStroke> odd = {
      {-215, -0.004481, "kick", 0, -1, -1, -4.481, false, false},
      {3'000'000'000, 62500.0, "floor tom", 127, 900000, 56250, 250.0, true, true}};
  const std::vector<StoredStroke> odd_back = unpack_strokes(pack_strokes(odd));
  REQUIRE(odd_back.size() == 2);
  CHECK(odd_back[0].frame == -215);
  CHECK(odd_back[0].seconds == -0.004481);
  CHECK(odd_back[0].slot == -1);
  CHECK(odd_back[0].offset_ms == -4.481);
  CHECK(odd_back[1].frame == 3'000'000'000);
  CHECK(odd_back[1].pad == "floor tom");
  CHECK(odd_back[1].slot == 900000);
  CHECK(unpack_strokes(pack_strokes({})).empty());
}

TEST_CASE("damaged packed strokes are an error, not strokes made up", "[store]") {
  std::vector<std::uint8_t> packed = pack_strokes(played(16, 2));
  CHECK_THROWS_AS(unpack_strokes(std::span(packed).first(packed.size() - 3)), PackingError);
  packed.push_back(0);
  CHECK_THROWS_WITH(unpack_strokes(packed), Contains("past their count"));
  packed[0] = 9;
  CHECK_THROWS_WITH(unpack_strokes(packed), Contains("unknown format"));

  test::TempDir dir;
  SessionStore store(dir / "h.sqlite");
  const std::int64_t id = keep(store, ended("play", "2026-11-20"), played(32, 3));
  {
    SQLite::Database db((dir / "h.sqlite").string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE stroke_bars SET strokes = x'0105' WHERE rowid = 2");
  }
  CHECK_THROWS_WITH(store.strokes(id), Contains("session 1") && Contains("damaged strokes"));
}

TEST_CASE("a stroke takes at most 32 bytes of the history file", "[store]") {
  test::TempDir dir;
  const auto path = dir / "h.sqlite";
  const int sessions = 6;
  const std::int64_t per_session = 8000;
  {
    SessionStore store(path);
    for (int day = 0; day < sessions; ++day) {
      SessionRecord r = ended("paradiddles", "2026-11-" + std::to_string(10 + day));
      r.summary_json = std::string(4000, ' ');  // a summary's size, as `score --json` prints it
      keep(store, r, played(per_session, static_cast<unsigned>(day)));
    }
  }  // closing folds the write-ahead log into the file
  REQUIRE_FALSE(std::filesystem::exists(dir / "h.sqlite-wal"));
  const double bytes = static_cast<double>(std::filesystem::file_size(path));
  const double per_stroke = bytes / (sessions * per_session);
  INFO(per_stroke << " bytes a stroke");
  CHECK(per_stroke <= 32.0);
  CHECK(per_stroke > 8.0);  // the strokes are in the file
  SessionStore store(path);
  CHECK(store.strokes(3).size() == per_session);
}

TEST_CASE("a session's digest is kept, replaced and removed with the session", "[store]") {
  test::TempDir dir;
  SessionStore store(dir / "h.sqlite");
  const std::int64_t a = keep(store, ended("paradiddles", "2026-11-20"), played(32, 4));
  SessionRecord running = ended("paradiddles", "2026-11-21");
  running.ended_at.clear();
  const std::int64_t b = keep(store, running, played(32, 5));
  const std::int64_t c = keep(store, ended("singles-16ths", "2026-11-22"), {});

  // Ended sessions without a digest, oldest first; the running one is not among them.
  CHECK(store.undigested() == std::vector<std::int64_t>{a, c});
  SessionDigest d{30,   2,     1.5,
                  7.25, 0.6,   0.97,
                  0.9,  112.0, {{"kick", 8, 0.5, 6.0, 1.0}, {"hihat", 22, 2.0, 7.5, 0.95}}};
  store.keep_digest(a, d);
  store.keep_digest(c, {0, 0, 0.0, 0.0, 0.0, 0.0, 0.0, std::nullopt, {}});
  CHECK(store.undigested().empty());

  const auto back = store.digest(a);
  REQUIRE(back);
  CHECK(back->hits == 30);
  CHECK(back->missed == 2);
  CHECK(back->sd_offset_ms == 7.25);
  CHECK(back->slots_within_25ms == 0.9);
  CHECK(back->held_bpm == 112.0);
  REQUIRE(back->pads.size() == 2);
  CHECK(back->pads[0].pad == "kick");  // in the order given
  CHECK(back->pads[1].sd_offset_ms == 7.5);
  CHECK_FALSE(store.digest(c)->held_bpm);
  CHECK_FALSE(store.digest(b));

  d.sd_offset_ms = 9.0;
  d.pads.pop_back();
  store.keep_digest(a, d);
  CHECK(store.digest(a)->sd_offset_ms == 9.0);
  CHECK(store.digest(a)->pads.size() == 1);

  // Outlines: newest first, with their digests, filtered like history().
  const std::vector<SessionOutline> all = store.outlines({"", "", -1});
  REQUIRE(all.size() == 3);
  CHECK(all[0].id == c);
  CHECK(all[0].drill == "singles-16ths");
  CHECK(all[1].id == b);
  CHECK(all[1].status == "running");
  CHECK_FALSE(all[1].digest);
  CHECK(all[2].digest->held_bpm == 112.0);
  CHECK(all[2].started_at == "2026-11-20T18:00:00Z");
  CHECK(store.outlines({"paradiddles", "", 1}).size() == 1);
  CHECK(store.count({"paradiddles", "", 1}) == 2);
  CHECK(store.count({"", "2026-11-22", 20}) == 1);

  CHECK(store.remove(a));
  CHECK_FALSE(store.digest(a));
  SQLite::Database db((dir / "h.sqlite").string());
  CHECK(db.execAndGet("SELECT count(*) FROM pad_digests").getInt() == 0);
}

TEST_CASE("a version 4 history's strokes are packed once, with a word on how far it is",
          "[store]") {
  test::TempDir dir;
  const auto path = dir / "v4.sqlite";
  const std::vector<StoredStroke> strokes = played(200, 6);
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrate(db, 0, 4);
    for (int session = 1; session <= 3; ++session) {
      db.exec(
          "INSERT INTO sessions (started_at, drill, ended_at, status) VALUES "
          "('2026-11-20T18:00:00Z', 'play', '2026-11-20T18:05:00Z', 'finished')");
      SQLite::Statement q(db, R"sql(
        INSERT INTO strokes (session_id, frame, seconds, pad, velocity, slot, bar, offset_ms,
          matched, click_heard) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
      // Written out of time order: the reader puts them in order, as version 4 did.
      for (std::size_t i = strokes.size(); i-- > 0;) {
        const StoredStroke& s = strokes[i];
        q.bind(1, session);
        q.bind(2, s.frame);
        q.bind(3, s.seconds);
        q.bind(4, s.pad);
        q.bind(5, s.velocity);
        q.bind(6, s.slot);
        q.bind(7, s.bar);
        q.bind(8, s.offset_ms);
        q.bind(9, s.matched ? 1 : 0);
        q.bind(10, s.click_heard ? 1 : 0);
        q.exec();
        q.reset();
      }
    }
  }
  std::vector<std::pair<std::string, double>> heard;
  SessionStore store(path,
                     [&](const std::string& what, double done) { heard.emplace_back(what, done); });
  CHECK(store.schema_version() == 5);
  REQUIRE_FALSE(heard.empty());
  CHECK(heard.front() == std::pair<std::string, double>{"packing the strokes", 1.0 / 3.0});
  CHECK(std::count(heard.begin(), heard.end(),
                   std::pair<std::string, double>{"packing the strokes", 1.0}) == 1);
  for (std::int64_t session = 1; session <= 3; ++session) {
    const std::vector<StoredStroke> back = store.strokes(session);
    REQUIRE(back.size() == strokes.size());
    for (std::size_t i = 0; i < back.size(); ++i) {
      CHECK(back[i].slot == strokes[i].slot);
      CHECK(back[i].matched == strokes[i].matched);
    }
  }
  CHECK(store.undigested().size() == 3);  // the history's readers fill them in
  CHECK(store.integrity_ok());

  // Opened again: nothing left to do.
  heard.clear();
  SessionStore again(path,
                     [&](const std::string& what, double done) { heard.emplace_back(what, done); });
  CHECK(heard.empty());
}
