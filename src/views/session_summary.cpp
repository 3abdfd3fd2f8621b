#include "views/session_summary.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/tempo_text.hpp"
#include "live/live_devices.hpp"
#include "live/session_summary.hpp"
#include "presets/preset_library.hpp"
#include "report/analysis_table.hpp"
#include "report/labels.hpp"
#include "views/click_modes_text.hpp"
#include "views/unmapped_notes.hpp"

namespace pocket {

void print_session_summary(const LiveOptions& live, const LiveResult& r,
                           std::optional<std::int64_t> session_id, const std::string& goal) {
  std::FILE* out = live.feedback;
  if (r.audio_lost)
    fmt::print(stderr,
               "the audio stopped (did the sound server go away?): the strokes so far are kept\n");
  if (r.midi_lost)
    fmt::print(stderr, "the MIDI input went away (cable pulled?): the strokes so far are kept\n");
  fmt::print(out, "\n{} clicks over {:.0f} s; audio underflows: {}{}\n", r.clicks_heard, r.seconds,
             r.underflows,
             r.dropped_records > 0 ? fmt::format(", records dropped: {}", r.dropped_records) : "");
  if (!r.pauses.empty()) {
    fmt::print(out, "paused {}, {:.0f} s in all (left out of the time and the scores)\n",
               labels::times(static_cast<std::int64_t>(r.pauses.size())), r.paused_seconds);
  }
  if (r.backing) {
    const BackingResult& song = *r.backing;
    double lowest = song.speed, highest = song.speed;
    if (!r.steps.empty()) {  // a ladder: the song's tempo at 100 % is its first step's share
      const double song_bpm = r.start_bpm / song.speed;
      const auto [low, high] = std::minmax_element(
          r.steps.begin(), r.steps.end(),
          [](const StepResult& a, const StepResult& b) { return a.bpm < b.bpm; });
      lowest = low->bpm / song_bpm;
      highest = high->bpm / song_bpm;
    }
    const std::string section =
        song.section_bars == 0
            ? ""
            : fmt::format("{}:{}", song.section_from, song.section_from + song.section_bars - 1);
    fmt::print(out, "the song: {}{}\n", song_played_text(song.file, section, lowest, highest),
               song.skips > 0 ? fmt::format(", skipped {}: its file was read too slowly",
                                            labels::times(song.skips))
                              : "");
  }
  if (r.remote && !r.remote->actions.empty() &&
      r.remote->actions.back().did == RemoteUse::Did::end) {
    fmt::print(out, "ended from the remote pad {}\n", r.remote->pad);
  }
  if (live_path(live.midi, live.audio) == LivePath::jack) {
    fmt::print(out, "timing precision: to the audio frame ({:.2f} ms, JACK)\n",
               r.precision_bound_ms);
  } else {
    fmt::print(out, "timing precision: within {:.2f} ms ({} MIDI)\n", r.precision_bound_ms,
               live.midi.api);
  }
  fmt::print(out, "{}", click_modes_text(click_modes_json(live.drill, r.modes)));
  fmt::print(out, "\n{}", analysis_table(r.analysis, r.precision_bound_ms));
  const std::string unmapped =
      unmapped_notes_text(r.analysis.unmapped_notes, live.kit, PresetLibrary::standard());
  if (!unmapped.empty()) fmt::print(out, "\n{}\n", unmapped);
  if (r.verdict) fmt::print(out, "\n{}\n", r.verdict->message);
  if (!goal.empty()) fmt::print(out, "\n{}\n", goal);
  if (session_id)
    fmt::print(out, "\nkept as session {} ('pocket show {}')\n", *session_id, *session_id);
  std::fflush(out);
}

}  // namespace pocket
