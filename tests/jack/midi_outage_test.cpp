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
    CHECK(std::abs(s["offset_ms"].get<double>()) < 20.0);
  }
  CHECK(scored_before >= 8);
  CHECK(scored_after >= 16);  // the module played again and was heard
  // The bars without the module count as missed: at least the four seconds' eight beats.
  CHECK(j["missed"].get<long>() >= 6);
  CHECK(!before.empty());
  CHECK(!after.empty());
}
