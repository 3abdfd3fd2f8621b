// Two pockets play at once, each on a JACK server of its own with a drummer, into one history,
// while a third program holds the history's write lock for longer than any write waits. Both
// sessions are kept whole: every stroke each drummer played, on its slot at its own offset.
#include <optional>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "live_rig.hpp"
#include "store/session_store.hpp"

using namespace pocket::test;
using namespace std::chrono_literals;
using Catch::Contains;

namespace {

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// A pocket and its drummer on one server, playing into `db`.
struct Player {
  Player(const JackServer& server, const TempDir& dir, const std::string& name,
         const std::filesystem::path& db, unsigned seed)
      : truth(dir / (name + ".csv")),
        missed(dir / (name + "-missed.txt")),
        out(dir / (name + ".json")),
        err(dir / (name + ".err")) {
    server.use();
    DrummerOptions d;
    d.jitter_ms = 3.0;
    d.notes = "36,42,38,42";
    d.seed = seed;
    drummer.emplace(VIRTUAL_DRUMMER_BINARY,
                    LiveRig::drummer_args(d, truth, dir / (name + "-xruns.txt"), missed),
                    dir / (name + "-drummer.out"), dir / (name + "-drummer.err"));
    // The drummer listens before pocket's first click.
    for (int i = 0; i < 100 && run_command("/usr/bin/jack_lsp", {"-s", server.name()}, dir.path())
                                       .out.find("drummer:audio_in") == std::string::npos;
         ++i)
      std::this_thread::sleep_for(50ms);
    pocket.emplace(
        POCKET_BINARY,
        std::vector<std::string>{"play", "--bpm", "120", "--bars", "16", "--calibration-ms", "0",
                                 "--db", db.string(), "--midi-api", "jack", "--midi-in", "virtual",
                                 "--json", "--quiet"},
        out, err);
  }

  std::filesystem::path truth, missed, out, err;
  std::optional<BackgroundProcess> drummer, pocket;
};

}  // namespace

TEST_CASE("two pockets playing into one history keep every stroke while a third holds it",
          "[jack][store]") {
  // Short names: JACK keeps a server's name in fixed room of its shared memory.
  const JackServer first(128, "a"), second(128, "b");
  const TempDir dir;
  setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
  const auto db = dir / "shared.sqlite";
  REQUIRE(run_command(POCKET_BINARY, {"history", "--db", db.string()}, dir.path()).exit_code == 0);

  const double started = steady_seconds();
  Player one(first, dir, "one", db, 3), two(second, dir, "two", db, 4);
  // A bar of count-in and three of the drill in, the third program takes the write lock and
  // keeps it 8 s: four bars of each session close meanwhile, and every write waits far longer
  // than pocket's own wait (a quarter of a second during a session).
  std::this_thread::sleep_for(8s);
  BackgroundProcess hold(HOLD_HISTORY_BINARY, {db.string(), "8"}, dir / "hold.out",
                         dir / "hold.err");
  REQUIRE(hold.wait(30s) == 0);
  const int code_one = one.pocket->wait(60s), code_two = two.pocket->wait(60s);
  const double ended = steady_seconds();
  one.drummer->stop();
  two.drummer->stop();

  // The lock was held while both sessions played.
  std::istringstream held(read_text(dir / "hold.out"));
  std::string word;
  double held_at = 0.0, let_go_at = 0.0;
  held >> word >> word >> held_at >> word >> word >> word >> let_go_at;
  INFO("the lock held from " << held_at - started << " s to " << let_go_at - started
                             << " s; the sessions ended by " << ended - started << " s");
  CHECK(let_go_at - held_at >= 7.9);
  CHECK(held_at - started < 12.0);
  CHECK(ended - let_go_at > 10.0);

  pocket::SessionStore store(db);
  CHECK(store.integrity_ok());
  const auto sessions = store.history({"", "", 10});
  REQUIRE(sessions.size() == 2);
  for (Player* player : {&one, &two}) {
    const std::string err = read_text(player->err);
    INFO(err);
    REQUIRE((player == &one ? code_one : code_two) == 0);
    CHECK_THAT(err, !Contains("could not take this session"));
    const nlohmann::json j = nlohmann::json::parse(read_text(player->out));
    const auto played = LiveRig::read_truth(player->truth);
    Disturbances disturbances(128);
    disturbances.add_pocket(j);
    disturbances.add_drummer_missed(LiveRig::read_frames(player->missed));
    LiveRig::KeptRange range;
    range.first_click = LiveRig::first_click_of(played);
    range.last_bar = j["last_bar"].get<long>();
    range.loop = 128 - std::lround(j["audio"]["output_latency_ms"].get<double>() * 48.0);
    // Its session is the one that holds its drummer's strokes.
    std::optional<LiveRig::KeptCheck> found;
    std::string near_misses;  // each session's missing and moved strokes, when neither is whole
    for (const auto& session : sessions) {
      CHECK(session.status == "finished");
      const auto exported = run_command(
          POCKET_BINARY,
          {"export", std::to_string(session.id), "--format", "json", "--db", db.string()},
          dir.path());
      REQUIRE(exported.exit_code == 0);
      const auto check = LiveRig::check_kept(played, nlohmann::json::parse(exported.out)["strokes"],
                                             range, disturbances);
      if (check.missing.empty() && check.moved.empty()) found = check;
      near_misses += "session " + std::to_string(session.id) + ": " +
                     std::to_string(check.missing.size()) + " missing, " +
                     std::to_string(check.moved.size()) + " moved";
      for (const auto& what : check.missing) near_misses += "; missing " + what;
      for (const auto& what : check.moved) near_misses += "; moved " + what;
      near_misses += "\n";
    }
    INFO(near_misses);
    REQUIRE(found);
    INFO(found->checked << " strokes checked, " << found->disturbed
                        << " next to a late cycle left out");
    CHECK(found->checked * 2 >= static_cast<std::size_t>(4 * (range.last_bar + 1)));
    CHECK(range.last_bar == 15);
  }
}
