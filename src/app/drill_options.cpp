#include "drill_options.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "command.hpp"
#include "live_options.hpp"
#include "midi/groove_file.hpp"
#include "presets/preset_library.hpp"

namespace po = boost::program_options;

namespace pocket::app {

namespace {

// "2", "2:1" or "2:1:8": heard bars, first gap, longest gap.
QuietCount parse_quiet_count(const std::string& text, const PassRule& window) {
  QuietCount mode;
  mode.window = window;
  int* fields[] = {&mode.play_bars, &mode.first_gap_bars, &mode.max_gap_bars};
  std::string_view rest = text;
  for (int* field : fields) {
    const auto colon = rest.find(':');
    const std::string_view part = rest.substr(0, colon);
    const auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), *field);
    if (ec != std::errc{} || ptr != part.data() + part.size()) {
      throw std::invalid_argument(fmt::format(
          "--quiet-count '{}': use HEARD[:FIRST_GAP[:LONGEST_GAP]] in bars, like 2 or 2:1:8",
          text));
    }
    if (colon == std::string_view::npos) return mode;
    rest.remove_prefix(colon + 1);
  }
  throw std::invalid_argument(
      fmt::format("--quiet-count '{}': at most three numbers, HEARD:FIRST_GAP:LONGEST_GAP", text));
}

template <typename T>
bool given(const po::variables_map& vm, const char* name, T& value) {
  if (vm.count(name) == 0) return false;
  value = vm[name].as<T>();
  return true;
}

// "snare:10,hihat:-5": each pad's placement in ms.
std::map<std::string, double> parse_feel(const std::string& text) {
  std::map<std::string, double> feel;
  std::string_view rest = text;
  while (!rest.empty()) {
    const std::string_view part = rest.substr(0, rest.find(','));
    rest.remove_prefix(std::min(rest.size(), part.size() + 1));
    const auto colon = part.find(':');
    double ms = 0.0;
    const std::string_view number =
        colon == std::string_view::npos ? std::string_view{} : part.substr(colon + 1);
    const char* first = number.data() + (number.starts_with('+') ? 1 : 0);
    const auto [ptr, ec] = std::from_chars(first, number.data() + number.size(), ms);
    if (colon == 0 || number.empty() || ec != std::errc{} || ptr != number.data() + number.size()) {
      throw std::invalid_argument(fmt::format(
          "--feel '{}': use PAD:MS pairs, + laid back and - pushed, like snare:10,hihat:-5", text));
    }
    feel[std::string(part.substr(0, colon))] = ms;
  }
  return feel;
}

// A ladder's tempo: BPM, or with a groove a share of its tempo ("70%"). Returns the share. With a
// song the share stands in until the song's tempo is known (see apply_backing).
std::optional<double> ladder_tempo(const po::variables_map& vm, const char* name, double& bpm,
                                   const std::optional<GrooveSettings>& groove) {
  std::string text;
  if (!given(vm, name, text)) return std::nullopt;
  if (text.ends_with('%')) {
    if (!groove && !vm.count("backing"))
      throw std::invalid_argument(
          fmt::format("--{} {}: a share of a tempo needs a groove (--groove FILE.mid) or a song "
                      "(--backing FILE); give BPM, like 100",
                      name, text));
    const double percent = parse_tempo_percent(text);
    bpm = percent;  // stands in until the groove is read
    return percent;
  }
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, bpm);
  if (ec != std::errc{} || ptr != end)
    throw std::invalid_argument(fmt::format("--{} {}: use BPM, like 100", name, text));
  return std::nullopt;
}

void apply_ladder(const po::variables_map& vm, LadderConfig& ladder,
                  std::optional<GrooveSettings>& groove) {
  if (vm.count("from")) {
    const auto share = ladder_tempo(vm, "from", ladder.start_bpm, groove);
    if (groove) groove->from_percent = share;
  }
  if (vm.count("to")) {
    const auto share = ladder_tempo(vm, "to", ladder.target_bpm, groove);
    if (groove) groove->to_percent = share;
  }
  std::int64_t bars = 0;
  if (given(vm, "bars", bars)) {
    if (bars < 1 || bars > 256) throw std::invalid_argument("--bars per step: use 1 to 256");
    ladder.bars_per_step = static_cast<int>(bars);
  }
  given(vm, "stop-after", ladder.stop_after_fails);
  given(vm, "max-increase", ladder.max_increase_percent);
  std::string text;
  if (given(vm, "step", text)) ladder.step = parse_tempo_step(text);
  if (given(vm, "direction", text)) ladder.direction = parse_ladder_direction(text);
  if (given(vm, "on-fail", text)) {
    if (text != "repeat" && text != "step-back")
      throw std::invalid_argument(fmt::format("--on-fail '{}': use repeat or step-back", text));
    ladder.on_fail = text == "repeat" ? FailPolicy::repeat : FailPolicy::step_back;
  }
  double consolidated = 0.0;
  if (given(vm, "consolidated", consolidated)) ladder.consolidated_bpm = consolidated;
}

}  // namespace

po::options_description feel_options() {
  po::options_description feel("swing and feel");
  feel.add_options()("swing", po::value<double>(),
                     "the off-beats' place in each pair, 50 (straight) to 75; 66.7 is the "
                     "triplet (default 50)")(
      "swing-on", po::value<int>(), "the notes that swing: 8 or 16 (default: the grid's finest)")(
      "feel", po::value<std::string>(),
      "where each pad means to sit, in ms: PAD:MS,... + laid back, - pushed (snare:10)")(
      "sticking", po::value<std::string>(),
      "which hand plays each slot of the bar, repeated: R, L, B (both), . none (\"RLRR LRLL\")");
  return feel;
}

void apply_feel_options(const po::variables_map& vm, Swing& swing,
                        std::map<std::string, double>& feel) {
  given(vm, "swing", swing.percent);
  given(vm, "swing-on", swing.unit);
  std::string text;
  if (given(vm, "feel", text)) feel = parse_feel(text);
}

po::options_description groove_options(bool live) {
  po::options_description groove("a groove from a MIDI file");
  groove.add_options()("groove", po::value<std::string>(),
                       "be scored against the drum part of a MIDI file")(
      "groove-map", po::value<std::string>(),
      "the kit map the groove's notes are read with (default: your kit's)")(
      "target", po::value<std::string>(),
      "grid: its notes snapped to the grid (default); performance: placed as the file plays them");
  if (live) {
    groove.add_options()("tempo", po::value<std::string>(),
                         "a share of the groove's tempo, like 80% (default: its own)")(
        "once", "play the groove through once instead of looping it");
  }
  return groove;
}

void apply_groove_options(const po::variables_map& vm, std::optional<GrooveSettings>& groove) {
  std::string text;
  if (given(vm, "groove", text)) {
    groove = GrooveSettings{};
    groove->file = text;
    groove->tempo_percent = 100.0;
  }
  for (const char* name : {"groove-map", "target", "tempo", "once"}) {
    if (vm.count(name) && !groove)
      throw std::invalid_argument(fmt::format("--{} goes with a groove (--groove FILE.mid)", name));
  }
  if (!groove) return;
  given(vm, "groove-map", groove->map);
  if (given(vm, "target", text)) {
    if (text != "grid" && text != "performance")
      throw std::invalid_argument(
          fmt::format("--target {}: use grid (the notes on the grid) or performance", text));
    groove->target = text == "grid" ? GrooveTarget::grid : GrooveTarget::performance;
  }
  if (given(vm, "tempo", text)) groove->tempo_percent = parse_tempo_percent(text);
  if (vm.count("bpm")) groove->tempo_percent.reset();
  if (vm.count("once")) groove->loop = false;
}

std::string take_groove(Drill& drill, const DrumMap& kit) {
  if (!drill.groove) return {};
  const GrooveSettings& settings = *drill.groove;
  try {
    const DrumMap map =
        settings.map.empty() ? kit : chosen_kit(settings.map, PresetLibrary::standard());
    const Groove groove = read_groove(settings.file, map);
    play_groove(drill, groove);
    validate(drill);
    if (groove.unmapped_notes.empty()) return {};
    std::int64_t count = 0;
    std::vector<int> notes;
    for (const auto& [note, times] : groove.unmapped_notes) {
      count += times;
      notes.push_back(note);
    }
    return fmt::format(
        "the groove {} has {} note{} on MIDI notes the {} map does not cover ({}): they are left "
        "out of it; --groove-map names another map",
        groove.name, count, count == 1 ? "" : "s", map.name(), fmt::join(notes, ", "));
  } catch (const std::invalid_argument& e) {
    throw UsageError(fmt::format("the groove {}: {}", settings.file, e.what()));
  }
}

po::options_description drill_options(DrillKind kind) {
  po::options_description all;
  po::options_description drill("the drill");
  drill.add_options()("meter", po::value<std::string>(),
                      "time signature, a repeating sequence like 7/8,4/4, or meters from the bar "
                      "they start on like 4/4,3/4@9,4/4@10 (default 4/4)")(
      "subdivision", po::value<int>(), "clicks per beat, 1 to 6 (default 1)")(
      "grid", po::value<int>(), "slots per whole note to score against (default: the clicks)")(
      "count-in", po::value<int>(), "bars of count-in, not scored (default 1)")(
      "accent", po::value<std::string>(),
      "one mark per beat: X accent, x beat, . silent; | between the meters of a sequence")(
      "gap", po::value<std::string>(), "gap-click practice HEARD:SILENT bars, e.g. 4:4")(
      "sound", po::value<std::string>(), "click sound: woodblock, beep or tick")(
      "pass-within", po::value<double>(),
      "a bar, step or session is solid when this % of slots land within 25 ms... (85)")(
      "max-sd", po::value<double>(), "...and the SD stays at or under this many ms (18)")(
      "bars", po::value<std::int64_t>(),
      kind == DrillKind::fixed    ? "bars to play (default: until Ctrl-C or --minutes)"
      : kind == DrillKind::ladder ? "bars per step (default 8)"
                                  : "a fixed-tempo drill's length, or a ladder's bars per step")(
      "minutes", po::value<double>(), "stop at the bar line after this many minutes")(
      "max-bars", po::value<std::int64_t>(), "stop after this many bars, whatever the drill");
  all.add(drill);
  all.add(feel_options());
  all.add(groove_options(true));
  if (kind != DrillKind::ladder) {
    po::options_description fixed("a fixed tempo");
    fixed.add_options()("bpm", po::value<double>(), "tempo, 20 to 400 (default 120)");
    all.add(fixed);
  }
  if (kind != DrillKind::fixed) {
    po::options_description ladder("the ladder");
    ladder.add_options()(
        "from", po::value<std::string>(),
        "start tempo (default 100); with a groove or a song also a share of its tempo (70%)")(
        "to", po::value<std::string>(), "target tempo (default 140), or a share (100%)")(
        "step", po::value<std::string>(), "tempo step: a percentage (3%) or BPM (4)")(
        "direction", po::value<std::string>(), "up, down, or up-down (there and back)")(
        "on-fail", po::value<std::string>(),
        "after a failed step: repeat, or step-back to the last solid tempo")(
        "stop-after", po::value<int>(), "failed steps that end the ladder (default 2)")(
        "consolidated", po::value<double>(),
        "your solid tempo, instead of the one from your history: today's climb is capped above "
        "it")("max-increase", po::value<double>(),
              "healthy pace: % above the consolidated tempo at most (default 5)");
    all.add(ladder);
  }
  po::options_description modes("click modes that train the inner clock");
  modes.add_options()("random-mute", po::value<double>(),
                      "leave out clicks at random, rising from none to this %")(
      "mute-rise-bars", po::value<std::int64_t>(),
      "bars over which the random mute rises (default: the drill's length, else 16)")(
      "seed", po::value<std::uint64_t>(), "the random mute's seed: the same seed, the same clicks")(
      "silent-while-tight", po::value<int>(),
      "the click drops out after this many bars within the pass rule, back after a loose one")(
      "quiet-count", po::value<std::string>(),
      "HEARD[:FIRST[:LONGEST]]: gaps after HEARD bars that grow by a bar when held (2:1:8)");
  all.add(modes);
  return all;
}

void apply_drill_options(const po::variables_map& vm, Drill& d) {
  try {
    std::string text;
    if (given(vm, "meter", text)) d.meters = parse_meter_cycle(text);
    given(vm, "subdivision", d.click.subdivision);
    given(vm, "grid", d.grid);
    given(vm, "count-in", d.click.count_in_bars);
    given(vm, "accent", d.click.accents);
    if (given(vm, "gap", text)) d.click.gap = parse_gap(text);
    given(vm, "sound", d.sound);
    apply_feel_options(vm, d.swing, d.feel);
    if (given(vm, "sticking", text)) d.sticking = {{"", text}};
    apply_groove_options(vm, d.groove);
    const PassRule file_rule = d.rule;
    double percent = 0.0;
    if (given(vm, "pass-within", percent)) {
      if (!(percent >= 0.0 && percent <= 100.0))
        throw std::invalid_argument("--pass-within is a percentage from 0 to 100");
      d.rule.min_slots_within_25ms = percent / 100.0;
    }
    given(vm, "max-sd", d.rule.max_sd_ms);
    // Windows that followed the drill's pass rule follow the new one.
    if (d.silent_while_tight && d.silent_while_tight->window == file_rule)
      d.silent_while_tight->window = d.rule;
    if (d.quiet_count && d.quiet_count->window == file_rule) d.quiet_count->window = d.rule;

    const bool ladder_given = vm.count("from") + vm.count("to") + vm.count("step") +
                                  vm.count("direction") + vm.count("on-fail") +
                                  vm.count("stop-after") + vm.count("consolidated") +
                                  vm.count("max-increase") >
                              0;
    if (d.ladder) {
      if ((vm.count("bpm") && !vm.count("backing")) || vm.count("tempo"))
        throw std::invalid_argument("this drill is a ladder: set its tempos with --from and --to");
      apply_ladder(vm, *d.ladder, d.groove);
      d.ladder->rule = d.rule;
    } else {
      if (ladder_given) {
        throw std::invalid_argument(
            "this drill plays a fixed tempo: --from, --to, --step and the other ladder options "
            "do not apply (use --bpm)");
      }
      given(vm, "bpm", d.bpm);
      std::int64_t bars = 0;
      if (given(vm, "bars", bars)) {
        if (bars < 1) throw std::invalid_argument("--bars needs at least 1 bar");
        d.bars = bars;
      }
    }

    given(vm, "random-mute", d.click.random_mute.percent);
    given(vm, "mute-rise-bars", d.click.random_mute.rise_bars);
    given(vm, "seed", d.click.random_mute.seed);
    int after_bars = 0;
    if (given(vm, "silent-while-tight", after_bars)) {
      d.silent_while_tight = SilentWhileTight{after_bars, d.rule};
    }
    if (given(vm, "quiet-count", text)) d.quiet_count = parse_quiet_count(text, d.rule);
    validate(d);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}

}  // namespace pocket::app
