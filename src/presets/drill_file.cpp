// Drill files. Every error names the file, the line, the column and the key.
#include "drill_file.hpp"

#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "core/grid.hpp"
#include "core/tempo_map.hpp"
#include "drill_keys.hpp"
#include "toml_file.hpp"

namespace pocket {

namespace {

using namespace drill_keys;

double percent(double value) {
  if (!(value >= 0.0 && value <= 100.0))
    throw std::invalid_argument("must be a percentage from 0 to 100");
  return value / 100.0;
}

// within_25ms (percent) and max_sd_ms of a pass rule or a click mode's window.
PassRule read_rule(const TomlFile& file, const toml::table& t, std::string_view prefix,
                   PassRule rule) {
  read(file, t, prefix, "within_25ms", file.number(t, prefix, "within_25ms"),
       [&](double v) { rule.min_slots_within_25ms = percent(v); });
  read(file, t, prefix, "max_sd_ms", file.number(t, prefix, "max_sd_ms"), [&](double v) {
    if (!(v > 0.0)) throw std::invalid_argument("must be above 0 ms");
    rule.max_sd_ms = v;
  });
  return rule;
}

void read_click(const TomlFile& file, const toml::table& t, Drill& d) {
  file.allow_only(t, "click", {"sound", "subdivision", "accents", "gap"});
  if (auto sound = file.text(t, "click", "sound")) d.sound = *sound;
  read(file, t, "click", "subdivision", file.integer(t, "click", "subdivision"),
       [&](std::int64_t v) {
         d.click.subdivision = whole(v, 1, kMaxSubdivision, "clicks per beat");
       });
  read(file, t, "click", "accents", file.texts(t, "click", "accents"),
       [&](const std::vector<std::string>& groups) {
         d.click.accents.clear();
         for (const std::string& g : groups)
           d.click.accents += (d.click.accents.empty() ? "" : "|") + g;
         ClickPattern check;
         check.accents = d.click.accents;
         validate(check);
       });
  read(file, t, "click", "gap", file.text(t, "click", "gap"),
       [&](const std::string& v) { d.click.gap = parse_gap(v); });
}

void read_ladder(const TomlFile& file, const toml::table& t, Drill& d) {
  constexpr std::string_view p = "ladder";
  file.allow_only(
      t, p, {"from", "to", "step", "bars", "direction", "on_fail", "stop_after", "max_increase"});
  LadderConfig ladder;
  // Shares of a groove's tempo stand in for BPM until the groove is read (see play_groove).
  const auto from_share = share_of_groove(file, t, p, "from", d);
  const auto to_share = share_of_groove(file, t, p, "to", d);
  const auto from = from_share ? from_share : file.number(t, p, "from");
  const auto to = to_share ? to_share : file.number(t, p, "to");
  if (!from || !to) {
    file.fail(t.source(), from ? "ladder.to" : "ladder.from",
              "a ladder needs from and to, in BPM (from = 100, to = 140)");
  }
  if (d.groove) {
    d.groove->from_percent = from_share;
    d.groove->to_percent = to_share;
  }
  ladder.start_bpm = *from;
  ladder.target_bpm = *to;
  if (const toml::node* step = t.get("step")) {
    try {
      if (const auto text = step->value<std::string>()) {
        ladder.step = parse_tempo_step(*text);
      } else if (step->is_number()) {
        ladder.step = parse_tempo_step(fmt::format("{:g}", step->value_or(0.0)));
      } else {
        throw std::invalid_argument("must be a percentage in quotes (\"3%\") or a number of BPM");
      }
    } catch (const std::invalid_argument& e) {
      file.fail(step->source(), "ladder.step", e.what());
    }
  }
  read(file, t, p, "bars", file.integer(t, p, "bars"),
       [&](std::int64_t v) { ladder.bars_per_step = whole(v, 1, 256, "bars per step"); });
  read(file, t, p, "direction", file.text(t, p, "direction"),
       [&](const std::string& v) { ladder.direction = parse_ladder_direction(v); });
  read(file, t, p, "on_fail", file.text(t, p, "on_fail"), [&](const std::string& v) {
    if (v != "repeat" && v != "step-back")
      throw std::invalid_argument("must be \"repeat\" or \"step-back\"");
    ladder.on_fail = v == "repeat" ? FailPolicy::repeat : FailPolicy::step_back;
  });
  read(file, t, p, "stop_after", file.integer(t, p, "stop_after"),
       [&](std::int64_t v) { ladder.stop_after_fails = whole(v, 1, 100, "failed steps"); });
  read(file, t, p, "max_increase", file.number(t, p, "max_increase"), [&](double v) {
    if (!(v > 0.0 && v <= 50.0))
      throw std::invalid_argument("must be a percentage above 0, at most 50");
    ladder.max_increase_percent = v;
  });
  try {
    validate(ladder);
  } catch (const std::invalid_argument& e) {
    file.fail(t.source(), "ladder", e.what());
  }
  d.ladder = ladder;
}

// bpm, or with a groove a share of its tempo ("80%"; its own when left out); bars.
void read_tempo(const TomlFile& file, const toml::table& t, Drill& d) {
  file.allow_only(t, "tempo", {"bpm", "bars"});
  if (const auto share = share_of_groove(file, t, "tempo", "bpm", d)) {
    d.groove->tempo_percent = share;
  } else if (d.groove && t.get("bpm") == nullptr) {
    d.groove->tempo_percent = 100.0;
  } else {
    const auto bpm = file.number(t, "tempo", "bpm");
    if (!bpm) file.fail(t.source(), "tempo.bpm", "a fixed tempo needs bpm, like bpm = 100");
    read(file, t, "tempo", "bpm", bpm, [&](double v) {
      TempoMap({{d.meters.first(), 1, v, v}});
      d.bpm = v;
    });
  }
  read(file, t, "tempo", "bars", file.integer(t, "tempo", "bars"),
       [&](std::int64_t v) { d.bars = whole(v, 1, 100000, "the drill's length in bars"); });
}

// The bar (or meter cycle) of the grid must fit the meters, and the accents the bars.
void check_bars(const TomlFile& file, const toml::table& doc, const Drill& d) {
  const toml::node* grid = doc.get("grid");
  try {
    Grid::constant(120.0, d.meters, d.scored_grid());
  } catch (const std::invalid_argument& e) {
    file.fail(grid != nullptr ? grid->source() : doc.source(), "grid", e.what());
  }
  try {
    for (std::size_t i = 0; i < d.meters.size(); ++i)
      accents_for(d.click, i, d.meters.size(), d.meters.meters()[i].beats);
  } catch (const std::invalid_argument& e) {
    const toml::node* accents = doc.at_path("click.accents").node();
    file.fail(accents != nullptr ? accents->source() : doc.source(), "click.accents", e.what());
  }
}

void read_modes(const TomlFile& file, const toml::table& doc, Drill& d) {
  if (const toml::table* t = file.table(doc, "", "random_mute")) {
    constexpr std::string_view p = "random_mute";
    file.allow_only(*t, p, {"percent", "rise_bars", "seed"});
    RandomMute& mute = d.click.random_mute;

    const auto share = file.number(*t, p, "percent");
    if (!share)
      file.fail(t->source(), "random_mute.percent",
                "needs the share to leave out, like percent = 50");
    read(file, *t, p, "percent", share, [&](double v) {
      if (!(v > 0.0 && v <= 100.0)) throw std::invalid_argument("must be above 0, at most 100");
      mute.percent = v;
    });
    read(file, *t, p, "rise_bars", file.integer(*t, p, "rise_bars"),
         [&](std::int64_t v) { mute.rise_bars = whole(v, 1, 100000, "rise_bars"); });
    read(file, *t, p, "seed", file.integer(*t, p, "seed"), [&](std::int64_t v) {
      if (v < 0) throw std::invalid_argument("must be 0 or more");
      mute.seed = static_cast<std::uint64_t>(v);
    });
  }
  if (const toml::table* t = file.table(doc, "", "silent_while_tight")) {
    constexpr std::string_view p = "silent_while_tight";
    file.allow_only(*t, p, {"after_bars", "within_25ms", "max_sd_ms"});
    SilentWhileTight mode{4, read_rule(file, *t, p, d.rule)};
    read(file, *t, p, "after_bars", file.integer(*t, p, "after_bars"),
         [&](std::int64_t v) { mode.after_bars = whole(v, 1, 64, "after_bars"); });
    d.silent_while_tight = mode;
  }
  if (const toml::table* t = file.table(doc, "", "quiet_count")) {
    constexpr std::string_view p = "quiet_count";
    file.allow_only(*t, p,
                    {"play_bars", "first_gap_bars", "max_gap_bars", "within_25ms", "max_sd_ms"});
    QuietCount mode;
    mode.window = read_rule(file, *t, p, d.rule);
    read(file, *t, p, "play_bars", file.integer(*t, p, "play_bars"),
         [&](std::int64_t v) { mode.play_bars = whole(v, 1, 64, "play_bars"); });
    read(file, *t, p, "max_gap_bars", file.integer(*t, p, "max_gap_bars"),
         [&](std::int64_t v) { mode.max_gap_bars = whole(v, 1, 64, "max_gap_bars"); });
    read(file, *t, p, "first_gap_bars", file.integer(*t, p, "first_gap_bars"), [&](std::int64_t v) {
      mode.first_gap_bars = whole(v, 1, mode.max_gap_bars, "first_gap_bars (at most max_gap_bars)");
    });
    d.quiet_count = mode;
  }
}

}  // namespace

Drill read_drill_file(const std::filesystem::path& path) {
  const TomlFile file(path);
  const toml::table& doc = file.root();
  file.allow_only(
      doc, "",
      {"name",        "description", "meter",    "count_in", "grid",          "click",
       "tempo",       "ladder",      "pass",     "pattern",  "random_mute",   "silent_while_tight",
       "quiet_count", "swing",       "swing_on", "feel",     "sticking",      "groove",
       "groove_map",  "loop",        "target",   "backing",  "backing_offset"});
  Drill d;
  d.name = path.stem().string();
  d.click.count_in_bars = 1;
  const auto title = file.text(doc, "", "name");
  if (!title) file.fail(doc.source(), "name", "a drill needs a name, like name = \"Paradiddles\"");
  d.title = *title;
  d.description = file.text(doc, "", "description").value_or("");
  read(file, doc, "", "meter", file.texts(doc, "", "meter"),
       [&](const std::vector<std::string>& v) {
         std::vector<Meter> meters;
         for (const std::string& m : v) meters.push_back(parse_meter(m));
         d.meters = MeterCycle(std::move(meters));
       });
  read(file, doc, "", "count_in", file.integer(doc, "", "count_in"),
       [&](std::int64_t v) { d.click.count_in_bars = whole(v, 0, 16, "count-in bars"); });
  read(file, doc, "", "grid", file.integer(doc, "", "grid"),
       [&](std::int64_t v) { d.grid = whole(v, 1, 64, "slots per whole note"); });
  if (const toml::table* t = file.table(doc, "", "click")) read_click(file, *t, d);
  check_bars(file, doc, d);
  read_swing(file, doc, d);
  if (const toml::table* t = file.table(doc, "", "feel")) read_feel(file, *t, d);
  if (const toml::table* t = file.table(doc, "", "pass")) {
    file.allow_only(*t, "pass", {"within_25ms", "max_sd_ms"});
    d.rule = read_rule(file, *t, "pass", d.rule);
  }
  read_groove_keys(file, doc, d);
  read_backing_keys(file, doc, d);
  const toml::table* tempo = file.table(doc, "", "tempo");
  const toml::table* ladder = file.table(doc, "", "ladder");
  if (tempo == nullptr && ladder == nullptr && d.groove) {
    d.groove->tempo_percent = 100.0;  // the groove's own tempo
  } else if ((tempo == nullptr) == (ladder == nullptr)) {
    file.fail(doc.source(), tempo ? "ladder" : "tempo",
              "a drill has either a [tempo] (bpm, bars) or a [ladder] (from, to, step, bars)");
  }
  if (tempo != nullptr) read_tempo(file, *tempo, d);
  if (ladder != nullptr) {
    read_ladder(file, *ladder, d);
    d.ladder->rule = d.rule;
  }
  if (const toml::table* t = file.table(doc, "", "pattern")) {
    if (d.groove)
      file.fail(t->source(), "pattern", "a drill with a groove takes its pattern from it");
    read_pattern(file, *t, d);
  }
  read_sticking(file, doc, d);
  read_modes(file, doc, d);
  try {
    validate(d);
  } catch (const std::invalid_argument& e) {
    // What is left to check concerns the click modes: point at the last one set.
    const std::vector<std::string> modes = silencing_modes(d);
    const toml::node* at = modes.empty() ? nullptr : doc.at_path(modes.back()).node();
    if (at == nullptr) throw PresetError(fmt::format("{}: {}", path.string(), e.what()));
    file.fail(at->source(), modes.back(), e.what());
  }
  return d;
}

std::string file_fingerprint(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // FNV-1a: a fingerprint to tell versions apart, not a defence against tampering.
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const unsigned char c : bytes) hash = (hash ^ c) * 0x100000001b3ULL;
  return fmt::format("{:016x}", hash);
}

}  // namespace pocket
