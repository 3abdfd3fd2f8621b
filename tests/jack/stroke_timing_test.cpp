// Strokes are timed to the audio frame: pocket's own JACK client reads each MIDI event at the
// frame where it sits in the period, on the frame clock the click is rendered on.
#include <map>
#include <string>

#include <catch2/catch.hpp>

#include "live_rig.hpp"

using namespace pocket::test;

TEST_CASE("every stroke is timed to the frame with periods of 64 128 and 256 frames",
          "[jack][timing]") {
  const int period = GENERATE(64, 128, 256);
  LiveRig rig(period);
  DrummerOptions drummer;
  drummer.jitter_ms = 3.0;      // offsets spread over a period and more
  drummer.edge_strokes = true;  // and strokes on the first and the last frame of a period
  drummer.notes = "36,38";
  drummer.seed = static_cast<unsigned>(period);
  CommandResult result;
  const auto played = rig.with_drummer(drummer, [&] {
    result = rig.pocket({"play", "--bpm", "150", "--bars", "12", "--no-save"});
  });
  INFO(period << " frames a period; " << result.err);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(result.out);
  CHECK(j["midi"]["precision_bound_ms"].get<double>() == Approx(1000.0 / 48000.0).margin(0.005));

  // At 150 BPM every slot falls on a whole frame, so both offsets are whole frames: pocket's
  // from its click, the drummer's from the click it heard. What lies between them is the loop
  // (the click's way out to the drummer and the stroke's way back), the same for every stroke:
  // the constant calibration removes. Strokes next to a cycle pocket or the drummer missed or
  // ran late are left out and counted; nothing else may differ by a single frame.
  const auto drill = LiveRig::after_count_in(rig.numbered_by_onsets(played, j), 4);
  const LiveRig::LoopFrames loop_frames = rig.loop_frames(drill, j, 4);
  INFO(rig.server_xruns().size() << " xruns told by the server; " << loop_frames.disturbed << " of "
                                 << drill.size() << " strokes next to a late cycle");
  REQUIRE(loop_frames.frames.size() * 2 >= drill.size());
  const long loop = loop_frames.median();
  std::map<long, int> off_by;  // frames from the loop: how many strokes
  for (long f : loop_frames.frames) ++off_by[f - loop];
  std::string spread;
  for (const auto& [frames, strokes] : off_by)
    spread += " " + std::to_string(strokes) + " at " + std::to_string(frames) + ",";
  INFO("loop " << loop << " frames; strokes by frames off it:" << spread);
  CHECK(off_by.size() == 1);
  CHECK(off_by.begin()->first == 0);

  // The strokes sent on the edges of a period were among them.
  int first = 0, last = 0;
  for (const DrummerStroke& s : drill) {
    first += s.stroke_frame % period == 0;
    last += s.stroke_frame % period == period - 1;
  }
  INFO(first << " strokes on a period's first frame, " << last << " on its last");
  CHECK(first >= 10);
  CHECK(last >= 10);
}
