// pocket play against a real JACK server and the virtual drummer: what pocket reports must be
// what the drummer played.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "live_rig.hpp"

using namespace pocket::test;
using Catch::Contains;

namespace {
constexpr double kJackPeriodMs = 128.0 / 48.0;
}

TEST_CASE("calibration finds the loop offset and later sessions subtract it", "[jack][calibrate]") {
  LiveRig rig;
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
    const auto drill = LiveRig::after_count_in(played, 4);
    const Stats truth = stats_of(LiveRig::offsets(drill));
    INFO("bias " << bias << ": pocket mean " << j["mean_offset_ms"] << " SD " << j["sd_offset_ms"]
                 << "; drummer mean " << truth.mean << " SD " << truth.sd << " over " << truth.count
                 << " strokes");
    CHECK(j["calibration_ms"].get<double>() == Approx(calibration));
    // The drummer hears pocket's port, not the output: it plays the output latency early, and
    // its strokes reach pocket in a later cycle. That loop is what the calibration found: a few
    // periods. (How well it was measured shows stroke by stroke below.)
    CHECK(std::abs(calibration) <= 3.0 * kJackPeriodMs);
    const auto unscored = rig.unscored(drill, j, 4);
    INFO(rig.server_xruns().size()
         << " xruns; strokes missing near one: " << unscored.near_xrun.size()
         << ", and not near one: " << Catch::Detail::stringify(unscored.unexplained));
    CHECK(unscored.unexplained.empty());
    CHECK(j["hits"] == drill.size() - unscored.near_xrun.size());
    CHECK(j["mean_offset_ms"].get<double>() == Approx(truth.mean).margin(kJackPeriodMs));
    CHECK(j["sd_offset_ms"].get<double>() == Approx(truth.sd).margin(1.5));
    CHECK_THAT(j["summary"].get<std::string>(), Contains(bias > 0 ? "late by" : "early by"));
    // On JACK a stroke is timed to the frame (stroke_timing_test.cpp holds every stroke to it).
    CHECK(j["midi"]["precision_bound_ms"].get<double>() == Approx(1000.0 / 48000).margin(0.005));
    // Stroke by stroke, by slot: each offset pocket measured is the drummer's own to within
    // a period, once the calibrated loop offset is subtracted: the calibration's clicks may
    // include one an xrun delayed.
    // A stroke near an xrun may have come a cycle late: the bound holds for the others, and
    // a server too busy to leave half of them is no test of it.
    const auto pairs = LiveRig::paired(drill, j, 4);
    REQUIRE(pairs.size() == drill.size() - unscored.near_xrun.size());
    double worst = 0.0, left = 0.0;
    std::size_t held = 0;
    for (const auto& p : pairs) {
      if (rig.near_xrun(p.played.stroke_frame)) continue;
      worst = std::max(worst, std::abs(p.pocket_offset_ms - p.played.offset_ms));
      left += p.pocket_offset_ms - p.played.offset_ms;
      ++held;
    }
    left /= static_cast<double>(std::max<std::size_t>(held, 1));
    INFO("the largest difference from the drummer's own offset: "
         << worst << " ms, over " << held << " strokes away from the server's xruns; "
         << "on average " << left << " ms");
    CHECK(held * 2 >= drill.size());
    CHECK(worst <= kJackPeriodMs);
    // What the calibration left of the loop: within one period of nothing.
    CHECK(std::abs(left) <= kJackPeriodMs);
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
  const auto drill = LiveRig::after_count_in(played, 4);
  const auto unscored = rig.unscored(drill, j, 4);
  INFO(rig.server_xruns().size() << " xruns; strokes missing near one: "
                                 << unscored.near_xrun.size() << ", and not near one: "
                                 << Catch::Detail::stringify(unscored.unexplained));
  CHECK(unscored.unexplained.empty());
  const auto lost = static_cast<long>(unscored.near_xrun.size());
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
  const auto drill = LiveRig::after_count_in(played, 8);
  INFO(drill.size() << " strokes played, " << j["audio"]["underflows"] << " underflows, "
                    << j["double_triggers"] << " double triggers");
  CHECK(drill.size() > 550);
  // Every stroke the drummer played is in pocket's list, but for any the server may have
  // dropped in an xrun before pocket could read it.
  const auto unscored = rig.unscored(drill, j, 8);
  INFO(rig.server_xruns().size()
       << " xruns told by the server; strokes not in pocket's list near one: "
       << Catch::Detail::stringify(unscored.near_xrun)
       << ", and not near one: " << Catch::Detail::stringify(unscored.unexplained));
  CHECK(unscored.unexplained.empty());
  CHECK(unscored.near_xrun.size() <= rig.server_xruns().size());
  CHECK(j["hits"] == drill.size() - unscored.near_xrun.size());
  CHECK(j["missed"].get<std::size_t>() <= unscored.near_xrun.size());
  CHECK(j["extra"] == 0);
  CHECK(j["audio"]["dropped_records"] == 0);
  CHECK(j["seconds"].get<double>() >= 120.0);
}
