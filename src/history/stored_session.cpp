#include "stored_session.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/tempo_text.hpp"

namespace pocket {

namespace {

// The swing and the feel a session kept in its settings; an odd value leaves them straight.
void read_feel_settings(const nlohmann::json& settings, StoredSession& s) {
  const nlohmann::json swing = settings.value("swing", nlohmann::json::object());
  if (swing.is_object()) {
    try {
      s.swing = resolve_swing({swing.value("percent", 50.0), swing.value("on", 0)}, s.grid);
    } catch (const std::exception&) {
      s.swing = {};
    }
  }
  const nlohmann::json feel = settings.value("feel", nlohmann::json::object());
  if (feel.is_object()) {
    for (const auto& [pad, ms] : feel.items()) {
      if (ms.is_number()) s.feel[pad] = ms.get<double>();
    }
  }
  const nlohmann::json sticking = settings.value("sticking", nlohmann::json());
  if (sticking.is_string()) s.sticking.push_back({"", sticking.get<std::string>()});
  if (sticking.is_object()) {
    for (const auto& [pad, marks] : sticking.items()) {
      if (marks.is_string()) s.sticking.push_back({pad, marks.get<std::string>()});
    }
  }
}

}  // namespace

StoredSession load_session(const SessionStore& store, std::int64_t id) {
  const std::optional<SessionRecord> record = store.session(id);
  if (!record) throw UsageError(fmt::format("there is no session {} (see 'pocket history')", id));
  StoredSession s{*record, store.strokes(id), store.steps(id), {4, 4}, 4, {}, {}, {}, {}, {}, {},
                  {}};
  const nlohmann::json settings = nlohmann::json::parse(s.record.settings_json, nullptr, false);
  GapPattern gap;
  if (settings.is_object()) {
    try {
      s.meters = parse_meter_cycle(settings.value("meter", std::string("4/4")));
      if (settings.contains("gap") && settings["gap"].is_string() &&
          !settings["gap"].get<std::string>().empty())
        gap = parse_gap(settings["gap"].get<std::string>());
    } catch (const std::invalid_argument&) {
      // an older or edited record: keep the defaults
    }
    s.grid = settings.value("grid", s.meters.tempo_unit());
    if (settings.contains("pattern") && settings["pattern"].is_object()) {
      for (const auto& [pad, marks] : settings["pattern"].items()) {
        if (marks.is_string()) s.pattern.push_back({pad, marks.get<std::string>()});
      }
    }
    read_feel_settings(settings, s);
    const nlohmann::json song = settings.value("song", nlohmann::json());
    if (song.is_object()) {
      s.song = StoredSong{song.value("file", std::string()),
                          song.value("fingerprint", std::string()), song.value("speed", 1.0),
                          song.value("bpm", 0.0), song.value("section", std::string())};
      // A section's bars are the song's: 9:1 is the first beat of its bar 9.
      int first = 0;
      const std::string& section = s.song->section;
      std::from_chars(section.data(), section.data() + section.size(), first);
      if (first > 0) s.meters.number_bars_from(first);
    }
  }
  std::vector<ScoredStroke> scored;
  for (const StoredStroke& stroke : s.strokes) {
    auto it = std::find(s.pad_names.begin(), s.pad_names.end(), stroke.pad);
    if (it == s.pad_names.end()) it = s.pad_names.insert(s.pad_names.end(), stroke.pad);
    const int pad = static_cast<int>(it - s.pad_names.begin());
    scored.push_back({{stroke.seconds, pad, stroke.velocity},
                      stroke.slot,
                      stroke.offset_ms,
                      stroke.matched,
                      stroke.click_heard});
  }
  const nlohmann::json summary = nlohmann::json::parse(s.record.summary_json, nullptr, false);
  const std::int64_t double_triggers =
      summary.is_object() ? summary.value("double_triggers", 0) : 0;
  // The pattern's and the sticking's pads join the pad list, so that a pad that never struck still
  // counts missed and keeps its hand.
  const auto join = [&](const std::string& pad) {
    if (std::find(s.pad_names.begin(), s.pad_names.end(), pad) == s.pad_names.end())
      s.pad_names.push_back(pad);
  };
  for (const PadPattern& p : s.pattern) join(p.pad);
  for (const StickingLine& line : s.sticking) {
    if (!line.pad.empty()) join(line.pad);
  }
  const Grid grid = s.positions();
  std::optional<ExpectedStrokes> expected;
  AnalysisOptions options{gap, nullptr, std::nullopt, {}, {}, nullptr};
  std::optional<Sticking> sticking;
  try {
    sticking.emplace(s.sticking, s.pad_names, grid.positions());
    options.sticking = &*sticking;
  } catch (const std::invalid_argument&) {
    // a sticking that no longer fits: hands are not told apart
  }
  for (std::size_t pad = 0; pad < s.pad_names.size(); ++pad) {
    const auto placed = s.feel.find(s.pad_names[pad]);
    options.feel.ms_by_pad.push_back(placed == s.feel.end() ? 0.0 : placed->second);
  }
  try {
    expected.emplace(s.pattern, s.pad_names, grid.positions(), s.meters.size() > 1);
    options.expected = &*expected;
  } catch (const std::invalid_argument&) {
    // a pattern that no longer fits: score it as a plain grid
  }
  if (expected && !expected->plain() && !s.strokes.empty()) {
    // The bars played, as the session kept them; else up to its last stroke.
    std::int64_t last = 0;
    for (const StoredStroke& k : s.strokes) last = std::max(last, k.bar);
    if (summary.is_object() && summary.contains("last_bar") &&
        summary["last_bar"].is_number_integer())
      last = summary["last_bar"].get<std::int64_t>();
    options.bars = std::pair{std::int64_t{0}, last};
  }
  s.analysis = summarize(std::move(scored), grid, s.pad_names, double_triggers, options);
  if (summary.is_object() && summary.contains("unmapped_notes") &&
      summary["unmapped_notes"].is_object()) {
    for (const auto& [key, count] : summary["unmapped_notes"].items()) {
      int note = -1;
      const auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), note);
      if (error == std::errc{} && end == key.data() + key.size() && count.is_number_integer())
        s.analysis.unmapped_notes[note] = count.get<std::int64_t>();
    }
  }
  return s;
}

std::string song_speed_text(const StoredSong& song, const std::vector<StoredStep>& steps) {
  if (steps.empty() || song.bpm <= 0.0)
    return song_played_text(song.file, song.section, song.speed, song.speed);
  const auto [low, high] =
      std::minmax_element(steps.begin(), steps.end(),
                          [](const StoredStep& a, const StoredStep& b) { return a.bpm < b.bpm; });
  return song_played_text(song.file, song.section, low->bpm / song.bpm, high->bpm / song.bpm);
}

std::string tempo_text(const SessionRecord& r) {
  if (r.bpm_high > r.bpm_low)
    return fmt::format("{}-{}", format_one_decimal(r.bpm_low), format_bpm(r.bpm_high));
  return format_bpm(r.bpm_low);
}

std::string status_text(const SessionRecord& r) { return r.unfinished() ? "unfinished" : r.status; }

}  // namespace pocket
