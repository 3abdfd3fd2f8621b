// Swing and feel against a real JACK server: the virtual drummer plays eighths swung as asked,
// and pocket must score them on its swung grid to the frame and read back the drummer's swing.
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "live_rig.hpp"

using namespace pocket::test;
using Catch::Contains;

namespace {

constexpr long kCountInClicks = 4;
constexpr long kBeatFrames = 28800;     // 100 BPM at 48 kHz
constexpr long kOffBeatFrames = 17280;  // 60 % of a beat

// The drummer's swing from its own record: over each beat whose two eighths and the next
// beat's first were all played, where the second fell between them, in percent.
struct CsvSwing {
  double percent = 0.0;
  long pairs = 0;
};
template <typename BeatOf>
CsvSwing swing_of(const std::vector<DrummerStroke>& drill, const BeatOf& beat_of) {
  std::map<std::pair<long, int>, long> frame;  // (beat, part) -> stroke frame
  for (const DrummerStroke& s : drill) frame[{beat_of(s), s.part}] = s.stroke_frame;
  CsvSwing result;
  double sum = 0.0;
  for (const auto& [key, on] : frame) {
    if (key.second != 0) continue;
    const auto off = frame.find({key.first, 1});
    const auto next = frame.find({key.first + 1, 0});
    if (off == frame.end() || next == frame.end()) continue;
    sum += static_cast<double>(off->second - on) / static_cast<double>(next->second - on);
    ++result.pairs;
  }
  result.percent = 100.0 * sum / static_cast<double>(result.pairs);
  return result;
}

}  // namespace

TEST_CASE("eighths swung at 60 percent are scored on the swung grid and read back as played",
          "[jack][swing]") {
  LiveRig rig;
  DrummerOptions drummer;
  drummer.subdivide = 2;
  drummer.swing_percent = 60.0;
  drummer.jitter_ms = 2.0;
  drummer.notes = "42";
  drummer.note_bias = "42:3";  // the hi-hat 3 ms late on purpose: the feel below expects it
  CommandResult result;
  const auto played = rig.with_drummer(drummer, [&] {
    // A click on each beat only: the drummer places the off-beats itself.
    result = rig.pocket({"play", "--bpm", "100", "--bars", "12", "--grid", "8", "--swing", "60",
                         "--feel", "hihat:3"});
  });
  {
    INFO(result.err);  // only here: its bar lines would hide the messages of the checks below
    REQUIRE(result.exit_code == 0);
  }
  const nlohmann::json j = nlohmann::json::parse(result.out);
  const auto drill = LiveRig::after_count_in(played, kCountInClicks);
  REQUIRE(drill.size() >= 80);
  // Each stroke's beat from its click's frame, not from the drummer's count of clicks it heard.
  const long first_click = rig.first_click_frame(j, kBeatFrames);
  const auto beat_of = [&](const DrummerStroke& s) {
    return std::lround(static_cast<double>(s.click_frame - first_click) / kBeatFrames) -
           kCountInClicks;
  };

  // The swing: pocket's reading of its strokes against the drummer's of its own.
  const CsvSwing truth = swing_of(drill, beat_of);
  INFO("drummer: " << truth.percent << " % over " << truth.pairs
                   << " pairs; pocket: " << j["swing"].dump());
  CHECK(j["swing"]["asked_percent"] == 60.0);
  CHECK(j["swing"]["on"] == 8);
  CHECK(j["swing"]["measured_percent"].get<double>() == Approx(truth.percent).margin(0.1));
  CHECK(j["swing"]["pairs"].get<long>() >= truth.pairs - 4);
  CHECK(j["feel"]["hihat"]["intended_ms"] == 3.0);

  // Every stroke on its swung slot, at its distance from where a 60 % off-beat lies after the
  // click it heard (0.6 of 28800 frames at 100 BPM, not where the drummer aimed from an interval
  // it may have heard a period short), less the feel, plus the loop: to the frame, off-beats and
  // on-beats alike.
  std::map<long, double> pocket_offsets;  // slot -> offset
  for (const auto& s : j["strokes"]) {
    if (s["matched"].get<bool>()) pocket_offsets[s["slot"].get<long>()] = s["offset_ms"];
  }
  const Disturbances d = rig.disturbances(j);
  // frames between pocket's offset and the drummer's -> the strokes, as "slot: stroke frame
  // (click frame + aim)"
  std::map<long, std::vector<std::string>> loops;
  std::size_t left_out = 0, off_beats = 0;
  for (const DrummerStroke& s : drill) {
    const long slot = beat_of(s) * 2 + s.part;
    const auto it = pocket_offsets.find(slot);
    if (LiveRig::disturbed(s, d)) {
      ++left_out;
      continue;
    }
    REQUIRE(it != pocket_offsets.end());
    off_beats += s.part == 1 ? 1 : 0;
    const long from_swung_slot = s.stroke_frame - (s.click_frame + s.part * kOffBeatFrames);
    loops[std::lround((it->second + 3.0) * 48.0) - from_swung_slot].push_back(fmt::format(
        "{}: {} ({} + {})", slot, s.stroke_frame, s.click_frame, s.aim_frame - s.click_frame));
  }
  // Each loop seen, with its strokes when they are few (a stray one tells what moved it).
  std::string seen;
  for (const auto& [frames, strokes] : loops) {
    seen += strokes.size() > 8 ? fmt::format(" {} frames on {} strokes;", frames, strokes.size())
                               : fmt::format(" {} frames on {};", frames, fmt::join(strokes, ", "));
  }
  INFO("pocket's late cycles " << j["audio"]["late_cycles"].dump() << "; the drummer missed "
                               << fmt::format("{}", fmt::join(rig.drummer_missed(), " ")));
  INFO(left_out << " strokes next to a late cycle left out; first click at " << first_click
                << ", clicks heard " << rig.onsets().size() << " of " << j["clicks"]
                << "; the loop:" << seen);
  CHECK(loops.size() == 1);
  CHECK(off_beats >= 30);

  // The history keeps the swing and the feel asked, and reads the same back.
  const auto shown = run_command(POCKET_BINARY, {"show", "1"}, rig.dir().path());
  INFO(shown.err);
  CHECK_THAT(shown.out, Contains("swing: you swung") && Contains("the drill asks 60 %") &&
                            Contains("hihat meant 3 ms behind the beat"));
}
