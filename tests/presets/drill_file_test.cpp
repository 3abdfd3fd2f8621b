#include <fstream>
#include <map>
#include <string>

#include <catch2/catch.hpp>

#include "presets/drill_file.hpp"
#include "presets/preset_error.hpp"
#include "support/temp_dir.hpp"

using namespace pocket;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

// The message of the error that reading the drill at `path` throws.
std::string drill_error(const std::filesystem::path& path) {
  try {
    read_drill_file(path);
  } catch (const PresetError& e) {
    return e.what();
  }
  FAIL(path.string() << " was read without an error");
  return {};
}

constexpr const char* kFixed = "name = \"x\"\n[tempo]\nbpm = 100\n";

}  // namespace

TEST_CASE("a drill file with every key fills the drill", "[drill_file]") {
  const test::TempDir dir;
  const auto path = dir.write("groove.toml", R"(
name = "A groove"
description = "kick, snare, hat"
meter = ["7/8", "4/4"]
count_in = 2
grid = 8

[click]
sound = "beep"
subdivision = 1
accents = ["XxXxXxx", "Xxxx"]

[pass]
within_25ms = 90
max_sd_ms = 15

[tempo]
bpm = 160
bars = 24

[pattern]
kick  = "x.....x | x...x..."
hihat = "xxxxxxx | xxxxxxxx"

[random_mute]
percent = 40
rise_bars = 12
seed = 9

[silent_while_tight]
after_bars = 3
within_25ms = 80
)");
  const Drill d = read_drill_file(path);
  CHECK(d.name == "groove");
  CHECK(d.title == "A groove");
  CHECK(d.description == "kick, snare, hat");
  CHECK(to_string(d.meters) == "7/8,4/4");
  CHECK(d.click.count_in_bars == 2);
  CHECK(d.scored_grid() == 8);
  CHECK(d.sound == "beep");
  CHECK(d.click.accents == "XxXxXxx|Xxxx");
  CHECK(d.rule.min_slots_within_25ms == Approx(0.90));
  CHECK(d.rule.max_sd_ms == 15.0);
  CHECK(d.bpm == 160.0);
  CHECK(d.bars == 24);
  CHECK_FALSE(d.ladder);
  REQUIRE(d.pattern.size() == 2);
  CHECK(d.pattern[0].pad == "hihat");
  CHECK(pattern_marks(d.pattern[0].marks) == std::string(15, 'x'));
  CHECK(d.pattern[1].pad == "kick");
  CHECK(pattern_marks(d.pattern[1].marks) == "x.....xx...x...");
  CHECK(d.click.random_mute.percent == 40.0);
  CHECK(d.click.random_mute.rise_bars == 12);
  CHECK(d.click.random_mute.seed == 9);
  REQUIRE(d.silent_while_tight);
  CHECK(d.silent_while_tight->after_bars == 3);
  CHECK(d.silent_while_tight->window.min_slots_within_25ms == Approx(0.80));
  CHECK(d.silent_while_tight->window.max_sd_ms == 15.0);  // from [pass]
}

TEST_CASE("a ladder drill and a quiet count", "[drill_file]") {
  const test::TempDir dir;
  const auto path = dir.write("slow.toml", R"(
name = "Slow"
[ladder]
from = 60
to = 40
step = 4
bars = 2
direction = "down"
on_fail = "step-back"
stop_after = 3
max_increase = 4
)");
  const Drill d = read_drill_file(path);
  REQUIRE(d.ladder);
  CHECK(d.ladder->start_bpm == 60.0);
  CHECK(d.ladder->target_bpm == 40.0);
  CHECK_FALSE(d.ladder->step.percent);
  CHECK(d.ladder->step.amount == 4.0);
  CHECK(d.ladder->bars_per_step == 2);
  CHECK(d.ladder->direction == LadderDirection::down);
  CHECK(d.ladder->on_fail == FailPolicy::step_back);
  CHECK(d.ladder->stop_after_fails == 3);
  CHECK(d.ladder->max_increase_percent == 4.0);
  CHECK(d.click.count_in_bars == 1);  // the default
  const Drill quiet = read_drill_file(
      dir.write("quiet.toml",
                "name = \"q\"\n[tempo]\nbpm = 90\n"
                "[quiet_count]\nplay_bars = 3\nfirst_gap_bars = 2\nmax_gap_bars = 6\n"));
  REQUIRE(quiet.quiet_count);
  CHECK(quiet.quiet_count->play_bars == 3);
  CHECK(quiet.quiet_count->first_gap_bars == 2);
  CHECK(quiet.quiet_count->max_gap_bars == 6);
  // The random mute rises over the drill by default.
  const auto muted = dir.write("muted.toml",
                               "name = \"m\"\n[tempo]\nbpm = 90\nbars = 40\n"
                               "[random_mute]\npercent = 50\n");
  CHECK(read_drill_file(muted).click.random_mute.rise_bars == 0);
  CHECK(read_drill_file(muted).mute_rise_bars() == 40);
}

TEST_CASE("a drill file swings its grid and places its pads", "[drill_file]") {
  const test::TempDir dir;
  const Drill d = read_drill_file(dir.write("shuffle.toml", R"(
name = "Swung groove"
grid = 16
swing = 58
swing_on = 8
[tempo]
bpm = 90
[feel]
snare = 10
hihat = -5.5
)"));
  CHECK(d.swing.percent == 58.0);
  CHECK(d.swing.unit == 8);
  CHECK(d.resolved_swing().unit == 8);
  CHECK(d.feel == std::map<std::string, double>{{"hihat", -5.5}, {"snare", 10.0}});

  const Drill finest = read_drill_file(dir.write("s.toml",
                                                 "name = \"x\"\ngrid = 16\nswing = 60\n"
                                                 "[tempo]\nbpm = 90\n"));
  CHECK(finest.resolved_swing().unit == 16);
}

TEST_CASE("a drill file gives its sticking for every pad or per pad", "[drill_file]") {
  const test::TempDir dir;
  const Drill every = read_drill_file(dir.write(
      "pd.toml", "name = \"x\"\ngrid = 16\nsticking = \"RLRR LRLL\"\n[tempo]\nbpm = 90\n"));
  REQUIRE(every.sticking.size() == 1);
  CHECK(every.sticking[0].pad.empty());
  CHECK(every.sticking[0].marks == "RLRR LRLL");
  const Drill per_pad = read_drill_file(dir.write("pp.toml", R"(
name = "x"
grid = 8
[tempo]
bpm = 90
[sticking]
hihat = "RLRL RLRL"
snare = ".. L. .. L."
)"));
  REQUIRE(per_pad.sticking.size() == 2);
  CHECK(per_pad.sticking[0].pad == "hihat");
  CHECK(per_pad.sticking[1].marks == ".. L. .. L.");
}

TEST_CASE("drill file errors name the file, line, column and key", "[drill_file][errors]") {
  const test::TempDir dir;
  const auto error = [&](const std::string& text) {
    return drill_error(dir.write("bad.toml", text));
  };
  const std::string file = (dir / "bad.toml").string();

  SECTION("a syntax error") {
    CHECK_THAT(error("name = \"x\"\n[tempo]\nbpm = = 100\n"), StartsWith(file + ":3:"));
  }
  SECTION("an unknown key at the top, a typo") {
    const std::string message = error("name = \"x\"\nmeters = \"4/4\"\n[tempo]\nbpm = 100\n");
    CHECK_THAT(message, StartsWith(file + ":2:1: key 'meters': unknown key"));
    CHECK_THAT(message, Contains("meter"));
  }
  SECTION("an unknown key in a table") {
    CHECK_THAT(error("name = \"x\"\n[tempo]\nbpm = 100\nbar = 8\n"),
               StartsWith(file + ":4:1: key 'tempo.bar': unknown key in [tempo]"));
  }
  SECTION("a number where text belongs") {
    CHECK_THAT(error("name = 5\n[tempo]\nbpm = 100\n"),
               StartsWith(file + ":1:8: key 'name': must be text"));
  }
  SECTION("a tempo out of range") {
    const std::string message = error("name = \"x\"\n[tempo]\nbpm = 900\n");
    CHECK_THAT(message, StartsWith(file + ":3:7: key 'tempo.bpm': "));
    CHECK_THAT(message, Contains("20 to 400"));
  }
  SECTION("neither a tempo nor a ladder") {
    CHECK_THAT(error("name = \"x\"\n"), Contains("key 'tempo': a drill has either a [tempo]"));
  }
  SECTION("both a tempo and a ladder") {
    CHECK_THAT(error(std::string(kFixed) + "[ladder]\nfrom = 90\nto = 100\n"),
               Contains("key 'ladder': a drill has either"));
  }
  SECTION("a bad meter in a sequence") {
    const std::string message =
        error("name = \"x\"\nmeter = [\"7/8\", \"4/3\"]\n" + std::string("[tempo]\nbpm = 100\n"));
    CHECK_THAT(message, StartsWith(file + ":2:9: key 'meter': "));
    CHECK_THAT(message, Contains("4/3"));
  }
  SECTION("accents that do not fit the bar") {
    const std::string message = error(std::string(kFixed) + "[click]\naccents = \"Xxx\"\n");
    CHECK_THAT(message, StartsWith(file + ":5:11: key 'click.accents': "));
    CHECK_THAT(message, Contains("3 marks but the bar has 4 beats"));
  }
  SECTION("a pattern of the wrong length") {
    const std::string message =
        error("name = \"x\"\ngrid = 8\n[tempo]\nbpm = 100\n[pattern]\nkick = \"x...x..\"\n");
    CHECK_THAT(message, StartsWith(file + ":6:8: key 'pattern.kick': "));
    CHECK_THAT(message,
               Contains("the pattern for 'kick' has 7 marks but a bar of the grid has 8 slots"));
  }
  SECTION("a pattern with a mark that means nothing") {
    CHECK_THAT(error(std::string(kFixed) + "[pattern]\nkick = \"x.o.\"\n"),
               StartsWith(file + ":5:8: key 'pattern.kick': "));
  }
  SECTION("a grid that does not divide the bar") {
    CHECK_THAT(error("name = \"x\"\nmeter = \"7/8\"\ngrid = 4\n[tempo]\nbpm = 100\n"),
               StartsWith(file + ":3:8: key 'grid': grid 4 does not divide a bar of 7/8"));
  }
  SECTION("a swing beyond the dotted note") {
    const std::string message = error("name = \"x\"\nswing = 80\n[tempo]\nbpm = 100\n");
    CHECK_THAT(message, StartsWith(file + ":2:9: key 'swing': "));
    CHECK_THAT(message, Contains("50 (straight) to 75"));
  }
  SECTION("a swing on a grid without its notes") {
    const std::string message = error("name = \"x\"\ngrid = 12\nswing = 60\n[tempo]\nbpm = 100\n");
    CHECK_THAT(message, StartsWith(file + ":3:9: key 'swing': a grid of 12 has no 8th notes"));
  }
  SECTION("a swing on a note that does not swing") {
    CHECK_THAT(error("name = \"x\"\nswing = 60\nswing_on = 4\n[tempo]\nbpm = 100\n"),
               StartsWith(file + ":3:12: key 'swing_on': must be 8"));
  }
  SECTION("a feel too far from the beat") {
    const std::string message = error(std::string(kFixed) + "[feel]\nsnare = 80\n");
    CHECK_THAT(message, StartsWith(file + ":5:9: key 'feel.snare': "));
    CHECK_THAT(message, Contains("-50 (pushed) to 50 (laid back)"));
  }
  SECTION("a sticking that does not repeat over the bar") {
    const std::string message = error("name = \"x\"\nsticking = \"RLR\"\n[tempo]\nbpm = 100\n");
    CHECK_THAT(message, StartsWith(file + ":2:12: key 'sticking': "));
    CHECK_THAT(message, Contains("3 marks, which do not repeat evenly over the bar's 4 slots"));
  }
  SECTION("a sticking with a mark that is no hand") {
    CHECK_THAT(error(std::string(kFixed) + "[sticking]\nsnare = \"RX\"\n"),
               StartsWith(file + ":5:9: key 'sticking.snare': sticking 'RX': use R"));
  }
  SECTION("a ladder without its target") {
    CHECK_THAT(error("name = \"x\"\n[ladder]\nfrom = 90\n"),
               Contains("key 'ladder.to': a ladder needs from and to"));
  }
  SECTION("a ladder direction that is not a word pocket knows") {
    const std::string message =
        error("name = \"x\"\n[ladder]\nfrom = 90\nto = 100\ndirection = \"sideways\"\n");
    CHECK_THAT(message, StartsWith(file + ":5:13: key 'ladder.direction': "));
    CHECK_THAT(message, Contains("up-down"));
  }
  SECTION("a down ladder whose target is above its start") {
    CHECK_THAT(error("name = \"x\"\n[ladder]\nfrom = 90\nto = 100\ndirection = \"down\"\n"),
               Contains("key 'ladder': a ladder going down needs a target below the start"));
  }
  SECTION("a random mute above 100 %") {
    CHECK_THAT(error(std::string(kFixed) + "[random_mute]\npercent = 150\n"),
               StartsWith(file + ":5:11: key 'random_mute.percent': "));
  }
  SECTION("two click modes that both silence the click") {
    const std::string message =
        error(std::string(kFixed) + "[click]\ngap = \"2:2\"\n[quiet_count]\nplay_bars = 2\n");
    CHECK_THAT(message, StartsWith(file + ":6:1: key 'quiet_count': "));
    CHECK_THAT(message, Contains("click.gap and quiet_count both decide"));
  }
  SECTION("a click mode that silences the click, on a ladder") {
    const std::string message =
        error("name = \"x\"\n[ladder]\nfrom = 90\nto = 100\n[silent_while_tight]\n");
    CHECK_THAT(message, StartsWith(file + ":5:1: key 'silent_while_tight': "));
    CHECK_THAT(message, Contains("a ladder's new tempo must be heard"));
  }
  SECTION("a table written as a value") {
    CHECK_THAT(error("name = \"x\"\ntempo = 100\n"),
               StartsWith(file + ":2:9: key 'tempo': must be a table"));
  }
  SECTION("no name") {
    CHECK_THAT(error("[tempo]\nbpm = 100\n"), Contains("key 'name': a drill needs a name"));
  }
}

TEST_CASE("a drill file takes a groove beside it, and tempos as shares of the groove's",
          "[drill_file][groove]") {
  const test::TempDir dir;
  dir.write("beat.mid", "");  // read later, with the kit: here only its place is checked
  const Drill fixed = read_drill_file(dir.write("g.toml", R"(
name = "x"
groove = "beat.mid"
groove_map = "roland"
loop = false
target = "performance"
[tempo]
bpm = "80%"
)"));
  REQUIRE(fixed.groove);
  CHECK(fixed.groove->file == (dir / "beat.mid").string());
  CHECK(fixed.groove->map == "roland");
  CHECK_FALSE(fixed.groove->loop);
  CHECK(fixed.groove->target == GrooveTarget::performance);
  CHECK(fixed.groove->tempo_percent == 80.0);

  const Drill own = read_drill_file(dir.write("o.toml", "name = \"x\"\ngroove = \"beat.mid\"\n"));
  CHECK(own.groove->tempo_percent == 100.0);
  CHECK(own.groove->loop);
  CHECK(own.groove->target == GrooveTarget::grid);

  const Drill ladder = read_drill_file(dir.write(
      "l.toml", "name = \"x\"\ngroove = \"beat.mid\"\n[ladder]\nfrom = \"70%\"\nto = 110\n"));
  CHECK(ladder.groove->from_percent == 70.0);
  CHECK_FALSE(ladder.groove->to_percent);
  CHECK(ladder.ladder->target_bpm == 110.0);
}

TEST_CASE("drill file groove errors name the line and the key", "[drill_file][groove][errors]") {
  const test::TempDir dir;
  const std::string file = (dir / "bad.toml").string();
  const auto error = [&](const std::string& text) {
    return drill_error(dir.write("bad.toml", text));
  };
  CHECK_THAT(error("name = \"x\"\ngroove = \"none.mid\"\n"),
             StartsWith(file + ":2:") && Contains("key 'groove'") && Contains("none.mid"));
  CHECK_THAT(error("name = \"x\"\nloop = false\n[tempo]\nbpm = 90\n"),
             StartsWith(file + ":2:") && Contains("goes with a groove"));
  CHECK_THAT(error("name = \"x\"\n[tempo]\nbpm = \"80%\"\n"),
             StartsWith(file + ":3:") && Contains("needs a groove"));
  dir.write("beat.mid", "");
  CHECK_THAT(error("name = \"x\"\ngroove = \"beat.mid\"\ntarget = \"feel\"\n"),
             StartsWith(file + ":3:") && Contains("performance"));
  CHECK_THAT(error("name = \"x\"\ngroove = \"beat.mid\"\n[tempo]\nbpm = \"5%\"\n"),
             StartsWith(file + ":4:") && Contains("10% to 400%"));
  CHECK_THAT(error("name = \"x\"\ngroove = \"beat.mid\"\n[pattern]\nkick = \"x...\"\n"),
             StartsWith(file + ":3:") && Contains("takes its pattern from it"));
}

TEST_CASE("a drill file takes a song beside it, and where its first bar line is",
          "[drill_file][backing]") {
  const test::TempDir dir;
  dir.write("song.flac", "");  // opened by the session: here only its place is checked
  const Drill drill = read_drill_file(dir.write("s.toml", R"(
name = "x"
backing = "song.flac"
backing_offset = 2.35
[tempo]
bpm = 96
)"));
  REQUIRE(drill.backing);
  CHECK(drill.backing->file == (dir / "song.flac").string());
  CHECK(drill.backing->first_bar_seconds == 2.35);
  const Drill none = read_drill_file(dir.write("n.toml", "name = \"x\"\n[tempo]\nbpm = 96\n"));
  CHECK_FALSE(none.backing);

  const std::string file = (dir / "bad.toml").string();
  const auto error = [&](const std::string& text) {
    return drill_error(dir.write("bad.toml", text));
  };
  CHECK_THAT(error("name = \"x\"\nbacking = \"gone.wav\"\n[tempo]\nbpm = 96\n"),
             StartsWith(file + ":2:") && Contains("key 'backing'") && Contains("gone.wav"));
  CHECK_THAT(error("name = \"x\"\nbacking_offset = 1.0\n[tempo]\nbpm = 96\n"),
             StartsWith(file + ":2:") && Contains("goes with a song"));
  CHECK_THAT(
      error("name = \"x\"\nbacking = \"song.flac\"\nbacking_offset = -1\n[tempo]\nbpm = 96\n"),
      StartsWith(file + ":3:") && Contains("backing_offset") && Contains("0 or more"));
}
