// pocket play against a real JACK server and the virtual drummer: what pocket reports must be
// what the drummer played.
#include <map>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "live_rig.hpp"

using namespace pocket::test;
using Catch::Contains;

namespace {
constexpr double kJackPeriodMs = 128.0 / 48.0;
}

// What JACK's latencies predict for the loop: the click is heard `playback` frames after pocket
// renders it, the stroke reaches pocket `capture` frames after it is played, and the drummer's
// MIDI comes back a period later (its connection closes a cycle in the graph: the drummer runs
// after pocket, whose click it hears). pocket places the click at its sound and the stroke at
// its playing: what the drummer heard early and the period late is the loop.
long predicted_loop_frames(int period, long playback, long capture) {
  return period - playback - capture;
}

TEST_CASE("uncalibrated offsets are the drummer's plus the loop JACK's latencies predict",
          "[jack][calibrate]") {
  LiveRig rig;
  DrummerOptions drummer;
  drummer.bias_ms = 7.0;
  drummer.jitter_ms = 3.0;
  drummer.playback_latency = 200;  // frames from its audio input to its ears
  drummer.capture_latency = 48;    // frames from its pads to its MIDI output
  CommandResult result;
  const auto played = rig.with_drummer(drummer, [&] {
    // The click goes only to the drummer's input, whose latency is then pocket's output's.
    result = rig.pocket({"play", "--bpm", "150", "--bars", "10", "--calibration-ms", "0",
                         "--audio-device", "drummer", "--no-save"});
  });
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(result.out);
  CHECK(j["audio"]["output_latency_ms"].get<double>() == Approx(200 / 48.0).margin(0.001));
  CHECK(j["midi"]["port_latency_ms"].get<double>() == Approx(1.0).margin(0.001));
  const long predicted = predicted_loop_frames(128, 200, 48);
  const auto drill = LiveRig::after_count_in(rig.numbered_by_onsets(played, j), 4);
  const LiveRig::LoopFrames loop = rig.loop_frames(drill, j, 4);
  INFO(loop.disturbed << " of " << drill.size() << " strokes next to a late cycle, left out");
  REQUIRE(loop.frames.size() * 2 >= drill.size());
  std::map<long, int> off;  // frames from the prediction: how many strokes
  for (long f : loop.frames) ++off[f - predicted];
  INFO("predicted loop " << predicted
                         << " frames; strokes by frames off it: " << Catch::Detail::stringify(off));
  CHECK(off.size() == 1);
  CHECK(off.begin()->first == 0);
}

TEST_CASE("calibration measures the loop and later sessions read the drummer's bias",
          "[jack][calibrate]") {
  LiveRig rig;
  // A drummer on the click, to the frame: what calibration finds is the loop itself.
  const double calibration = rig.calibrate();
  INFO("calibration " << calibration << " ms");
  CHECK_THAT(read_text(rig.dir() / "config" / "pocket" / "config.toml"),
             Contains("calibration_ms"));

  for (const double bias : {12.0, -12.0}) {
    DrummerOptions drummer;
    drummer.bias_ms = bias;
    drummer.jitter_ms = 3.0;
    drummer.seed = bias > 0 ? 7 : 8;
    CommandResult result;
    const auto played = rig.with_drummer(drummer, [&] {
      result = rig.pocket({"play", "--bpm", "120", "--bars", "12"});
    });
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const nlohmann::json j = nlohmann::json::parse(result.out);
    const auto drill = LiveRig::after_count_in(rig.numbered_by_onsets(played, j), 4);
    CHECK(j["calibration_ms"].get<double>() == Approx(calibration));
    // The loop on this rig: the click plays to the server's playback ports (their latency is
    // pocket's output latency) and to the drummer, who hears it at once. Calibration found it
    // to the frame (its value is kept to a hundredth of a millisecond).
    const double output_latency = j["audio"]["output_latency_ms"].get<double>();
    const long loop = predicted_loop_frames(128, std::lround(output_latency * 48.0), 0);
    CHECK(calibration == Approx(loop / 48.0).margin(0.005));
    CHECK(std::abs(calibration + output_latency) <= kJackPeriodMs + 0.005);

    const auto unscored = rig.unscored(drill, j, 4);
    INFO(rig.server_xruns().size()
         << " xruns told; strokes missing next to a late cycle: " << unscored.disturbed.size()
         << ", and not: " << Catch::Detail::stringify(unscored.unexplained));
    CHECK(unscored.unexplained.empty());
    CHECK(j["hits"] == drill.size() - unscored.disturbed.size());
    CHECK_THAT(j["summary"].get<std::string>(), Contains(bias > 0 ? "late by" : "early by"));
    // On JACK a stroke is timed to the frame (stroke_timing_test.cpp holds every stroke to it).
    CHECK(j["midi"]["precision_bound_ms"].get<double>() == Approx(1000.0 / 48000).margin(0.005));
    // Stroke by stroke, the calibrated offset is the drummer's own; and over the strokes no late
    // cycle could move, pocket's mean is the drummer's bias as it played it.
    const Disturbances disturbances = rig.disturbances(j);
    std::vector<double> pocket_offsets, drummer_offsets;
    double worst = 0.0;
    for (const auto& p : LiveRig::paired(drill, j, 4)) {
      if (LiveRig::disturbed(p.played, disturbances)) continue;
      pocket_offsets.push_back(p.pocket_offset_ms);
      drummer_offsets.push_back(p.played.offset_ms);
      worst = std::max(worst, std::abs(p.pocket_offset_ms - p.played.offset_ms));
    }
    const Stats pocket = stats_of(pocket_offsets), truth = stats_of(drummer_offsets);
    INFO("over " << truth.count << " strokes of " << drill.size() << ": pocket's mean "
                 << pocket.mean << " SD " << pocket.sd << "; the drummer's " << truth.mean << " SD "
                 << truth.sd << "; the largest difference " << worst << " ms");
    REQUIRE(truth.count * 2 >= drill.size());
    CHECK(worst <= 0.01);
    CHECK(pocket.mean == Approx(truth.mean).margin(0.1));
    CHECK(pocket.sd == Approx(truth.sd).margin(0.1));
    CHECK(j["mean_offset_ms"].get<double>() == Approx(truth.mean).margin(kJackPeriodMs));
  }
}

TEST_CASE("a drummer who pulls ahead is reported rushing, left-out strokes as missed",
          "[jack][play]") {
  LiveRig rig;
  DrummerOptions drummer;
  drummer.drift_ms_per_min = -40.0;
  drummer.jitter_ms = 2.0;
  drummer.notes = "36,42,38,42";
  drummer.miss_every = 9;
  CommandResult result;
  const auto played = rig.with_drummer(drummer, [&] {
    result = rig.pocket({"play", "--bpm", "140", "--bars", "24"});
  });
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(result.out);
  INFO(j["summary"]);
  CHECK_THAT(result.err, !Contains("room for"));  // a history with room says nothing of it
  CHECK(j["drift_ms_per_min"].get<double>() == Approx(-40.0).margin(8.0));
  CHECK_THAT(j["summary"].get<std::string>(), Contains("rushing"));
  CHECK(j["pads"].contains("kick"));
  CHECK(j["pads"].contains("hihat"));
  const auto drill = LiveRig::after_count_in(rig.numbered_by_onsets(played, j), 4);
  const auto unscored = rig.unscored(drill, j, 4);
  INFO(rig.server_xruns().size() << " xruns told; strokes missing next to a late cycle: "
                                 << unscored.disturbed.size() << ", and not: "
                                 << Catch::Detail::stringify(unscored.unexplained));
  CHECK(unscored.unexplained.empty());
  const auto lost = static_cast<long>(unscored.disturbed.size());
  CHECK(j["hits"] == static_cast<long>(drill.size()) - lost);
  // The clicks between the drummer's first and last drill stroke that it left out (and any
  // stroke the server lost in between).
  long first = drill.front().click_index, last = drill.back().click_index;
  const long left_out = (last - first + 1) - static_cast<long>(drill.size());
  CHECK(j["missed"].get<long>() >= left_out);
  CHECK(j["missed"].get<long>() <= left_out + lost);
  CHECK(left_out >= 8);
}

TEST_CASE("minutes of playing lose no strokes", "[jack][play][long]") {
  LiveRig rig;
  DrummerOptions drummer;
  drummer.jitter_ms = 4.0;
  drummer.notes = "36,42,38,42";
  drummer.clicks_per_beat = 2;
  CommandResult result;
  const auto played = rig.with_drummer(drummer, [&] {
    result = rig.pocket({"play", "--bpm", "150", "--subdivision", "2", "--minutes", "2"});
  });
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(result.out);
  const auto drill = LiveRig::after_count_in(rig.numbered_by_onsets(played, j), 8);
  INFO(drill.size() << " strokes played, " << j["audio"]["underflows"] << " underflows, "
                    << j["double_triggers"] << " double triggers");
  CHECK(drill.size() > 550);
  // Every stroke the drummer played is in pocket's list, but for any in a cycle pocket missed
  // (its MIDI is gone before pocket could read it).
  const auto unscored = rig.unscored(drill, j, 8);
  INFO(rig.server_xruns().size() << " xruns told by the server, " << j["audio"]["missed_cycles"]
                                 << " cycles pocket missed; strokes not in pocket's list next "
                                 << "to a late cycle: "
                                 << Catch::Detail::stringify(unscored.disturbed) << ", and not: "
                                 << Catch::Detail::stringify(unscored.unexplained));
  CHECK(unscored.unexplained.empty());
  CHECK(unscored.disturbed.size() <=
        j["audio"]["late_cycles"].size() + rig.drummer_missed().size());
  CHECK(j["hits"] == drill.size() - unscored.disturbed.size());
  CHECK(j["missed"].get<std::size_t>() <= unscored.disturbed.size());
  CHECK(j["extra"] == 0);
  CHECK(j["audio"]["dropped_records"] == 0);
  CHECK(j["seconds"].get<double>() >= 120.0);
}
