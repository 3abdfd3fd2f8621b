// The JACK server dies under a session: pocket says so in one line within two seconds, keeps
// every bar already played, and exits non-zero.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "live_rig.hpp"

using namespace pocket::test;
using namespace std::chrono_literals;
using Catch::Contains;

TEST_CASE("a JACK server killed under a session ends it within two seconds, bars kept",
          "[jack][store][fault]") {
  LiveRig rig;
  DrummerOptions drummer;
  drummer.jitter_ms = 3.0;
  const auto [played, code, took, out, err] = rig.kill_server_during_play(drummer, 10s);
  INFO(err);
  CHECK(code == 6);  // cut short
  CHECK(took < 2s);
  CHECK_THAT(err, Contains("the audio stopped (did the sound server go away?)"));

  const nlohmann::json result = nlohmann::json::parse(out);
  CHECK(result["audio"]["lost"] == true);
  const auto exported =
      run_command(POCKET_BINARY, {"export", "1", "--format", "json"}, rig.dir().path());
  INFO(exported.err);
  REQUIRE(exported.exit_code == 0);
  const nlohmann::json kept = nlohmann::json::parse(exported.out);
  // Every stroke the drummer aimed at a click of a bar that closed before the kill is kept, on
  // its slot at the drummer's own offset plus the loop, to the frame.
  const long last_bar = result["last_bar"].get<long>();
  INFO("the last bar that closed: " << last_bar);
  CHECK(last_bar >= 2);  // ten seconds at 120 BPM, with start-up and a bar of count-in
  LiveRig::KeptRange range;
  range.first_click = LiveRig::first_click_of(played);
  range.last_bar = last_bar;
  range.loop = 128 - std::lround(result["audio"]["output_latency_ms"].get<double>() * 48.0);
  const auto check = LiveRig::check_kept(played, kept["strokes"], range, rig.disturbances(result));
  INFO(check.checked << " strokes checked, " << check.disturbed << " next to a late cycle left "
                     << "out; missing: " << Catch::Detail::stringify(check.missing)
                     << "; moved: " << Catch::Detail::stringify(check.moved));
  CHECK(check.missing.empty());
  CHECK(check.moved.empty());
  CHECK(check.checked * 2 >= static_cast<std::size_t>(4 * (last_bar + 1)));
  long kept_in_bars = 0;
  for (const auto& s : kept["strokes"]) kept_in_bars += s["bar"].get<long>() <= last_bar;
  // Nothing else: the strokes checked, and of those left out, any that reached pocket.
  CHECK(kept_in_bars >= static_cast<long>(check.checked));
  CHECK(kept_in_bars <= static_cast<long>(check.checked + check.disturbed));
  CHECK(kept["session"]["status"] == "unfinished");
  const auto history = run_command(POCKET_BINARY, {"history"}, rig.dir().path());
  CHECK_THAT(history.out, Contains("(unfinished)"));
}
