// pocket render: write a click track to an audio file.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>
#include <boost/program_options.hpp>

#include "audio/click_sound.hpp"
#include "audio/offline_renderer.hpp"
#include "audio/song_mixer.hpp"
#include "backing_options.hpp"
#include "command.hpp"
#include "core/schedule.hpp"
#include "core/tempo_text.hpp"
#include "midi/song_tempo_map.hpp"
#include "views/progress_line.hpp"

namespace po = boost::program_options;

namespace pocket::app {

namespace {

struct RenderOptions {
  double bpm = 120.0;
  std::string meter = "4/4";
  std::int64_t bars = 8;
  double rate = 48000.0;
  std::string out = "click.wav";
  int subdivision = 1;
  std::optional<double> ramp_to;
  std::string sound = "woodblock";
  std::string sample;
  std::string accent;
  std::string gap;
  int count_in = 0;
  Swing swing;
  std::string backing;  // a song mixed in; empty: none
  double backing_offset = 0.0;
  std::string speed = "100%";
  double backing_gain_db = 0.0;
  double click_gain_db = 0.0;
  std::string tempo_map;  // a song's MIDI file; empty: --bpm
  double speed_share = 1.0;
};

po::options_description describe(RenderOptions& o) {
  po::options_description d("pocket render: write a click track to an audio file\n\noptions");
  d.add_options()("help,h", "show this help")(
      "bpm", po::value(&o.bpm)->default_value(o.bpm),
      "tempo in beats per minute, 20 to 400 (fractions allowed)")(
      "meter", po::value(&o.meter)->default_value(o.meter),
      "time signature, e.g. 4/4, 5/4, 7/8, 6/8, 12/8; the tempo counts its beat unit")(
      "bars", po::value(&o.bars)->default_value(o.bars), "bars to play, after the count-in")(
      "rate", po::value(&o.rate)->default_value(o.rate), "sample rate in Hz")(
      "out,o", po::value(&o.out)->default_value(o.out), "output file: .wav, .flac or .aiff")(
      "subdivision", po::value(&o.subdivision)->default_value(o.subdivision),
      "clicks per beat, 1 to 6")("ramp-to", po::value<double>(),
                                 "ramp the tempo evenly from --bpm to this over all bars")(
      "sound", po::value(&o.sound)->default_value(o.sound),
      "built-in click: woodblock, beep or tick")(
      "sample", po::value(&o.sample), "use this audio file (WAV, FLAC, AIFF) as the click instead")(
      "accent", po::value(&o.accent),
      "one mark per beat: X accent, x beat, . silent (e.g. X..x.. for 6/8)")(
      "gap", po::value(&o.gap),
      "gap-click practice PLAY:MUTE, e.g. 4:4 plays 4 bars, mutes 4, repeats")(
      "count-in", po::value(&o.count_in)->default_value(o.count_in),
      "bars of count-in before the drill")(
      "swing", po::value(&o.swing.percent)->default_value(o.swing.percent),
      "the subdivisions' off-beats in each pair, 50 (straight) to 75; 66.7 is the triplet")(
      "swing-on", po::value(&o.swing.unit),
      "the notes that swing: 8 or 16 (default: the finest pair the clicks play)")(
      "backing", po::value(&o.backing),
      "mix this song (WAV, FLAC, Ogg, MP3...) with the click, as 'pocket play --backing' plays "
      "it: a stereo file")("backing-offset", po::value(&o.backing_offset)->default_value(0.0),
                           "where the song's first bar line is in it, in seconds")(
      "speed", po::value(&o.speed)->default_value(o.speed),
      "the song and the click at this share of --bpm, at the same pitch")(
      "backing-gain", po::value(&o.backing_gain_db)->default_value(0.0), "the song's level in dB")(
      "click-gain", po::value(&o.click_gain_db)->default_value(0.0), "the click's level in dB")(
      "tempo-map", po::value(&o.tempo_map),
      "the tempo and meters from a song's MIDI file, changes on bar lines, its first tick the "
      "first bar line after the count-in (instead of --bpm and --meter)");
  return d;
}

// The drill's sections: one at --bpm (or ramping), or a song's tempo map's, at its speed: a
// section from each bar line where its tempo or its meter changes.
std::vector<TempoSection> tempo_sections(const RenderOptions& o) {
  const Meter meter = parse_meter(o.meter);
  if (o.tempo_map.empty()) return {{meter, o.bars, o.bpm, o.ramp_to.value_or(o.bpm)}};
  const SongTempoMap map = song_tempo_map(read_midi_file(o.tempo_map), o.tempo_map, meter);
  const std::vector<std::int64_t> starts = change_bars(map.tempos, map.meters);
  std::vector<TempoSection> sections;
  std::size_t tempo = 0;
  for (std::size_t i = 0; i < starts.size() && starts[i] < o.bars; ++i) {
    while (tempo + 1 < map.tempos.size() && map.tempos[tempo + 1].bar <= starts[i]) ++tempo;
    const std::int64_t end = i + 1 < starts.size() ? std::min(starts[i + 1], o.bars) : o.bars;
    const Meter m = map.meters.meter_of(starts[i]);
    // A section's tempo counts its own meter's unit; the map's, the song's first meter's.
    const double bpm = map.tempos[tempo].bpm * o.speed_share * m.unit / map.meters.tempo_unit();
    sections.push_back({m, end - starts[i], bpm, bpm});
  }
  return sections;
}

Schedule make_schedule(const RenderOptions& o) {
  const std::vector<TempoSection> sections = tempo_sections(o);
  const TempoSection& section = sections.front();
  ClickPattern pattern;
  pattern.subdivision = o.subdivision;
  pattern.accents = o.accent;
  if (!o.gap.empty()) pattern.gap = parse_gap(o.gap);
  pattern.count_in_bars = o.count_in;
  validate(pattern);
  const Swing swing = resolve_swing(o.swing, section.meter.unit * o.subdivision);
  return Schedule(TempoMap(sections), pattern, o.rate, swing);
}

// "4/4", or a song's meters "4/4,3/4@4,4/4@5".
std::string describe_meters(const Schedule& schedule) {
  std::vector<MeterChange> changes;
  std::int64_t bar = 0;
  for (const TempoSection& s : schedule.tempo_map().sections()) {
    if (changes.empty() || changes.back().meter != s.meter) changes.push_back({bar, s.meter});
    bar += s.bars;
  }
  return to_string(MeterCycle::of_song(changes));
}

std::string describe_tempo(const RenderOptions& o) {
  if (!o.tempo_map.empty()) return fmt::format("the tempos of {}", o.tempo_map);
  if (o.ramp_to) return fmt::format("{} to {}", format_one_decimal(o.bpm), format_bpm(*o.ramp_to));
  return format_bpm(o.bpm);
}

std::string clock_time(double seconds) {
  const auto total = static_cast<long>(seconds);
  if (total >= 3600)
    return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
  return fmt::format("{}:{:02}", total / 60, total % 60);
}

}  // namespace

int run_render(const std::vector<std::string>& args) {
  RenderOptions o;
  const po::options_description options = describe(o);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(options).run(), vm);
  if (vm.count("help")) {
    std::cout << options
              << "\nexample: pocket render --bpm 133.7 --meter 4/4 --bars 2000 --out click.wav\n";
    return kExitOk;
  }
  po::notify(vm);
  if (vm.count("ramp-to")) o.ramp_to = vm["ramp-to"].as<double>();
  if (!o.tempo_map.empty() && (!vm["bpm"].defaulted() || o.ramp_to))
    throw UsageError("--tempo-map gives the tempo: leave out --bpm and --ramp-to");

  if (!o.backing.empty()) {
    o.speed_share = parse_speed(o.speed, "speed");
    if (o.ramp_to) throw UsageError("--ramp-to and --backing: a song keeps its own tempo");
    if (o.backing_offset < 0.0)
      throw UsageError("--backing-offset is where the first bar line is in the file: 0 or more");
    o.bpm *= o.speed_share;
  } else if (vm["speed"].as<std::string>() != "100%") {
    throw UsageError("--speed goes with a song: give it with --backing FILE");
  }

  std::optional<Schedule> schedule;
  ClickSound sound;
  try {
    schedule.emplace(make_schedule(o));
    check_render_target(o.out);
    sound =
        o.sample.empty() ? synthesize_click(o.sound, o.rate) : load_sample_click(o.sample, o.rate);
  } catch (const std::exception& e) {
    throw UsageError(e.what());
  }

  std::optional<RenderedSong> song;
  if (!o.backing.empty()) {
    const SongPlacement place =
        place_song(o.backing_offset, static_cast<double>(schedule->frame_at(0, 0.0)) / o.rate,
                   o.speed_share, o.rate);
    song = RenderedSong{{o.backing, o.rate, o.speed_share, place.start_seconds},
                        gain_of_db(o.backing_gain_db),
                        place.origin,
                        gain_of_db(o.click_gain_db)};
  }

  RenderSummary summary;
  {
    ProgressLine progress("rendering");
    summary = render_to_file(
        *schedule, sound, o.out, [&progress](double fraction) { progress.update(fraction); },
        song ? &*song : nullptr);
  }
  fmt::print("wrote {}\n  {} clicks, {} bars of {} at {}, {} long, {:g} Hz, sound {}\n",
             std::filesystem::absolute(o.out).string(), summary.clicks, o.bars,
             describe_meters(*schedule), describe_tempo(o), clock_time(summary.frames / o.rate),
             o.rate, sound.name);
  if (song)
    fmt::print("  with the song {} at {}, from {:.2f} s into it\n", o.backing, o.speed,
               song->settings.start_seconds);
  return kExitOk;
}

}  // namespace pocket::app
