#include "backing_options.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "audio/song_source.hpp"
#include "core/errors.hpp"
#include "core/groove.hpp"
#include "core/tempo_ladder.hpp"
#include "core/tempo_map.hpp"
#include "core/tempo_text.hpp"
#include "live_options.hpp"
#include "midi/song_tempo_map.hpp"

namespace po = boost::program_options;

namespace pocket::app {

po::options_description backing_options(bool ladder) {
  po::options_description d("a song to play along with");
  d.add_options()("backing", po::value<std::string>(),
                  ladder ? "an audio file (WAV, FLAC, Ogg, MP3...) played with the click, its "
                           "first bar line on the first bar after the count-in; the ladder climbs "
                           "in shares of its tempo: --from 70% --to 100% --step 5%"
                         : "an audio file (WAV, FLAC, Ogg, MP3...) played with the click, its "
                           "first bar line on the first bar after the count-in; --bpm is its "
                           "tempo")("backing-offset", po::value<double>()->default_value(0.0, "0"),
                                    "where the song's first bar line is in the file, in seconds")(
      "speed", po::value<std::string>(),
      "play the song and the click at this share of the song's tempo, at the same pitch, like "
      "80% (default 100%)")("backing-gain", po::value<double>()->default_value(0.0, "0"),
                            "the song's level in dB")(
      "click-gain", po::value<double>()->default_value(0.0, "0"), "the click's level in dB")(
      "no-click", po::bool_switch(), "leave the click out: the song keeps the time")(
      "tempo-map", po::value<std::string>(),
      "the song's tempo and meters from its MIDI file (or a click track's), changes on bar "
      "lines; its first tick is the song's first bar line (instead of --bpm)")(
      "section", po::value<std::string>(),
      "FIRST:LAST: play only these bars of the song (1 is its first), again and again, the "
      "count-in over the bars before");
  if (ladder) d.add_options()("bpm", po::value<double>(), "the song's tempo at 100 %");
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
  if (!playable_speed(share))
    throw UsageError(
        fmt::format("--{} {}: a song plays at 25% to 200% of its tempo", option, text));
  return share;
}

namespace {

// The bar a song's meters first change at ("bar 9"), for refusals.
std::string first_meter_change(const MeterCycle& meters) {
  return fmt::format("bar {}", meters.runs().at(1).first_bar + 1);
}

// A tempo of the song's map the click can play at `share` of it.
void check_playable(const BarTempo& t, double share) {
  if (t.bpm * share < kMinBpm || t.bpm * share > kMaxBpm)
    throw UsageError(fmt::format(
        "the tempo map's {:.4g} BPM at bar {} is {:.4g} BPM at {:.0f} %: the click plays {:g} to "
        "{:g} BPM",
        t.bpm, t.bar + 1, t.bpm * share, share * 100.0, kMinBpm, kMaxBpm));
}

// The drill's tempo and its changes from the song's MIDI file, at the song's speed, and its
// meters: the song's bars are the drill's.
void follow_tempo_map(const po::variables_map& vm, double speed, LiveOptions& live) {
  if (vm.count("bpm"))
    throw UsageError("--bpm and --tempo-map both give the song's tempo: give one of them");
  if (live.drill.meters.size() > 1)
    throw UsageError("--tempo-map gives the song's meters: leave out the drill's sequence of them");
  const std::string path = vm["tempo-map"].as<std::string>();
  const SongTempoMap map = song_tempo_map(read_midi_file(path), path, live.drill.meters.first());
  for (const BarTempo& t : map.tempos) check_playable(t, speed);
  if (map.meters != live.drill.meters) {
    if (!live.drill.pattern.empty() || !live.drill.sticking.empty() || live.drill.groove)
      throw UsageError(fmt::format(
          "the tempo map '{}' plays {}: this drill's pattern is written for {}", path,
          map.meters.size() > 1 ? "changes of meter from " + first_meter_change(map.meters)
                                : to_string(map.meters),
          to_string(live.drill.meters)));
    live.drill.meters = map.meters;
  }
  live.drill.bpm = map.tempos.front().bpm;  // at the song's speed below
  for (std::size_t i = 1; i < map.tempos.size(); ++i)
    live.tempo_changes.push_back({map.tempos[i].bar, map.tempos[i].bpm * speed});
}

// A ladder on a song: its tempos BPM or shares of the song's tempo ("70%"), and with shares a
// step in % is that many points of the song's tempo (70, 75, 80 % with 5%). The song plays at
// each step's share of its tempo. Returns the share the ladder starts at.
double ladder_on_song(const po::variables_map& vm, double song_bpm,
                      const std::vector<BarTempo>& live_tempo_changes, LadderConfig& ladder) {
  if (vm.count("speed")) throw UsageError("a ladder sets the song's speed: give --from and --to");
  ladder.song_bpm = song_bpm;
  ladder.song_tempo_changes = !live_tempo_changes.empty();
  bool shares = false;
  const auto share_of_song = [&](const char* name, double& bpm) {
    if (!vm.count(name) || !vm[name].as<std::string>().ends_with('%')) return;
    bpm = std::round(song_bpm * parse_tempo_percent(vm[name].as<std::string>())) / 100.0;
    shares = true;
  };
  share_of_song("from", ladder.start_bpm);
  share_of_song("to", ladder.target_bpm);
  if (shares && ladder.step.percent)
    ladder.step = TempoStep{false, song_bpm * ladder.step.amount / 100.0};
  try {
    validate(ladder);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  for (const double bpm : {ladder.start_bpm, ladder.target_bpm}) {
    if (!playable_speed(bpm / song_bpm))
      throw UsageError(
          fmt::format("the ladder's {} is {:.0f} % of the song's {}: a song plays at "
                      "25 % to 200 % of its tempo",
                      format_bpm(bpm), 100.0 * bpm / song_bpm, format_bpm(song_bpm)));
  }
  return ladder.start_bpm / song_bpm;
}

// Where the song's bars start in the file at 100 %, from its first bar line, and where the last
// whole bar ends: its tempos (`speed` of the changes') and its meters, not a cycle of them.
std::vector<double> song_bar_lines(const LiveOptions& live, double speed, double first_bar_seconds,
                                   double song_seconds) {
  const SongBarLengths lengths =
      song_bar_lengths(live.drill.meters, live.drill.bpm * speed, live.tempo_changes, speed);
  std::vector<double> lines = {first_bar_seconds};
  auto run = lengths.runs.begin();
  for (std::int64_t bar = 0;; ++bar) {
    if (std::next(run) != lengths.runs.end() && std::next(run)->first_bar == bar) ++run;
    const double end = lines.back() + run->bar_seconds;
    if (end > song_seconds + 1e-6) return lines;
    lines.push_back(end);
  }
}

// --section FIRST:LAST: the song's bars looped, the drill's bars numbered by them, its tempo
// and its tempo changes the section's. Needs bars of one meter inside the song.
void loop_section(const po::variables_map& vm, double song_seconds, double speed, LiveOptions& live,
                  BackingOptions& song) {
  const std::string text = vm["section"].as<std::string>();
  int first = 0, last = 0;
  const auto colon = text.find(':');
  const auto number = [&](std::string_view part, int& value) {
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
    return error == std::errc{} && end == part.data() + part.size() && !part.empty();
  };
  if (colon == std::string::npos || !number(std::string_view(text).substr(0, colon), first) ||
      !number(std::string_view(text).substr(colon + 1), last) || first < 1 || last < first)
    throw UsageError(fmt::format(
        "--section {}: give the song's first and last bar to play, like 9:12 (1 is its first)",
        text));
  const MeterCycle& meters = live.drill.meters;
  if (meters.size() > 1 && meters.runs().empty())
    throw UsageError("--section counts the song's bars in one meter, not a sequence of them");
  if (!live.drill.pattern.empty() || !live.drill.sticking.empty() || live.drill.groove)
    throw UsageError(
        "--section numbers the grid by the song's bars: it goes with a plain grid, "
        "not a drill's own pattern, sticking or groove");
  const std::vector<double> lines =
      song_bar_lines(live, speed, song.first_bar_seconds, song_seconds);
  if (last >= static_cast<int>(lines.size()))
    throw UsageError(fmt::format("--section {}: the song '{}' has {} bars from its first bar line",
                                 text, song.file, lines.size() - 1));
  const Meter meter = meters.meter_of(first - 1);
  for (int bar = first; bar < last; ++bar) {
    if (meters.meter_of(bar) != meter)
      throw UsageError(fmt::format(
          "--section {}: the song's meter changes at bar {}: a section loops bars of one meter",
          text, bar + 1));
  }
  // The section's tempos from its first bar, counting its own meter's unit.
  const double unit_scale = static_cast<double>(meter.unit) / meters.tempo_unit();
  double first_bpm = live.drill.bpm;
  std::vector<BarTempo> changes;
  for (const BarTempo& t : live.tempo_changes) {
    if (t.bar <= first - 1)
      first_bpm = t.bpm / speed;
    else if (t.bar <= last - 1)
      changes.push_back({t.bar - (first - 1), t.bpm * unit_scale});
  }
  live.drill.bpm = first_bpm * unit_scale;
  live.tempo_changes = changes;
  song.section_from = first;
  song.section_bars = last - first + 1;
  song.section_seconds = lines[static_cast<std::size_t>(first - 1)];
  live.drill.meters =
      MeterCycle(std::vector<Meter>(static_cast<std::size_t>(song.section_bars), meter));
  live.drill.meters.number_bars_from(first);
}

}  // namespace

void apply_backing(const po::variables_map& vm, LiveOptions& live) {
  if (vm.count("click-gain") == 0) return;  // a command without these options (ladder)
  const bool no_click = vm.count("no-click") > 0 && vm["no-click"].as<bool>();
  live.click_gain_db = no_click ? -1000.0 : vm["click-gain"].as<double>();
  double speed = vm.count("speed") ? parse_speed(vm["speed"].as<std::string>(), "speed") : 1.0;
  if (vm.count("tempo-map")) follow_tempo_map(vm, speed, live);
  if (!vm.count("backing") && !live.drill.backing) {
    if (vm.count("speed") || vm.count("section") || no_click)
      throw UsageError(
          "--speed, --section and --no-click go with a song: give it with --backing FILE");
    return;
  }
  if (live.drill.ladder && !vm.count("tempo-map") && !vm.count("bpm"))
    throw UsageError("a ladder on a song needs the song's tempo: --bpm or --tempo-map");
  if (live.drill.ladder && vm.count("bpm")) live.drill.bpm = vm["bpm"].as<double>();
  BackingOptions song;
  // The drill's song, unless the command line gives one; --backing-offset moves either.
  const bool given = vm.count("backing") > 0;
  song.file = given ? vm["backing"].as<std::string>() : live.drill.backing->file;
  song.first_bar_seconds = given || !vm["backing-offset"].defaulted()
                               ? vm["backing-offset"].as<double>()
                               : live.drill.backing->first_bar_seconds;
  song.gain_db = vm["backing-gain"].as<double>();
  if (song.first_bar_seconds < 0.0)
    throw UsageError("--backing-offset is where the first bar line is in the file: 0 or more");
  // Opened once here: a file that cannot be played is one line before anything starts.
  const SongSource probe({song.file, live.audio.sample_rate, 1.0, 0.0});
  if (song.first_bar_seconds >= probe.seconds())
    throw UsageError(fmt::format("--backing-offset {:g}: the song '{}' is only {:.1f} s long",
                                 song.first_bar_seconds, song.file, probe.seconds()));
  // A section first: a ladder on it climbs in shares of the section's own tempo.
  if (vm.count("section")) loop_section(vm, probe.seconds(), speed, live, song);
  if (live.drill.ladder) {
    speed = ladder_on_song(vm, live.drill.bpm, live.tempo_changes, *live.drill.ladder);
    // The song's changes at each step's share: from the first, and within the click's tempos
    // up to the last.
    const LadderConfig& ladder = *live.drill.ladder;
    for (BarTempo& t : live.tempo_changes) {
      for (const double bpm : {ladder.start_bpm, ladder.target_bpm})
        check_playable(t, bpm / *ladder.song_bpm);
      t.bpm *= speed;
    }
  }
  song.speed = speed;
  if (probe.resampled())
    say_before_click(live, fmt::format("the song is at {} Hz and the audio at {:.0f} Hz: pocket "
                                       "resamples it as it plays",
                                       probe.file_rate(), live.audio.sample_rate));
  live.drill.bpm *= song.speed;
  live.backing = song;
}

}  // namespace pocket::app
