// Fuzz target: Standard MIDI File bytes through the reader, then through what `pocket score`
// does with a file (the tempo map and the stroke filter), checking what the reader promises.
#include <cstddef>
#include <cstdint>
#include <span>

#include "fuzz_support.hpp"
#include "midi/midi_file.hpp"
#include "midi/recorded_performance.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace pocket;
  MidiFile file;
  try {
    file = parse_midi_file(std::span<const std::uint8_t>(data, size), "fuzz.mid");
  } catch (const MidiFileError&) {
    return 0;  // malformed input: the documented outcome
  }
  POCKET_FUZZ_CHECK(file.format == 0 || file.format == 1);
  POCKET_FUZZ_CHECK(file.ticks_per_quarter > 0 && file.ticks_per_quarter < 0x8000);
  std::int64_t last_tick = 0;
  for (const MidiFileEvent& event : file.events) {
    POCKET_FUZZ_CHECK(event.tick >= last_tick);
    POCKET_FUZZ_CHECK(event.channel <= 15 && event.data1 <= 127 && event.data2 <= 127);
    POCKET_FUZZ_CHECK(event.kind != MidiEventKind::note_on || event.data2 > 0);
    last_tick = event.tick;
  }
  last_tick = 0;
  for (const TempoChange& change : file.tempo_changes) {
    POCKET_FUZZ_CHECK(change.tick >= last_tick && change.us_per_quarter > 0);
    last_tick = change.tick;
  }
  for (const TimeSignatureChange& signature : file.time_signatures) {
    POCKET_FUZZ_CHECK(signature.beats > 0 && signature.unit > 0);
  }

  const RecordedPerformance performance = strokes_of(file, fuzz::small_kit());
  std::size_t note_ons = 0;
  for (const MidiFileEvent& event : file.events) {
    note_ons += event.kind == MidiEventKind::note_on ? 1 : 0;
  }
  std::int64_t unmapped = 0;
  for (const auto& [note, count] : performance.unmapped_notes) {
    POCKET_FUZZ_CHECK(note >= 0 && note <= 127 && fuzz::small_kit().pad_of(note) < 0);
    unmapped += count;
  }
  // Every note-on is a stroke, a double trigger or unmapped: none is lost or counted twice.
  POCKET_FUZZ_CHECK(performance.strokes.size() +
                        static_cast<std::size_t>(performance.double_triggers + unmapped) ==
                    note_ons);
  const auto pads = static_cast<int>(performance.pad_names.size());
  for (const Stroke& stroke : performance.strokes) {
    POCKET_FUZZ_CHECK(stroke.pad >= 0 && stroke.pad < pads);
    POCKET_FUZZ_CHECK(stroke.velocity >= 1 && stroke.velocity <= 127);
  }
  (void)meter_of(file);
  return 0;
}
