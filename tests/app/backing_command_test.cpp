// pocket play --backing: a song that cannot be played is one line before anything starts, and a
// song at another rate is said once, before the click.
#include <algorithm>

#include <catch2/catch.hpp>

#include "midi/midi_file_writer.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"
#include "support/test_song.hpp"

using namespace pocket;
using namespace pocket::test;
using Catch::Contains;

namespace {

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// play with a device that is not there: it stops at the devices, after what is said before.
CommandResult play_with(const TempDir& dir, const std::string& song) {
  return run_command(POCKET_BINARY,
                     {"play", "--bars", "1", "--backing", song, "--midi-api", "jack", "--midi-in",
                      "virtual", "--audio-device", "no-such-device-here", "--no-save"},
                     dir.path());
}

}  // namespace

TEST_CASE("play with a song that is missing or not audio says so in one line", "[backing]") {
  TempDir dir;
  const auto missing = play_with(dir, (dir / "gone.wav").string());
  CHECK(missing.exit_code != 0);
  CHECK_THAT(missing.err, Contains("gone.wav") && Contains("no such file"));
  CHECK(count_of(missing.err, "\n") == 1);
  const auto text = dir / "notes.flac";
  std::FILE* f = std::fopen(text.c_str(), "w");
  std::fputs("a shopping list\n", f);
  std::fclose(f);
  const auto not_audio = play_with(dir, text.string());
  CHECK(not_audio.exit_code != 0);
  CHECK_THAT(not_audio.err, Contains("notes.flac") && Contains("not an audio file"));
  CHECK(count_of(not_audio.err, "\n") == 1);
}

TEST_CASE("play with a song at another sample rate says once that it is resampled", "[backing]") {
  TempDir dir;
  TestSong song;
  song.rate = 44100;
  song.seconds = 2.0;
  write_test_song(dir / "song.wav", song);
  const auto result = play_with(dir, (dir / "song.wav").string());
  INFO(result.out << result.err);
  CHECK(count_of(result.out + result.err, "44100 Hz and the audio at 48000 Hz") == 1);
  CHECK_THAT(result.out + result.err, Contains("resamples it"));
}

TEST_CASE("a section or a ladder on a song that cannot be played says why in one line",
          "[backing]") {
  TempDir dir;
  TestSong song;
  song.seconds = 9.5;  // four bars of 2 s at 120 BPM after the first bar line at 1 s
  write_test_song(dir / "song.wav", song);
  const auto with = [&](std::vector<std::string> args) {
    for (const std::string a : {"--midi-api", "jack", "--midi-in", "virtual", "--audio-device",
                                "no-such-device-here", "--no-save"})
      args.push_back(a);
    return run_command(POCKET_BINARY, args, dir.path());
  };
  const std::string file = (dir / "song.wav").string();
  const auto refused = [&](const std::vector<std::string>& args, const std::string& why) {
    const CommandResult r = with(args);
    INFO(r.out << r.err);
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.err, Contains(why));
    CHECK(count_of(r.err, "\n") == 1);
  };
  refused({"play", "--backing", file, "--backing-offset", "1", "--section", "3:5"},
          "the song '" + file + "' has 4 bars from its first bar line");
  refused({"play", "--backing", file, "--section", "4-5"}, "like 9:12");
  refused({"play", "--backing", file, "--section", "0:2"}, "like 9:12");
  refused({"play", "--backing", file, "--meter", "7/8,4/4", "--section", "1:2"},
          "not a sequence of them");
  refused({"play", "--section", "1:2"}, "give it with --backing FILE");
  refused({"ladder", "--backing", file, "--from", "70%", "--to", "100%"},
          "needs the song's tempo: --bpm or --tempo-map");
  refused({"ladder", "--backing", file, "--bpm", "120", "--from", "20%", "--to", "100%"},
          "is 20 % of the song's 120 BPM");
  refused({"ladder", "--backing", file, "--bpm", "120", "--speed", "80%"},
          "a ladder sets the song's speed");
  refused({"ladder", "--from", "70%"}, "needs a groove (--groove FILE.mid) or a song");

  // A song whose meter changes: two bars of 4/4, then 3/4.
  MidiFileWriter map(480);
  map.add_time_signature(0, 4, 4);
  map.add_time_signature(480 * 8, 3, 4);
  map.save(dir / "meters.mid");
  const std::string meters = (dir / "meters.mid").string();
  refused({"play", "--backing", file, "--tempo-map", meters, "--section", "2:3"},
          "--section 2:3: the song's meter changes at bar 3: a section loops bars of one meter");
  refused({"play", "--backing", file, "--tempo-map", meters, "--section", "3:6"},
          "the song '" + file + "' has 5 bars from its first bar line");
  // A section inside one meter's bars gets as far as the devices.
  for (const std::string section : {"1:2", "3:5"}) {
    const CommandResult r = with({"play", "--backing", file, "--backing-offset", "1", "--tempo-map",
                                  meters, "--section", section});
    INFO(section << ": " << r.err);
    CHECK_THAT(r.err, Contains("JACK") || Contains("no-such-device-here"));
  }
  refused({"ladder", "--backing", file, "--tempo-map", meters, "--from", "20%", "--to", "100%"},
          "is 20 % of the song's 120 BPM");
  refused({"play", "--backing", file, "--tempo-map", meters, "--meter", "7/8,4/4"},
          "leave out the drill's sequence");
  refused({"play", "--backing", file, "--tempo-map", meters, "--sticking", "RL"},
          "changes of meter from bar 3: this drill's pattern is written for 4/4");
}
