// The full-screen view in a real terminal (tmux), against the JACK dummy server and the virtual
// drummer: strokes move the meter and the large offset, the ladder's step shows, space pauses
// and resumes, q ends with the summary, and the terminal is given back as it was found, also
// after SIGTERM and a crash.
#include <regex>
#include <thread>

#include <catch2/catch.hpp>

#include "live_rig.hpp"
#include "support/tmux_window.hpp"

using namespace pocket::test;
using namespace std::chrono_literals;
using Catch::Contains;

namespace {

// pocket with `args`, framed by two readings of the terminal's modes.
std::string framed(const TempDir& dir, const std::string& args) {
  return framed_command(dir, std::string(POCKET_BINARY) + " " + args);
}

// The rows of the screen from `first` to `last`.
std::string rows(const std::string& screen, int first, int last) {
  std::istringstream in(screen);
  std::string line, picked;
  for (int row = 0; std::getline(in, line); ++row) {
    if (row >= first && row <= last) picked += line + "\n";
  }
  return picked;
}

// The bar number the header shows, or -1.
int bar_shown(const std::string& screen) {
  std::smatch match;
  if (!std::regex_search(screen, match, std::regex(R"(bar (\d+)  beat)"))) return -1;
  return std::stoi(match[1]);
}

// The session's time on the screen's second row ("0:41"), in seconds; -1 when not shown.
int clock_shown(const std::string& screen) {
  std::smatch match;
  if (!std::regex_search(screen, match, std::regex(R"(click: [a-z -]+   (\d+):(\d\d))"))) return -1;
  return std::stoi(match[1]) * 60 + std::stoi(match[2]);
}

// The seconds the summary says the click played ("96 clicks over 41 s"); -1 when not there.
int summary_seconds(const std::string& text) {
  std::smatch match;
  if (!std::regex_search(text, match, std::regex(R"(clicks over (\d+) s)"))) return -1;
  return std::stoi(match[1]);
}

const std::string kDevices = " --audio-api JACK --midi-api jack --midi-in virtual";

}  // namespace

TEST_CASE("the full-screen view follows the strokes, pauses, resumes and ends on q",
          "[jack][view]") {
  LiveRig rig;
  DrummerOptions drummer;
  drummer.jitter_ms = 6.0;
  drummer.keep_time = true;  // plays on through the pause, as a player might
  const auto played = rig.with_drummer(drummer, [&] {
    const Tmux tmux(rig.dir(), framed(rig.dir(),
                                      "ladder --from 100 --to 140 --step 3% --bars 4 "
                                      "--calibration-ms 0" +
                                          kDevices));
    // What was said before the click (no history: the ladder is not capped) stays in view.
    const std::string count_in = tmux.wait_for("step 1 at 100 BPM", 20s);
    const std::string notice = std::regex_replace(rows(count_in, 3, 4), std::regex(R"(\s+)"), " ");
    CHECK_THAT(notice, Contains("this ladder is not capped"));

    const std::string first = tmux.wait_for("snare early", 20s) + tmux.wait_for("snare late", 1s);
    INFO(tmux.screen());
    REQUIRE_FALSE(first.empty());
    CHECK_THAT(first, Contains("step 1 at 100 BPM"));
    CHECK_THAT(first, Contains("early") && Contains("late") && Contains("+25"));
    // At 80 columns the header still says where the click goes, and in what buffer.
    CHECK_THAT(rows(first, 0, 0), Contains("system:playback_1  (") && Contains(" frames)"));
    // The kit plays into pocket's virtual port: nothing to warn of.
    CHECK_THAT(first, !Contains("port is gone"));

    // In a ladder the coach sets the tempo: + is not offered, and does nothing.
    CHECK_THAT(first, !Contains("+ - tempo"));
    tmux.keys("+");
    bool nudged = false;
    for (int i = 0; i < 30 && !nudged; ++i) {  // three seconds: the next bar line is in them
      std::this_thread::sleep_for(100ms);
      nudged = tmux.screen().find("101 BPM") != std::string::npos;
    }
    CHECK_FALSE(nudged);

    // Strokes keep coming: the large offset (rows 5-9) and the snare's lane change.
    const std::string big = rows(tmux.screen(), 5, 9);
    const auto lane = [](const std::string& screen) {
      std::istringstream in(screen);
      for (std::string line; std::getline(in, line);) {
        if (line.rfind(" snare ", 0) == 0) return line;
      }
      return std::string();
    };
    const std::string lane_before = lane(tmux.screen());
    bool big_changed = false, lane_changed = false;
    for (int i = 0; i < 100 && !(big_changed && lane_changed); ++i) {
      std::this_thread::sleep_for(100ms);
      const std::string now = tmux.screen();
      big_changed = big_changed || rows(now, 5, 9) != big;
      lane_changed = lane_changed || lane(now) != lane_before;
    }
    CHECK(big_changed);
    CHECK(lane_changed);
    CHECK_FALSE(lane_before.empty());

    // A wider window gets a wider meter: the +25 ms band moves right. Its column in the narrow
    // window is read before the resize: the view may redraw before the next read.
    const auto band_edge = [&](const std::string& screen) {
      const std::string row = lane(screen);
      return row.empty() ? 0 : static_cast<long>(row.rfind('|'));
    };
    const long narrow_edge = band_edge(tmux.screen());
    tmux.resize(120, 30);
    long wide_edge = 0;
    for (int i = 0; i < 30 && wide_edge <= narrow_edge + 20; ++i) {
      std::this_thread::sleep_for(100ms);
      wide_edge = band_edge(tmux.screen());
    }
    INFO("the +25 ms band at column " << narrow_edge << ", then " << wide_edge);
    CHECK(narrow_edge > 40);
    CHECK(wide_edge > narrow_edge + 20);
    tmux.resize(80, 24);

    // Space: the click stops at the next bar line and no bar goes by.
    tmux.keys(" ");
    REQUIRE_FALSE(tmux.wait_for("click: paused", 10s).empty());
    // "paused" shows once the bar line is rendered; the clock stops once it is heard, a
    // buffer and the output's latency later.
    std::this_thread::sleep_for(1s);
    const std::string paused = tmux.screen();
    CHECK_THAT(paused, Contains("space go on"));
    const int held_bar = bar_shown(paused);
    std::this_thread::sleep_for(3s);
    const std::string still = tmux.screen();
    CHECK_THAT(still, Contains("click: paused"));
    CHECK(bar_shown(still) == held_bar);
    // Paused time is not counted: the session's clock stands still.
    CHECK(clock_shown(paused) >= 0);
    CHECK(clock_shown(still) == clock_shown(paused));
    // Space again: it plays on from the bar it held at.
    tmux.keys(" ");
    REQUIRE_FALSE(tmux.wait_for("click: heard", 10s).empty());
    bool moved_on = false;
    for (int i = 0; i < 100 && !moved_on; ++i) {
      std::this_thread::sleep_for(100ms);
      moved_on = bar_shown(tmux.screen()) > held_bar;
    }
    CHECK(moved_on);

    // q ends like Ctrl-C: the summary and the verdict on the terminal as it was.
    const int last_clock = clock_shown(tmux.screen());
    tmux.keys("q");
    const std::string code = wait_for_file(rig.dir() / "code.txt", 20s);
    CHECK(code == "0\n");
    const std::string after = tmux.scrollback();
    CHECK_THAT(after, Contains("clicks over"));
    CHECK_THAT(after, Contains("stopped early") || Contains("real limit"));
    // The summary's time leaves the pause out, as the clock did: it is the time the clock last
    // showed (and the moment q took), not that plus the pause of four seconds or more.
    INFO("the clock showed " << last_clock << " s before q");
    CHECK(last_clock > 0);
    CHECK(summary_seconds(after) >= last_clock);
    CHECK(summary_seconds(after) <= last_clock + 2);
    CHECK_THAT(after, !Contains("click: paused"));
    CHECK(read_text(rig.dir() / "after.txt") == read_text(rig.dir() / "before.txt"));
    CHECK(tmux.keypad_modes() == "0 0\n");
  });

  // The drummer played on through the pause; pocket scored none of those strokes: it kept one
  // stroke for each click the drummer heard after the count-in (give or take the bar cut by q).
  const auto exported =
      run_command(POCKET_BINARY, {"export", "1", "--format", "json"}, rig.dir().path());
  INFO(exported.err);
  REQUIRE(exported.exit_code == 0);
  const auto kept = nlohmann::json::parse(exported.out)["strokes"].size();
  const auto heard = LiveRig::after_count_in(played, 4).size();
  long through_silence = 0;
  for (const DrummerStroke& s : played) through_silence += s.heard ? 0 : 1;
  INFO("kept " << kept << ", heard " << heard << ", played through silence " << through_silence);
  CHECK(through_silence >= 5);  // the pause held about three seconds: five beats or more
  CHECK(std::abs(static_cast<long>(kept) - static_cast<long>(heard)) <= 2);
}

TEST_CASE("tempo keys nudge the click and Ctrl-C or SIGTERM or a crash give the terminal back",
          "[jack][view]") {
  LiveRig rig;
  for (const int signal : {SIGINT, SIGTERM, SIGSEGV}) {
    std::filesystem::remove(rig.dir() / "code.txt");
    // The Ctrl-C run plays gap bars: the view says when the click leaves the player alone.
    const std::string gap = signal == SIGINT ? " --gap 1:1" : "";
    const Tmux tmux(rig.dir(), framed(rig.dir(), "play --bpm 100 --no-save" + gap + kDevices));
    REQUIRE_FALSE(tmux.wait_for("click:", 20s).empty());
    INFO("signal " << signal);
    if (signal == SIGINT) CHECK_FALSE(tmux.wait_for("click: gap bar", 15s).empty());
    // The view turns the keypad modes on: the checks after it can tell whether they are off.
    CHECK(tmux.keypad_modes() == "1 1\n");
    if (signal == SIGTERM) {  // + and - nudge the tempo from the next bar line
      CHECK_THAT(tmux.screen(), Contains("+ - tempo"));
      tmux.keys("++");
      CHECK_FALSE(tmux.wait_for("102 BPM", 10s).empty());
      tmux.keys("-");
      CHECK_FALSE(tmux.wait_for("101 BPM", 10s).empty());
    }
    const pid_t pocket = tmux.program();
    REQUIRE(pocket > 0);
    if (signal == SIGINT) {
      tmux.control_c();  // from the keyboard, as a player would
    } else {
      kill(pocket, signal);
    }
    const std::string code = wait_for_file(rig.dir() / "code.txt", 20s);
    INFO("exit code " << code);
    // Ctrl-C and SIGTERM end the session cleanly, with its summary; a crash dies of its signal.
    const bool clean = signal != SIGSEGV;
    CHECK(code == (clean ? "0\n" : std::to_string(128 + signal) + "\n"));
    if (clean) CHECK_THAT(tmux.scrollback(), Contains("clicks over"));
    CHECK(read_text(rig.dir() / "after.txt") == read_text(rig.dir() / "before.txt"));
    CHECK(tmux.keypad_modes() == "0 0\n");
  }
}
