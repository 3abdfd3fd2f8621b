// pocket ladder against a real JACK server and the virtual drummer.
#include <algorithm>
#include <cmath>
#include <map>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "live_rig.hpp"

using namespace pocket::test;
using Catch::Contains;

TEST_CASE("a ladder finds the drummer's real limit", "[jack][ladder]") {
  LiveRig rig;
  DrummerOptions drummer;
  drummer.jitter_ms = 3.0;
  drummer.limit_bpm = 150.0;
  CommandResult result;
  rig.with_drummer(drummer, [&] {
    result = rig.pocket({"ladder", "--from", "100", "--to", "180", "--step", "4%", "--bars", "2",
                         "--calibration-ms", "0"});
  });
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(result.out);
  const nlohmann::json& verdict = j["ladder"]["verdict"];
  INFO(verdict["message"]);
  CHECK(verdict["kind"] == "real limit");
  CHECK(verdict["last_bpm"].get<double>() >= 145.0);
  CHECK(verdict["last_bpm"].get<double>() <= 155.0);
  CHECK(verdict["best_passed_bpm"].get<double>() < 150.0);
  // The steps climbed in 4 % steps, each passed step one step above the last.
  const nlohmann::json& steps = j["ladder"]["steps"];
  REQUIRE(steps.size() >= 10);
  CHECK(steps[0]["bpm"] == 100.0);
  CHECK(steps[1]["bpm"] == 104.0);
  CHECK(steps[0]["passed"] == true);

  // The ladder was kept as it went: its steps, verdict and report.
  const auto shown = run_command(POCKET_BINARY, {"show", "1"}, rig.dir().path());
  CHECK_THAT(shown.out,
             Contains("session 1: ladder") && Contains("real limit") && Contains("step"));
  const auto page = rig.dir() / "ladder.html";
  REQUIRE(run_command(POCKET_BINARY, {"report", "1", "--out", page.string()}, rig.dir().path())
              .exit_code == 0);
  CHECK_THAT(read_text(page), Contains("104 BPM") && Contains("real limit"));
  const auto history =
      run_command(POCKET_BINARY, {"history", "--drill", "ladder"}, rig.dir().path());
  CHECK_THAT(history.out, Contains("100-"));
}

TEST_CASE("a ladder stopped while the drummer is accurate says stopped early", "[jack][ladder]") {
  LiveRig rig;
  DrummerOptions drummer;
  drummer.jitter_ms = 3.0;
  rig.with_drummer(drummer, [&] {
    BackgroundProcess pocket(POCKET_BINARY,
                             rig.pocket_args({"ladder", "--from", "120", "--to", "180", "--step",
                                              "3%", "--bars", "2", "--calibration-ms", "0"}),
                             rig.dir() / "ladder.json", rig.dir() / "ladder.err");
    std::this_thread::sleep_for(std::chrono::seconds(16));
    pocket.signal(SIGINT);  // the player stops: Ctrl-C
    REQUIRE(pocket.wait(std::chrono::seconds(10)) == 0);
  });
  const nlohmann::json j = nlohmann::json::parse(read_text(rig.dir() / "ladder.json"));
  INFO(j["ladder"]["verdict"]["message"]);
  CHECK(j["interrupted"] == true);
  CHECK(j["ladder"]["verdict"]["kind"] == "stopped early");
  CHECK_THAT(j["ladder"]["verdict"]["message"].get<std::string>(), Contains("further"));
  CHECK(j["ladder"]["steps"].size() >= 2);
}

// The click frames the drummer heard, against the bar each step says it started on: the tempo
// changes on that bar line to the frame, and the bar between two steps, while the coach
// decides, is played but counted in neither.
TEST_CASE("a ladder's click changes tempo on the bar line each step starts on", "[jack][ladder]") {
  LiveRig rig;
  DrummerOptions drummer;
  drummer.jitter_ms = 2.0;
  CommandResult result;
  const auto played = rig.with_drummer(drummer, [&] {
    result = rig.pocket({"ladder", "--from", "100", "--to", "112", "--step", "4%", "--bars", "2",
                         "--count-in", "1", "--calibration-ms", "0"});
  });
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(result.out);
  const nlohmann::json& steps = j["ladder"]["steps"];
  REQUIRE(steps.size() >= 3);

  // 4/4, one click a beat, one bar of count-in: heard click k is beat k % 4 of bar k / 4 - 1.
  std::map<long, long> click_frames;
  std::map<long, int> strokes_in_bar;
  for (const DrummerStroke& s : played) {
    if (!s.heard) continue;
    click_frames[s.click_index] = s.click_frame;
    ++strokes_in_bar[s.click_index / 4 - 1];
  }
  const auto frame = [&](long bar, long beat) {
    const auto it = click_frames.find((bar + 1) * 4 + beat);
    if (it == click_frames.end()) FAIL("no stroke on beat " << beat << " of bar " << bar);
    return it->second;
  };
  const auto beat_frames = [](double bpm) { return 48000.0 * 60.0 / bpm; };

  // How far the frames from `a` to `b` are from `expected`, to the frame. A cycle pocket missed
  // between them plays the rest of the click a period later: pocket tells which it missed, and
  // that much is taken off. A click heard next to a cycle the drummer missed may have been
  // heard late: such a pair is left out, and counted.
  const Disturbances slips = rig.disturbances(j);
  Disturbances drummer_missed(128);
  drummer_missed.add_drummer_missed(rig.drummer_missed());
  int left_out = 0;
  const auto off_by = [&](long a, long b, double expected) {
    if (drummer_missed.between(a, a) || drummer_missed.between(b, b)) {
      ++left_out;
      return 0.0;
    }
    return static_cast<double>(b - a - slips.slip_between(a, b)) - expected;
  };

  INFO(rig.server_xruns().size() << " xruns told by the server, " << j["audio"]["missed_cycles"]
                                 << " cycles pocket missed, " << rig.drummer_missed().size()
                                 << " the drummer missed");
  for (std::size_t i = 1; i < steps.size(); ++i) {
    const long bar = steps[i]["first_bar"].get<long>();
    const long previous_end =
        steps[i - 1]["first_bar"].get<long>() + steps[i - 1]["bars"].get<long>();
    const double before = steps[i - 1]["bpm"].get<double>();
    const double after = steps[i]["bpm"].get<double>();
    INFO("step " << i << ": " << before << " -> " << after << " BPM on bar " << bar);
    CHECK(after > before);
    // Between the steps: at least the one bar in which the coach decides, played by the
    // drummer and scored in neither step.
    CHECK(bar - previous_end >= 1);
    for (long unscored = previous_end; unscored < bar; ++unscored)
      CHECK(strokes_in_bar[unscored] == 4);
    const auto& closed = steps[i - 1];
    CHECK(closed["hits"].get<long>() + closed["missed"].get<long>() ==
          4 * closed["bars"].get<long>());
    // The bar before the line at the old tempo, each beat to the frame (rounding: 1 frame), and
    // the line one old beat after its last beat.
    CHECK(std::abs(off_by(frame(bar - 1, 2), frame(bar - 1, 3), beat_frames(before))) <= 1.0);
    CHECK(std::abs(off_by(frame(bar - 1, 3), frame(bar, 0), beat_frames(before))) <= 1.0);
    // From the bar line on, the new tempo.
    CHECK(std::abs(off_by(frame(bar, 0), frame(bar, 1), beat_frames(after))) <= 1.0);
    CHECK(std::abs(off_by(frame(bar, 1), frame(bar, 3), 2.0 * beat_frames(after))) <= 1.0);
  }
  INFO(left_out << " of " << 4 * (steps.size() - 1) << " pairs of clicks left out");
  CHECK(left_out * 2 <= 4 * static_cast<int>(steps.size() - 1));
}
