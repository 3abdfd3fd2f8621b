// The full-screen view as a terminal shows it (tmux), fed with the made-up events of
// view_replay: what a drummer reads from the throne is on the screen, in the rows it belongs
// to, and the terminal is given back on q.
#include <chrono>
#include <sstream>

#include <catch2/catch.hpp>

#include "support/temp_dir.hpp"
#include "support/tmux_window.hpp"

using namespace pocket::test;
using namespace std::chrono_literals;
using Catch::Contains;

namespace {

// The row of the screen that starts with `label` after the first column, or empty.
std::string row_of(const std::string& screen, const std::string& label) {
  std::istringstream in(screen);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(" " + label, 0) == 0) return line;
  }
  return "";
}

}  // namespace

TEST_CASE("the full-screen view shows the step and each pad's last bars and the warnings",
          "[view]") {
  const TempDir dir;
  const Tmux tmux(dir, framed_command(dir, VIEW_REPLAY_BINARY));
  const std::string screen = tmux.wait_for("audio underflows", 10s);
  INFO(tmux.screen());
  REQUIRE_FALSE(screen.empty());

  // The header: where the click goes (the device alone at 80 columns), tempo, bar, beat, the
  // click's state and the time played.
  CHECK_THAT(row_of(screen, "pocket"),
             Contains("replay") && Contains("system:playback_1  (128 frames)"));
  CHECK_THAT(row_of(screen, "100 BPM"), Contains("bar 3  beat 2/4   click: gap bar   1:15"));
  // The step so far against the rule: 8 strokes, all within 25 ms.
  CHECK_THAT(screen, Contains("step 1 at 100 BPM, 2 bars left: 100% in 25 ms (needs 85%), "
                              "SD 8.2 ms (max 18)"));
  // What was said before the click, on the notice rows.
  CHECK_THAT(screen, Contains("your consolidated tempo on replay is 100 BPM"));
  // The latest stroke in words beside the large digits.
  CHECK_THAT(screen, Contains("snare early"));
  // A lane a pad, with its mean and SD over the closed bars (kick 4 6 4 6, snare -12 -8 -12 -8)
  // and its loudness evenness: the kick at 100 80 100 80 spreads 13 % of its mean, the snare 0.
  CHECK_THAT(screen, Contains(" mean    SD  even"));
  CHECK_THAT(row_of(screen, "kick"), Contains(" +5.0   1.2   13%"));
  CHECK_THAT(row_of(screen, "snare"), Contains("-10.0   2.3    0%"));
  // The warnings, in red on the rows above the keys.
  CHECK_THAT(screen, Contains("! the kit's MIDI port is gone"));
  CHECK_THAT(screen, Contains("! audio underflows: 3 (the machine could not keep up"));
  CHECK_THAT(screen, Contains("space pause   q end"));

  // Below 80x24 the view says what it needs instead of a broken meter.
  tmux.resize(70, 20);
  const std::string small = tmux.wait_for("make this window at least 80x24", 10s);
  CHECK_THAT(small, Contains("(now 70x20)") && Contains("latest: snare -31 ms"));
  tmux.resize(80, 24);
  CHECK_FALSE(tmux.wait_for("snare   ---", 10s).empty());  // the meter is back

  tmux.keys("q");
  CHECK(wait_for_file(dir / "code.txt", 10s) == "0\n");
  CHECK(read_text(dir / "after.txt") == read_text(dir / "before.txt"));
  CHECK(tmux.keypad_modes() == "0 0\n");
}

TEST_CASE("the full-screen view warns that the song skipped, above the keys", "[view][backing]") {
  const TempDir dir;
  const Tmux tmux(dir, framed_command(dir, std::string(VIEW_REPLAY_BINARY) + " song"));
  const std::string screen = tmux.wait_for("the song skipped", 10s);
  INFO(tmux.screen());
  CHECK_THAT(
      row_of(screen, "!"),
      Contains("! the song skipped 2 times: its file is read too slowly (the click goes on)"));
  CHECK_THAT(screen, !Contains("underflows") && !Contains("port is gone"));
  tmux.keys("q");
  CHECK(wait_for_file(dir / "code.txt", 10s) == "0\n");
}
