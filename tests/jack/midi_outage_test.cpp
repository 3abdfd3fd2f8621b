// The kit's MIDI port goes away in the middle of a session and comes back: the click goes on,
// the outage is kept, and the strokes after the return are scored.
#include <optional>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "live_rig.hpp"

using namespace pocket::test;
using namespace std::chrono_literals;

TEST_CASE("a module switched off and on again: the session goes on and scores after its return",
          "[jack][fault]") {
  LiveRig rig;
  DrummerOptions module;
  module.name = "TD-17";         // a kit's module: pocket opens its port by name
  module.play_to = "none:none";  // it plays into no port itself
  module.jitter_ms = 2.0;
  std::optional<BackgroundProcess> pocket;
  const auto before = rig.with_drummer(module, [&] {
    rig.wait_for_port("TD-17:midi_out");
    pocket.emplace(POCKET_BINARY,
                   std::vector<std::string>{"play", "--bpm", "120", "--bars", "16", "--midi-api",
                                            "jack", "--midi-in", "TD-17", "--calibration-ms", "0",
                                            "--json", "--quiet"},
                   rig.dir() / "play.out", rig.dir() / "play.err");
    std::this_thread::sleep_for(10s);
  });  // the module's program ends: its port goes away
  const std::vector<long> missed_before = rig.drummer_missed();
  std::this_thread::sleep_for(4s);
  int code = -1;
  const auto after = rig.with_drummer(module, [&] { code = pocket->wait(60s); });
  const std::string err = read_text(rig.dir() / "play.err");
  INFO(err);
  REQUIRE(code == 0);
  CHECK_THAT(err, Catch::Contains("went away") && Catch::Contains("is back after"));

  const nlohmann::json j = nlohmann::json::parse(read_text(rig.dir() / "play.out"));
  CHECK(j["midi"]["lost"] == false);
  CHECK(j["midi"]["reconnects"] == 1);
  REQUIRE(j["midi"]["outages"].size() == 1);
  const double from = j["midi"]["outages"][0]["start_seconds"].get<double>();
  const double away = j["midi"]["outages"][0]["seconds"].get<double>();
  INFO("away from " << from << " s for " << away << " s");
  // Four seconds with no module, seen within a second of each change.
  CHECK(away > 2.5);
  CHECK(away < 6.5);
  CHECK(j["seconds"].get<double>() >= 32.0);  // the click went on to its last bar

  long scored_before = 0, scored_after = 0;
  for (const auto& s : j["strokes"]) {
    const double at = s["seconds"].get<double>();
    scored_before += at < from;
    scored_after += at > from + away;
  }
  CHECK(scored_before >= 8);
  CHECK(scored_after >= 16);  // the module played again and was heard
  // The bars without the module count as missed: at least the four seconds' eight beats.
  CHECK(j["missed"].get<long>() >= 6);
  CHECK(!before.empty());
  CHECK(!after.empty());

  // Every stroke the module played while pocket could hear it is in the history, on its slot at
  // the module's own offset plus the loop, to the frame: all those before it went away (but the
  // last, which may have been on its way when the program ended), and all those on slots after
  // pocket took the port again (slot k sounds 2 s + k / 2 s into the session, after a bar of
  // count-in).
  const auto exported =
      run_command(POCKET_BINARY, {"export", "1", "--format", "json"}, rig.dir().path());
  REQUIRE(exported.exit_code == 0);
  const nlohmann::json kept = nlohmann::json::parse(exported.out);
  LiveRig::KeptRange range;
  range.first_click = LiveRig::first_click_of(before);
  range.last_bar = j["last_bar"].get<long>();
  range.loop = 128 - std::lround(j["audio"]["output_latency_ms"].get<double>() * 48.0);
  const auto seconds_of_slot = [&](const DrummerStroke& s) {
    return 2.0 + 0.5 * static_cast<double>(
                           std::lround((s.click_frame - range.first_click) / 24000.0) - 4);
  };
  std::vector<DrummerStroke> heard(before.begin(), before.end() - 1);
  for (const DrummerStroke& s : after)
    if (seconds_of_slot(s) > from + away + 0.1) heard.push_back(s);
  Disturbances disturbances = rig.disturbances(j);  // pocket's, and the second module's
  disturbances.add_drummer_missed(missed_before);
  const auto check = LiveRig::check_kept(heard, kept["strokes"], range, disturbances);
  INFO(check.checked << " strokes checked, " << check.disturbed << " next to a late cycle left "
                     << "out; missing: " << Catch::Detail::stringify(check.missing)
                     << "; moved: " << Catch::Detail::stringify(check.moved));
  CHECK(check.missing.empty());
  CHECK(check.moved.empty());
  CHECK(check.checked >= 24);
}
