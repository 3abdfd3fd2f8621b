// The pieces of the live views that need no terminal: the meter's scale, the large digits and
// the line view's lines.
#include <cstdio>
#include <functional>

#include <catch2/catch.hpp>

#include "views/big_text.hpp"
#include "views/line_view.hpp"
#include "views/meter_scale.hpp"
#include "views/player_control_json.hpp"
#include "views/redraw_pacer.hpp"
#include "views/wrapped_text.hpp"

using namespace pocket;
using namespace pocket;

TEST_CASE("the meter puts 0 in the middle and 50 ms on its edges", "[view]") {
  const MeterScale scale(52);  // an even width gives up a column to have a middle
  CHECK(scale.width() == 51);
  CHECK(scale.column(0.0) == 25);
  CHECK(scale.column(-50.0) == 0);
  CHECK(scale.column(50.0) == 50);
  CHECK(scale.column(-200.0) == 0);  // further out stays on the edge
  CHECK(scale.column(10.0) == 30);   // 25 columns for 50 ms: 10 ms is 5 columns
  CHECK(scale.column(-25.0) == 12);  // 12.5 columns round away from the middle
  CHECK(scale.column(25.0) == 38);
  const std::string track = scale.track();
  CHECK(track.size() == 51);
  CHECK(track[25] == '+');
  CHECK(track[20] == ':');
  CHECK(track[30] == ':');
  CHECK(track[12] == '|');
  CHECK(track[38] == '|');
  CHECK(track[0] == '-');
}

TEST_CASE("strokes fall in bands at 10 and 25 ms", "[view]") {
  CHECK(band_of(0.0) == Band::tight);
  CHECK(band_of(-10.0) == Band::tight);
  CHECK(band_of(10.5) == Band::close);
  CHECK(band_of(-25.0) == Band::close);
  CHECK(band_of(25.1) == Band::loose);
  CHECK(band_of(-80.0) == Band::loose);
}

TEST_CASE("large digits are five rows of six columns a character", "[view]") {
  const auto rows = big_text("+12");
  REQUIRE(rows.size() == 5);
  for (const std::string& row : rows) CHECK(row.size() == 3 * 6 + 2 * 2);
  CHECK(rows[2] == "######    ##    ######");  // the plus bar, the stem of 1, the middle of 2
  CHECK(rows[4] == "        ######  ######");
  CHECK(big_text("7")[0] == "######");
  CHECK(big_text("x")[2] == "      ");  // unknown characters are blank
}

namespace {
std::string lines_of(const std::function<void(LineView&)>& feed, bool stroke_lines = true) {
  std::FILE* file = std::tmpfile();
  LineView view(file, stroke_lines);
  feed(view);
  std::rewind(file);
  std::string text;
  for (int c = std::fgetc(file); c != EOF; c = std::fgetc(file)) text += static_cast<char>(c);
  std::fclose(file);
  return text;
}
}  // namespace

TEST_CASE("the line view prints a line per stroke, bar, step and click-mode decision", "[view]") {
  const std::vector<std::string> pads = {"kick", "snare"};
  const std::string text = lines_of([&](LineView& view) {
    view.started({"play", "JACK / system", "pocket (virtual)", 5.3, 2.7, 128, 48000.0, {}});
    ScoredStroke stroke;
    stroke.stroke.pad = 1;
    stroke.offset_ms = -7.4;
    stroke.matched = true;
    view.stroke_scored(stroke, "snare");
    BarClosed bar;
    bar.bar.bar = 2;
    bar.bar.tally.add_hit(-7.4);
    bar.bar.tally.add_hit(12.0);
    bar.bar.tally.missed = 1;
    bar.bpm = 96.0;
    bar.click_silenced = true;
    bar.pad_names = &pads;
    view.bar_closed(bar);
    StepResult step;
    step.bpm = 103.0;
    step.complete = true;
    step.tally = bar.bar.tally;
    step.check = {false, "SD", 9.7, 8.0};
    view.step_closed({step, 1, 10});
    view.click_mode_changed({SilenceRequest::Kind::silence, 12, 14});
    view.click_mode_changed({SilenceRequest::Kind::end_silence, 16, SilenceRequest::kUntilTold});
  });
  CHECK(text ==
        "audio: JACK / system (output latency 5.3 ms, 128 frames at 48000 Hz)\n"
        "midi: pocket (virtual)\n"
        "  snare      -7 ms\n"
        "bar   3 at 96 BPM: 2/3 slots within 25 ms, mean +2 ms, SD 14 ms  (no click)\n"
        "step 2 at 103 BPM: 67% of slots within 25 ms, SD 13.7 ms: not yet (the rule allows an "
        "SD up to 8 ms)\n"
        "next gap: 2 bars without the click from bar 13\n"
        "the click comes back at bar 17\n");
  CHECK(lines_of(
            [](LineView& view) {
              ScoredStroke stroke;
              view.stroke_scored(stroke, "kick");
            },
            false)
            .empty());  // --quiet
}

TEST_CASE("the view redraws at most 30 times a second however often it is told", "[view]") {
  RedrawPacer pacer;
  const auto start = RedrawPacer::Clock::time_point{} + std::chrono::hours(1);
  std::vector<int> drawn_at;             // milliseconds
  for (int ms = 0; ms < 10'000; ++ms) {  // told every millisecond for ten seconds
    if (pacer.due(start + std::chrono::milliseconds(ms))) drawn_at.push_back(ms);
  }
  // No second, wherever it starts, holds more than 30 redraws, and it holds nearly 30.
  for (std::size_t i = 30; i < drawn_at.size(); ++i) CHECK(drawn_at[i] - drawn_at[i - 30] >= 1000);
  CHECK(drawn_at.size() >= 290);
  // Told seldom, it draws every time.
  RedrawPacer slow;
  for (int i = 0; i < 5; ++i) CHECK(slow.due(start + std::chrono::milliseconds(100 * i)));
}

TEST_CASE("a notice is wrapped at spaces to the screen's width", "[view]") {
  CHECK(wrapped_text("", 10).empty());
  CHECK(wrapped_text("one two three", 20) == std::vector<std::string>{"one two three"});
  CHECK(wrapped_text("one two three", 7) == std::vector<std::string>{"one two", "three"});
  CHECK(wrapped_text("one  two", 20) == std::vector<std::string>{"one two"});
  CHECK(wrapped_text("a unbreakable-word b", 5) ==
        std::vector<std::string>{"a", "unbreakable-word", "b"});
  for (const auto& row : wrapped_text("no solid tempo of ladder in your history yet: this ladder "
                                      "is not capped; once a step holds, the climb stays within "
                                      "5% of the tempo you hold",
                                      78))
    CHECK(row.size() <= 78);
}

TEST_CASE("the line view says once that the click waits for a hit, and names the remote pad",
          "[view][start-on-hit][remote]") {
  const std::string text = lines_of([](LineView& view) {
    SessionStarted start{"play", "JACK / system", "pocket (virtual)", 5.3, 2.7, 128, 48000.0, {}};
    start.remote_pad = "aux1";
    view.started(start);
    SessionState state;
    state.click = ClickState::waiting_for_hit;
    view.state_changed(state);
    view.state_changed(state);  // told again and again while it waits: one line
    state.click = ClickState::count_in;
    view.state_changed(state);
  });
  CHECK(text ==
        "audio: JACK / system (output latency 5.3 ms, 128 frames at 48000 Hz)\n"
        "midi: pocket (virtual)\n"
        "remote pad aux1: one hit pauses or goes on at the bar line, three within 1.5 s end\n"
        "waiting for a hit: hit any pad to start, the count-in begins a beat after it\n");
}

TEST_CASE("the JSON result lists the pauses, the wait for the hit and the remote's taps",
          "[view][remote]") {
  LiveResult r;
  nlohmann::json none;
  add_player_control_json(none, r);
  CHECK(none["paused_seconds"] == 0.0);
  CHECK(none["pauses"].empty());
  CHECK(none["start_on_hit"].is_null());
  CHECK(none["remote"].is_null());

  r.paused_seconds = 3.3;
  r.pauses = {{3, 9.5, 3.3}};
  r.waited_seconds = 1.25;
  r.remote = RemoteUse{"crash2",
                       5,
                       {{8.5, RemoteUse::Did::pause},
                        {12.3, RemoteUse::Did::resume},
                        {15.0, RemoteUse::Did::pause},
                        {15.6, RemoteUse::Did::end}}};
  nlohmann::json j;
  add_player_control_json(j, r);
  CHECK(j["paused_seconds"] == 3.3);
  REQUIRE(j["pauses"].size() == 1);
  CHECK(j["pauses"][0] == nlohmann::json{{"bar", 3}, {"at_seconds", 9.5}, {"seconds", 3.3}});
  CHECK(j["start_on_hit"]["waited_seconds"] == 1.25);
  CHECK(j["remote"]["pad"] == "crash2");
  CHECK(j["remote"]["taps"] == 5);
  REQUIRE(j["remote"]["actions"].size() == 4);
  CHECK(j["remote"]["actions"][1] == nlohmann::json{{"seconds", 12.3}, {"did", "resume"}});
  CHECK(j["remote"]["actions"][3]["did"] == "end");
}
