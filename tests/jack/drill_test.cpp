// Drills against a real JACK server and the virtual drummer.
#include <map>

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/grid.hpp"
#include "live_rig.hpp"
#include "midi/groove_file.hpp"
#include "store/session_store.hpp"
#include "support/shipped_presets.hpp"

using namespace pocket::test;
using Catch::Contains;

TEST_CASE("every shipped drill plays two bars with the virtual drummer", "[jack][drill]") {
  LiveRig rig;
  DrummerOptions drummer;
  drummer.jitter_ms = 3.0;
  drummer.notes = "36,42,38,42";
  int session = 0;
  for (const pocket::PresetEntry& entry : shipped_presets().drills()) {
    ++session;
    pocket::Drill drill = shipped_presets().drill(entry.name).drill;
    // A groove drill's bars, grid and pattern are its groove's.
    if (drill.groove)
      pocket::play_groove(drill,
                          pocket::read_groove(drill.groove->file, shipped_kit(drill.groove->map)));
    CommandResult result;
    rig.with_drummer(drummer, [&] {
      // No count-in: one bar of each session's three, and the play tests cover it.
      result = rig.pocket(
          {"drill", entry.name, "--max-bars", "2", "--count-in", "0", "--calibration-ms", "0"});
    });
    INFO(entry.name << ": " << result.err);
    REQUIRE(result.exit_code == 0);
    const nlohmann::json j = nlohmann::json::parse(result.out);
    CHECK(j["drill"] == entry.name);
    CHECK(j["meter"] == to_string(drill.meters));
    CHECK(j["grid"] == drill.scored_grid());
    // The drummer's kick, hat, snare, hat on the clicks need not meet a groove's notes (a ride
    // groove has no hi-hat): there every stroke must at least be scored, hit or extra.
    if (drill.groove) {
      CHECK_FALSE(j["strokes"].empty());
    } else {
      CHECK(j["hits"].get<int>() > 0);
    }
    CHECK(j["strokes"].size() == j["hits"].get<std::size_t>() + j["extra"].get<std::size_t>());
    CHECK(j["audio"]["dropped_records"] == 0);
    CHECK(j["audio"]["lost"] == false);
    CHECK(j["midi"]["lost"] == false);
    CHECK(j.contains("click_modes"));
    CHECK(j.contains("ladder") == drill.ladder.has_value());
    // Two bars and no more: every stroke scored lies in bar 0 or 1.
    const long end_slot =
        pocket::Grid::constant(drill.start_bpm(), drill.meters, drill.scored_grid())
            .first_slot_of_bar(2);
    for (const auto& s : j["strokes"]) CHECK(s["slot"].get<long>() < end_slot);
    // The history scores a pattern drill the same as the session did.
    if (!drill.pattern.empty()) {
      const auto shown =
          run_command(POCKET_BINARY, {"show", std::to_string(session)}, rig.dir().path());
      CHECK_THAT(shown.out,
                 Contains(fmt::format("missed slots     {:>8}", j["missed"].get<int>())));
      CHECK_THAT(shown.out, Contains("against the pattern"));
    }
  }
}

TEST_CASE(
    "silent while tight: the click drops out after tight bars, back within a bar of the "
    "drift",
    "[jack][drill][silent]") {
  LiveRig rig;
  DrummerOptions drummer;
  drummer.jitter_ms = 2.0;
  drummer.keep_time = true;           // keeps time through the silence...
  drummer.drift_from_seconds = 16.0;  // ...until bar 7, then pulls ahead
  drummer.drift_ms_per_min = -600.0;  // 10 ms earlier every second
  CommandResult result;
  const auto played = rig.with_drummer(drummer, [&] {
    result = rig.pocket({"drill", "silent-while-tight", "--bpm", "120", "--grid", "4", "--max-bars",
                         "14", "--calibration-ms", "0"});
  });
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(result.out);

  // The first bar that left the window (85 % of its 4 slots within 25 ms), from pocket's own
  // strokes: the calibration offset of the loop is a few ms, far inside the window.
  std::map<long, int> within;  // bar -> slots struck within 25 ms
  for (const auto& s : j["strokes"]) {
    if (s["matched"] && std::abs(s["offset_ms"].get<double>()) <= 25.0)
      ++within[s["slot"].get<long>() / 4];
  }
  long loose = -1;
  for (long bar = 0; bar < 14 && loose < 0; ++bar) {
    if (within[bar] < 4) loose = bar;
  }
  INFO("first loose bar " << loose);
  REQUIRE(loose >= 7);

  const nlohmann::json& silent = j["click_modes"]["silent"];
  INFO(silent.dump());
  REQUIRE(silent["stretches"].size() >= 1);
  const nlohmann::json& first = silent["stretches"][0];
  // Four tight bars (0-3) close during bar 4: the click drops out from bar 5.
  CHECK(first["first_bar"] == 5);
  // The loose bar closes during the next one: the click is back on the bar line after that.
  const long back = first["first_bar"].get<long>() + first["bars"].get<long>();
  CHECK(back >= loose + 1);
  CHECK(back <= loose + 2);
  CHECK(silent["seconds"].get<double>() == Approx(first["bars"].get<double>() * 2.0).margin(0.01));
  CHECK(silent["longest_bars"] == first["bars"]);

  // The drummer kept time in the silence: those strokes were scored, on left-out clicks, each
  // at the offset the drummer's own record gives it from where the left-out click would have
  // sounded (the clicks it heard before, a beat of 24 000 frames on, and any cycle pocket missed
  // in between, which plays the rest of the click a period later), plus the loop.
  REQUIRE(j.contains("by_click"));
  CHECK(j["by_click"]["muted"]["hits"].get<int>() >= 4);
  const Disturbances disturbances = rig.disturbances(j);
  const long loop = 128 - std::lround(j["audio"]["output_latency_ms"].get<double>() * 48.0);
  std::map<long, long> click_of_slot;  // slot -> the frame the drummer heard its click at
  long first_click = -1;
  for (const DrummerStroke& s : played) {
    if (!s.heard) continue;
    if (first_click < 0) first_click = s.click_frame - s.click_index * 24000;
    click_of_slot[std::lround((s.click_frame - first_click) / 24000.0) - 4] = s.click_frame;
  }
  int muted = 0, checked = 0;
  for (const auto& stroke : j["strokes"]) {
    if (stroke["click_heard"] || !stroke["matched"]) continue;
    ++muted;
    const long slot = stroke["slot"].get<long>();
    const auto after = click_of_slot.lower_bound(slot);
    if (after == click_of_slot.begin()) continue;
    const auto heard = std::prev(after);  // the last click heard before
    long click = heard->second + (slot - heard->first) * 24000;
    click += disturbances.slip_between(heard->second, click);
    // The drummer's stroke nearest that click.
    const DrummerStroke* nearest = nullptr;
    for (const DrummerStroke& s : played)
      if (!nearest || std::labs(s.stroke_frame - click) < std::labs(nearest->stroke_frame - click))
        nearest = &s;
    if (LiveRig::disturbed({0, click, nearest->stroke_frame}, disturbances)) continue;
    ++checked;
    INFO("slot " << slot << ": pocket " << stroke["offset_ms"] << " ms, the drummer's stroke "
                 << nearest->stroke_frame - click << " frames from the left-out click");
    CHECK(std::lround(stroke["offset_ms"].get<double>() * 48.0) ==
          nearest->stroke_frame - click + loop);
  }
  INFO(checked << " of " << muted << " strokes on left-out clicks away from a late cycle");
  CHECK(checked * 2 >= muted);
  // Audible clicks: every bar's four, but for the silent ones.
  const long bars_played = 1 + 14;  // count-in and the drill
  CHECK(j["clicks"] == 4 * (bars_played - first["bars"].get<long>()));
  // The history keeps what the click mode did.
  const auto shown = run_command(POCKET_BINARY, {"show", "1"}, rig.dir().path());
  CHECK_THAT(shown.out, Contains("without the click: ") && Contains("the longest stretch"));
}

TEST_CASE("a ladder is capped from the player's history of the drill", "[jack][drill][ladder]") {
  LiveRig rig;
  DrummerOptions drummer;
  drummer.jitter_ms = 2.0;

  // No history yet: the first ladder is not capped, and says so.
  CommandResult first;
  rig.with_drummer(drummer, [&] {
    first = rig.pocket({"drill", "warm-up", "--grid", "4", "--from", "100", "--to", "103", "--step",
                        "3%", "--bars", "1", "--calibration-ms", "0", "--no-save"});
  });
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  const nlohmann::json uncapped = nlohmann::json::parse(first.out);
  CHECK(uncapped["ladder"]["consolidated_bpm"].is_null());
  CHECK(uncapped["ladder"]["ceiling_bpm"] == 103.0);
  CHECK_THAT(first.err, Contains("in your history yet: this ladder is not capped"));

  // A history the test builds: warm-up held 100 BPM last week, and a play session elsewhere.
  {
    pocket::SessionStore store(rig.dir() / "history.sqlite");
    pocket::SessionRecord record;
    record.started_at = "2026-11-20T18:00:00Z";
    record.drill = "warm-up";
    const std::int64_t id = store.begin_session(record);
    store.add_step(id, {0, 96.0, 4, true, true, 30, 0, 1.0, 5.0, 1.0, 0});
    store.add_step(id, {1, 100.0, 4, true, true, 30, 0, 1.0, 5.0, 1.0, 5});
    store.add_step(id, {2, 104.0, 4, true, false, 20, 10, 1.0, 25.0, 0.6, 10});
    record.id = id;
    record.status = "finished";
    store.finish_session(record);
    record.drill = "play";
    record.bpm_low = record.bpm_high = 140.0;
    store.begin_session(record);
  }
  CommandResult capped;
  rig.with_drummer(drummer, [&] {
    capped = rig.pocket({"drill", "warm-up", "--grid", "4", "--from", "100", "--to", "120",
                         "--step", "3%", "--bars", "2", "--calibration-ms", "0"});
  });
  INFO(capped.err);
  REQUIRE(capped.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(capped.out);
  CHECK(j["ladder"]["consolidated_bpm"] == 100.0);
  CHECK(j["ladder"]["ceiling_bpm"] == 105.0);
  CHECK_THAT(capped.err, Contains("your consolidated tempo on warm-up is 100 BPM"));
  for (const auto& step : j["ladder"]["steps"]) CHECK(step["bpm"].get<double>() <= 105.0);
  CHECK(j["ladder"]["steps"].back()["bpm"] == 105.0);
  CHECK(j["ladder"]["verdict"]["kind"] == "healthy-pace ceiling reached");
  // The session is kept under the drill's name, with its file's fingerprint.
  pocket::SessionStore store(rig.dir() / "history.sqlite");
  const auto kept = store.history({"warm-up", "", 10});
  REQUIRE(kept.size() == 2);
  CHECK(kept.front().drill_fingerprint.size() == 16);
}
