// A session killed outright keeps every stroke up to its last completed bar.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "live_rig.hpp"

using namespace pocket::test;
using Catch::Contains;

TEST_CASE("kill -9 during play loses nothing before the current bar", "[jack][store]") {
  LiveRig rig;
  DrummerOptions drummer;
  drummer.jitter_ms = 3.0;
  drummer.notes = "36,42,38,42";
  const auto played = rig.with_drummer(drummer, [&] {
    BackgroundProcess pocket(
        POCKET_BINARY,
        rig.pocket_args({"play", "--bpm", "120", "--bars", "60", "--calibration-ms", "0"}),
        rig.dir() / "play.out", rig.dir() / "play.err");
    std::this_thread::sleep_for(std::chrono::seconds(14));
    pocket.signal(SIGKILL);
    pocket.wait(std::chrono::seconds(5));
  });

  const auto exported =
      run_command(POCKET_BINARY, {"export", "1", "--format", "json"}, rig.dir().path());
  INFO(exported.err);
  REQUIRE(exported.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(exported.out);
  CHECK(j["session"]["status"] == "unfinished");
  long last_bar = -1;
  for (const auto& s : j["strokes"]) last_bar = std::max(last_bar, s["bar"].get<long>());
  INFO("the database holds bars 0 to " << last_bar);
  // 14 s at 120 BPM after a bar of count-in: about 6 bars were complete.
  CHECK(last_bar >= 4);
  long expected = 0;
  for (const DrummerStroke& s : LiveRig::after_count_in(played, 4)) {
    const long bar = s.click_index / 4 - 1;
    if (bar <= last_bar) ++expected;
  }
  CHECK(j["strokes"].size() == static_cast<std::size_t>(expected));

  const auto history = run_command(POCKET_BINARY, {"history"}, rig.dir().path());
  CHECK_THAT(history.out, Contains("(unfinished)"));
  const auto shown = run_command(POCKET_BINARY, {"show", "1"}, rig.dir().path());
  CHECK_THAT(shown.out, Contains("did not end cleanly"));
}
