#include "backing_options.hpp"

#include <charconv>

#include <fmt/format.h>

#include "audio/song_source.hpp"
#include "core/errors.hpp"
#include "live_options.hpp"

namespace po = boost::program_options;

namespace pocket::app {

po::options_description backing_options() {
  po::options_description d("a song to play along with");
  d.add_options()("backing", po::value<std::string>(),
                  "an audio file (WAV, FLAC, Ogg, MP3...) played with the click, its first bar "
                  "line on the first bar after the count-in; --bpm is its tempo")(
      "backing-offset", po::value<double>()->default_value(0.0, "0"),
      "where the song's first bar line is in the file, in seconds")(
      "speed", po::value<std::string>(),
      "play the song and the click at this share of the song's tempo, at the same pitch, like "
      "80% (default 100%)")("backing-gain", po::value<double>()->default_value(0.0, "0"),
                            "the song's level in dB")(
      "click-gain", po::value<double>()->default_value(0.0, "0"), "the click's level in dB")(
      "no-click", po::bool_switch(), "leave the click out: the song keeps the time");
  return d;
}

double parse_speed(const std::string& text, const char* option) {
  std::string number = text;
  const bool percent = !number.empty() && number.back() == '%';
  if (percent) number.pop_back();
  double value = 0.0;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (error != std::errc{} || end != number.data() + number.size() || number.empty())
    throw UsageError(fmt::format("--{} {}: give a share of the tempo like 80%", option, text));
  const double share = percent || value > 2.0 ? value / 100.0 : value;
  if (!(share >= 0.25 && share <= 2.0))
    throw UsageError(
        fmt::format("--{} {}: a song plays at 25% to 200% of its tempo", option, text));
  return share;
}

void apply_backing(const po::variables_map& vm, LiveOptions& live) {
  if (vm.count("click-gain") == 0) return;  // a command without these options (ladder)
  const bool no_click = vm.count("no-click") > 0 && vm["no-click"].as<bool>();
  live.click_gain_db = no_click ? -1000.0 : vm["click-gain"].as<double>();
  if (!vm.count("backing")) {
    if (vm.count("speed") || no_click)
      throw UsageError("--speed and --no-click go with a song: give it with --backing FILE");
    return;
  }
  if (live.drill.ladder)
    throw UsageError("a ladder on a song is not there yet: play the song with --speed instead");
  BackingOptions song;
  song.file = vm["backing"].as<std::string>();
  song.first_bar_seconds = vm["backing-offset"].as<double>();
  song.gain_db = vm["backing-gain"].as<double>();
  if (vm.count("speed")) song.speed = parse_speed(vm["speed"].as<std::string>(), "speed");
  if (song.first_bar_seconds < 0.0)
    throw UsageError("--backing-offset is where the first bar line is in the file: 0 or more");
  // Opened once here: a file that cannot be played is one line before anything starts.
  const SongSource probe({song.file, live.audio.sample_rate, 1.0, 0.0});
  if (probe.resampled())
    say_before_click(live, fmt::format("the song is at {} Hz and the audio at {:.0f} Hz: pocket "
                                       "resamples it as it plays",
                                       probe.file_rate(), live.audio.sample_rate));
  live.drill.bpm *= song.speed;
  live.backing = song;
}

}  // namespace pocket::app
