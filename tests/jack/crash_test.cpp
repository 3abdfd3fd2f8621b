// A session killed outright keeps every stroke up to its last completed bar.
#include <map>
#include <string>

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
  // The bar being played at the kill: that of the last click the drummer heard (after it,
  // pocket's port was gone). One count-in bar of four clicks comes first.
  long last_click = -1;
  for (const DrummerStroke& s : played) last_click = std::max(last_click, s.click_index);
  const long killed_in = last_click / 4 - 1;
  INFO("killed during bar " << killed_in);
  REQUIRE(killed_in >= 3);
  std::map<long, long> kept;  // bar -> strokes
  for (const auto& s : j["strokes"]) ++kept[s["bar"].get<long>()];
  REQUIRE_FALSE(kept.empty());
  // Every bar that had closed is whole: all bars up to two before the one cut, each of the
  // drummer's strokes in them on its slot at the drummer's own offset plus the loop, to the
  // frame. The bar just before the cut closes a moment after its last slot, so it may be whole
  // or not there at all. pocket left no record of the cycles it missed: the server's xruns
  // stand for them.
  LiveRig::KeptRange range;
  range.first_click = LiveRig::first_click_of(played);
  range.last_bar = killed_in - 2;
  range.loop = 128 - std::lround(j["session"]["output_latency_ms"].get<double>() * 48.0);
  const auto check =
      LiveRig::check_kept(played, j["strokes"], range, rig.disturbances_without_pocket());
  INFO(check.checked << " strokes checked, " << check.disturbed << " next to an xrun left out; "
                     << "missing: " << Catch::Detail::stringify(check.missing)
                     << "; moved: " << Catch::Detail::stringify(check.moved));
  CHECK(check.missing.empty());
  CHECK(check.moved.empty());
  CHECK(check.checked * 2 >= static_cast<std::size_t>(4 * (killed_in - 1)));
  long struck_before_cut = 0;
  for (const DrummerStroke& s : LiveRig::after_count_in(played, 4))
    struck_before_cut += s.click_index / 4 - 1 == killed_in - 1;
  CHECK((kept[killed_in - 1] == struck_before_cut || kept[killed_in - 1] == 0));
  CHECK(kept.rbegin()->first <= killed_in - 1);  // nothing of the bar cut short

  const auto history = run_command(POCKET_BINARY, {"history"}, rig.dir().path());
  CHECK_THAT(history.out, Contains("(unfinished)"));
  const auto shown = run_command(POCKET_BINARY, {"show", "1"}, rig.dir().path());
  CHECK_THAT(shown.out, Contains("did not end cleanly"));
}
