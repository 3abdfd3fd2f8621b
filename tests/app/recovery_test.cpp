// A history that cannot be written: said before anything starts; a session kept in a recovery
// file comes back with `pocket import`, once; two pockets writing one history at once.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "live/recovery_file.hpp"
#include "store/session_store.hpp"
#include "support/history_fixture.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

using namespace pocket;
using Catch::Contains;
using Catch::StartsWith;

namespace {

const std::string kGroove = std::string(POCKET_SEEDS_DIR) + "/groove.mid";

// pocket as a player without special rights: root writes to read-only files, so under root
// it runs as nobody (whose config folder is the test's).
test::CommandResult pocket_as_player(const test::TempDir& dir, std::vector<std::string> args) {
  std::vector<std::string> all;
  if (geteuid() == 0)
    all = {"--reuid=65534", "--regid=65534", "--clear-groups", "--", POCKET_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  const std::string program = geteuid() == 0 ? "/usr/bin/setpriv" : POCKET_BINARY;
  return test::run_command(
      "/usr/bin/env",
      [&] {
        std::vector<std::string> e = {"XDG_CONFIG_HOME=" + (dir / "config").string(), program};
        e.insert(e.end(), all.begin(), all.end());
        return e;
      }(),
      dir.path());
}

// Lets the player (nobody, under root) into the test's folder.
void open_to_all(const std::filesystem::path& folder) { chmod(folder.c_str(), 0755); }

// Writes a session to a history the way pocket does, then one to a recovery file.
RecoveredSession a_recovered_session(const std::filesystem::path& history) {
  RecoveredSession s;
  s.recovery_id = new_recovery_id();
  s.history = history.string();
  s.problem = "database or disk is full";
  s.record.started_at = "2026-11-25T21:30:00Z";
  s.record.ended_at = "2026-11-25T21:35:00Z";
  s.record.drill = "play";
  s.record.settings_json = R"({"bpm":120,"grid":4,"meter":"4/4"})";
  s.record.status = "interrupted";
  s.record.summary_json = R"({"hits":12})";
  s.record.verdict = "on the click";
  s.record.bpm_low = s.record.bpm_high = 120.0;
  for (int i = 0; i < 12; ++i) {
    const double seconds = 2.0 + i * 0.5 + 0.003;
    s.strokes.push_back({std::llround(seconds * 48000), seconds, i % 2 ? "snare" : "kick", 90 + i,
                         i, i / 4, 3.0 + i * 0.25, i != 5, i != 7});
  }
  s.steps.push_back({0, 120.0, 3, true, true, 12, 0, 3.5, 1.2, 1.0, 0});
  return s;
}

}  // namespace

TEST_CASE("a read-only history file stops play and score before anything starts",
          "[history][recovery]") {
  test::TempDir dir;
  open_to_all(dir.path());
  const auto db = (dir / "history.sqlite").string();
  REQUIRE(test::run_command(POCKET_BINARY, {"score", kGroove, "--save", "--db", db}, dir.path())
              .exit_code == 0);
  chmod(db.c_str(), 0444);
  chmod(dir.path().c_str(), 0777);  // the folder may be written: only the file is read-only

  // No audio server runs here: reaching the devices would fail with another message.
  const auto play = pocket_as_player(
      dir, {"play", "--midi-api", "jack", "--midi-in", "virtual", "--db", db, "--view", "lines"});
  CHECK(play.exit_code == 4);  // the history
  CHECK(play.err == "pocket play: cannot write the history " + db +
                        " (read-only): fix its permissions, use --db FILE, or --no-save\n");
  CHECK(play.out.empty());

  const auto score = pocket_as_player(dir, {"score", kGroove, "--save", "--db", db});
  CHECK(score.exit_code == 4);
  CHECK_THAT(score.err, StartsWith("pocket score: cannot write the history " + db +
                                   " (read-only): fix its permissions, or use --db FILE"));
  // Reading it still works, and nothing was added.
  const auto history = pocket_as_player(dir, {"history", "--db", db});
  CHECK(history.exit_code == 0);
  CHECK(SessionStore(db).history({}).size() == 1);
}

TEST_CASE("a read-only or missing folder stops play before anything starts",
          "[history][recovery]") {
  test::TempDir dir;
  open_to_all(dir.path());
  const auto locked = dir / "locked";
  std::filesystem::create_directory(locked);
  chmod(locked.c_str(), 0555);
  const auto db = (locked / "history.sqlite").string();
  const std::vector<std::string> play = {"play",    "--midi-api", "jack",  "--midi-in",
                                         "virtual", "--view",     "lines", "--db"};

  auto args = play;
  args.push_back(db);
  const auto new_file = pocket_as_player(dir, args);
  CHECK(new_file.exit_code == 4);
  CHECK(new_file.err == "pocket play: cannot open the history " + db + " (its folder " +
                            locked.string() +
                            " is read-only): fix its permissions, use --db FILE, or --no-save\n");

  args = play;
  args.push_back((locked / "more" / "history.sqlite").string());
  const auto no_folder = pocket_as_player(dir, args);
  CHECK(no_folder.exit_code == 4);
  CHECK_THAT(no_folder.err,
             StartsWith("pocket play: cannot make the folder of the history " +
                        (locked / "more" / "history.sqlite").string() + ": Permission denied") &&
                 Contains("--no-save"));
  CHECK_FALSE(std::filesystem::exists(locked / "history.sqlite"));
  CHECK_FALSE(std::filesystem::exists(locked / "more"));
}

TEST_CASE("a recovery file is imported whole, once, in place of the partial copy",
          "[history][recovery]") {
  test::History h;
  // The partial copy a failing session leaves: begun, a bar written, never finished.
  RecoveredSession s = a_recovered_session(h.db);
  {
    SessionStore store(h.db);
    REQUIRE(store.begin_session(s.record) == 1);  // another session, kept as it is
    SessionRecord partial = s.record;
    s.history_session = store.begin_session(partial);
    store.add_strokes(*s.history_session,
                      std::vector<StoredStroke>(s.strokes.begin(), s.strokes.begin() + 4));
  }
  const auto file = write_recovery_file(s);
  CHECK(file.parent_path() == h.dir.path());
  CHECK_THAT(file.filename().string(), StartsWith("pocket-recovery-2026-11-25T21-30-00Z-"));

  const auto imported = h.pocket({"import", file.string()});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK_THAT(imported.out, Contains("as session 3 (12 strokes") && Contains("replaces session 2"));

  const auto exported = h.pocket({"export", "3", "--format", "json"});
  REQUIRE(exported.exit_code == 0);
  const auto j = nlohmann::json::parse(exported.out);
  CHECK(j["session"]["status"] == "interrupted");
  CHECK(j["session"]["verdict"] == "on the click");
  CHECK_THAT(j["session"]["note"].get<std::string>(), Contains("imported from " + file.string()));
  CHECK(j["summary"]["hits"] == 12);
  CHECK(j["steps"].size() == 1);
  SessionStore store(h.db);
  const auto strokes = store.strokes(3);
  REQUIRE(strokes.size() == s.strokes.size());
  for (std::size_t i = 0; i < strokes.size(); ++i) {
    CHECK(strokes[i].frame == s.strokes[i].frame);
    CHECK(strokes[i].seconds == s.strokes[i].seconds);
    CHECK(strokes[i].pad == s.strokes[i].pad);
    CHECK(strokes[i].velocity == s.strokes[i].velocity);
    CHECK(strokes[i].slot == s.strokes[i].slot);
    CHECK(strokes[i].bar == s.strokes[i].bar);
    CHECK(strokes[i].offset_ms == s.strokes[i].offset_ms);
    CHECK(strokes[i].matched == s.strokes[i].matched);
    CHECK(strokes[i].click_heard == s.strokes[i].click_heard);
  }
  CHECK_FALSE(store.session(2));  // the partial copy is gone
  CHECK(store.session(1));        // the other session stays

  const auto again = h.pocket({"import", file.string()});
  CHECK(again.exit_code == 1);
  CHECK(again.err == "pocket import: " + file.string() +
                         " is already in the history as session 3 ('pocket show 3'): nothing "
                         "was imported\n");
  CHECK(store.history({}).size() == 2);
}

TEST_CASE("broken recovery files are refused in one line naming the file and the key",
          "[history][recovery]") {
  test::History h;
  const nlohmann::json good = recovery_json(a_recovered_session(h.db));
  const auto refused = [&](const std::string& text) {
    const auto file = h.dir.write("broken.json", text);
    const auto result = h.pocket({"import", file.string()});
    INFO(result.err);
    CHECK(result.exit_code == 5);  // a file that was given
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    CHECK_THAT(result.err, StartsWith("pocket import: " + file.string() + ": "));
    return result.err;
  };
  CHECK_THAT(refused("{\"pocket_recovery\": 1, "), Contains("not JSON"));
  CHECK_THAT(refused("[1, 2]"), Contains("not a recovery file"));
  CHECK_THAT(refused("{\"pocket_recovery\": 1e999}"), Contains("not JSON"));  // out of range
  nlohmann::json j = good;
  j["session"].erase("started_at");
  CHECK_THAT(refused(j.dump()), Contains("the key 'session.started_at' is missing"));
  j = good;
  j["strokes"][3]["pad"] = 7;
  CHECK_THAT(refused(j.dump()), Contains("the key 'strokes[3].pad' should be a text"));
  j = good;
  j["strokes"][0].erase("offset_ms");
  CHECK_THAT(refused(j.dump()), Contains("'strokes[0].offset_ms' is missing"));
  j = good;
  j["steps"] = "none";
  CHECK_THAT(refused(j.dump()), Contains("the key 'steps' should be a list"));
  j = good;
  j["steps"].push_back(j["steps"][0]);  // the same index would replace the step in the history
  CHECK_THAT(refused(j.dump()), Contains("the key 'steps[1].index' is 0, the index of an earlier"));
  j = good;
  j["strokes"][2]["velocity"] = 4294967396;  // 100 once cut to 32 bits
  CHECK_THAT(refused(j.dump()),
             Contains("the key 'strokes[2].velocity' should be a whole number of at most"));
  const auto missing = h.pocket({"import", (h.dir / "nowhere.json").string()});
  CHECK(missing.exit_code == 5);
  CHECK_THAT(missing.err, Contains("cannot read " + (h.dir / "nowhere.json").string() +
                                   ": No such file or directory"));
  CHECK(SessionStore(h.db).history({}).empty());
}

TEST_CASE("two pockets writing one history at once both keep their sessions",
          "[history][recovery]") {
  test::TempDir dir;
  const auto db = (dir / "shared.sqlite").string();
  // Two loops of five scores each, started together on a history neither has created yet.
  const std::string loop = "for i in 1 2 3 4 5; do '" + std::string(POCKET_BINARY) + "' score '" +
                           kGroove + "' --save --db '" + db + "' >/dev/null || echo failed; done";
  const auto both =
      test::run_command("/bin/sh", {"-c", "(" + loop + ") & (" + loop + ") & wait"}, dir.path());
  INFO(both.out << both.err);
  CHECK(both.exit_code == 0);
  CHECK(both.out.find("failed") == std::string::npos);
  CHECK(both.err.empty());

  SessionStore store(db);
  CHECK(store.integrity_ok());
  const auto sessions = store.history({"", "", 100});
  REQUIRE(sessions.size() == 10);
  for (const SessionRecord& s : sessions) {
    CHECK(s.status == "finished");
    CHECK(store.strokes(s.id).size() == 661);
  }
}
