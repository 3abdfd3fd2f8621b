// pocket on PipeWire's JACK layer, the way most Linux desktops run it: a private headless
// PipeWire (pipewire_server.hpp), pocket and the virtual drummer as its JACK clients. What
// pocket reports must be what the drummer played, as on JACK's own server.
#include <map>

#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "jack/live_rig.hpp"
#include "pipewire_server.hpp"

using namespace pocket::test;
using namespace std::chrono_literals;
using Catch::Contains;

namespace {

using PipeWireRig = BasicLiveRig<PipeWireServer>;

// The drummer and pocket ask PipeWire for the same period from the start, as clients of a
// desktop set to a low latency do: the graph's period does not change under the session.
void everyone_asks_for_128() { setenv("PIPEWIRE_LATENCY", "128/48000", 1); }

// The drummer's strokes but those of a click it aimed two strokes at, and how many clicks that
// leaves out. On PipeWire the drummer now and then hears a click where there was none (a
// buffer of pocket's handed on late reaches it as silence inside a click): it plays a second
// stroke for the next beat, which pocket rightly scores as an extra stroke on that slot.
struct SingleAims {
  std::vector<DrummerStroke> strokes;
  long doubled_clicks = 0;
};
SingleAims single_aims(const std::vector<DrummerStroke>& drill) {
  std::map<long, int> aims;
  for (const DrummerStroke& s : drill) ++aims[s.click_index];
  SingleAims single;
  for (const DrummerStroke& s : drill) {
    if (aims[s.click_index] == 1) single.strokes.push_back(s);
  }
  for (const auto& [click, strokes] : aims) single.doubled_clicks += strokes > 1;
  return single;
}

// pocket's offsets less the drummer's, in whole frames, away from late cycles: one value for
// every stroke, and how many strokes carry each.
std::map<long, int> loop_spread(const PipeWireRig& rig, const std::vector<DrummerStroke>& drill,
                                const nlohmann::json& j) {
  const PipeWireRig::LoopFrames loop = rig.loop_frames(drill, j, 4);
  INFO(loop.disturbed << " of " << drill.size() << " strokes next to a late cycle, left out");
  REQUIRE(loop.frames.size() * 2 >= drill.size());
  std::map<long, int> spread;
  for (long f : loop.frames) ++spread[f];
  return spread;
}

}  // namespace

TEST_CASE("on PipeWire pocket asks the graph for its buffer and says what it got", "[pipewire]") {
  PipeWireRig rig;
  // Idle, PipeWire runs its graph at 1024 frames; the drummer, a JACK client that asks for
  // nothing, keeps it there until pocket comes.
  const CommandResult devices = run_command(POCKET_BINARY, {"devices"}, rig.dir().path());
  INFO(devices.err);
  CHECK_THAT(devices.out, Contains("PipeWire's JACK layer at 48000 Hz") &&
                              Contains("runs at 1024 frames (21.3 ms) now") &&
                              Contains("asks it for 128") && Contains("pocket calibrate"));
  for (const int frames : {256, 64}) {
    DrummerOptions drummer;
    CommandResult result;
    rig.with_drummer(drummer, [&] {
      result = rig.pocket(
          {"play", "--bpm", "120", "--bars", "3", "--buffer", std::to_string(frames), "--no-save"});
    });
    INFO(frames << " frames asked; " << result.err);
    REQUIRE(result.exit_code == 0);
    const nlohmann::json j = nlohmann::json::parse(result.out);
    CHECK(j["audio"]["buffer_frames"] == frames);
    CHECK_THAT(j["audio"]["device"].get<std::string>(), Contains("PipeWire's JACK layer"));
    CHECK_THAT(j["audio"]["server"].get<std::string>(),
               Contains(std::to_string(frames) + " frames") && Contains("it ran at 1024 before"));
    CHECK_THAT(result.err, Contains("until 'pocket calibrate' measures it"));
    CHECK(j["hits"].get<int>() >= 8);
  }
}

TEST_CASE("on PipeWire every stroke is timed to the frame, a period after the drummer's",
          "[pipewire][timing]") {
  PipeWireRig rig;
  DrummerOptions drummer;
  drummer.jitter_ms = 3.0;      // offsets spread over a period and more
  drummer.edge_strokes = true;  // and strokes on the first and the last frame of a period
  drummer.notes = "36,38";
  CommandResult result;
  const auto played = rig.with_drummer(drummer, [&] {
    result = rig.pocket({"play", "--bpm", "150", "--bars", "12", "--no-save"});
  });
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(result.out);
  CHECK(j["audio"]["buffer_frames"] == 128);
  // PipeWire's ports report no latency: what pocket adds to the drummer's offset is the loop
  // itself, a period (the drummer runs after pocket, whose click it hears), for every stroke.
  CHECK(j["audio"]["output_latency_ms"].get<double>() == 0.0);
  const SingleAims drill = single_aims(PipeWireRig::after_count_in(played, 4));
  INFO(drill.doubled_clicks << " clicks the drummer aimed two strokes at, left out");
  CHECK(j["extra"] == drill.doubled_clicks);
  const std::map<long, int> spread = loop_spread(rig, drill.strokes, j);
  INFO("strokes by frames between pocket's offset and the drummer's: "
       << Catch::Detail::stringify(spread));
  CHECK(spread.size() == 1);
  CHECK(spread.begin()->first == 128);
  int first = 0, last = 0;
  for (const DrummerStroke& s : drill.strokes) {
    first += s.stroke_frame % 128 == 0;
    last += s.stroke_frame % 128 == 127;
  }
  INFO(first << " strokes on a period's first frame, " << last << " on its last");
  CHECK(first >= 10);
  CHECK(last >= 10);
}

TEST_CASE("on PipeWire calibration measures the loop and later sessions read the drummer's bias",
          "[pipewire][calibrate]") {
  PipeWireRig rig;
  everyone_asks_for_128();
  const double calibration = rig.calibrate();
  INFO("calibration " << calibration << " ms");
  CHECK(calibration == Approx(128 / 48.0).margin(0.005));  // the loop: a period
  DrummerOptions drummer;
  drummer.bias_ms = 5.0;
  drummer.jitter_ms = 2.0;
  CommandResult result;
  const auto played = rig.with_drummer(drummer, [&] {
    result = rig.pocket({"play", "--bpm", "120", "--bars", "10", "--no-save"});
  });
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.err, !Contains("pocket calibrate"));  // no reminder once calibrated
  const nlohmann::json j = nlohmann::json::parse(result.out);
  const SingleAims single = single_aims(PipeWireRig::after_count_in(played, 4));
  const std::vector<DrummerStroke>& drill = single.strokes;
  INFO(single.doubled_clicks << " clicks the drummer aimed two strokes at, left out");
  CHECK(j["extra"] == single.doubled_clicks);
  const Disturbances disturbances = rig.disturbances(j);
  std::vector<double> pocket_offsets, drummer_offsets;
  double worst = 0.0;
  std::string differing;
  for (const auto& p : PipeWireRig::paired(drill, j, 4)) {
    if (PipeWireRig::disturbed(p.played, disturbances)) continue;
    pocket_offsets.push_back(p.pocket_offset_ms);
    drummer_offsets.push_back(p.played.offset_ms);
    worst = std::max(worst, std::abs(p.pocket_offset_ms - p.played.offset_ms));
    if (std::abs(p.pocket_offset_ms - p.played.offset_ms) > 0.01)
      differing += fmt::format(" click {} at {} (stroke {}): pocket {} drummer {};",
                               p.played.click_index, p.played.click_frame, p.played.stroke_frame,
                               p.pocket_offset_ms, p.played.offset_ms);
  }
  INFO("strokes that differ:" << differing);
  const Stats pocket = stats_of(pocket_offsets), truth = stats_of(drummer_offsets);
  INFO("over " << truth.count << " strokes of " << drill.size() << ": pocket's mean " << pocket.mean
               << ", the drummer's " << truth.mean << "; the largest difference " << worst
               << " ms");
  REQUIRE(truth.count * 2 >= drill.size());
  CHECK(worst <= 0.01);
  CHECK(pocket.mean == Approx(truth.mean).margin(0.1));
  CHECK(truth.mean == Approx(5.0).margin(1.0));
}

TEST_CASE("PipeWire killed under a session ends it within two seconds, bars kept",
          "[pipewire][fault]") {
  PipeWireRig rig;
  everyone_asks_for_128();
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
  const long last_bar = result["last_bar"].get<long>();
  INFO("the last bar that closed: " << last_bar);
  CHECK(last_bar >= 2);
  PipeWireRig::KeptRange range;
  range.first_click = PipeWireRig::first_click_of(played);
  range.last_bar = last_bar;
  range.loop = 128;  // no output latency reported: the loop, a period, is in every offset
  const SingleAims single = single_aims(played);
  CHECK(result["extra"] == single_aims(PipeWireRig::after_count_in(played, 4)).doubled_clicks);
  const auto check =
      PipeWireRig::check_kept(single.strokes, kept["strokes"], range, rig.disturbances(result));
  INFO(check.checked << " strokes checked, " << check.disturbed << " next to a late cycle left "
                     << "out; missing: " << Catch::Detail::stringify(check.missing)
                     << "; moved: " << Catch::Detail::stringify(check.moved));
  CHECK(check.missing.empty());
  CHECK(check.moved.empty());
  CHECK(check.checked * 2 >= static_cast<std::size_t>(4 * (last_bar + 1)));
  CHECK(kept["session"]["status"] == "unfinished");
}
