#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace pocket {

// Builds a format-1 Standard MIDI File: a conductor track with tempo and time signature,
// then one track per call to add_track().
class MidiFileWriter {
 public:
  explicit MidiFileWriter(int ticks_per_quarter);

  void add_tempo(std::int64_t tick, double quarter_bpm);
  void add_time_signature(std::int64_t tick, int beats, int unit);
  // Returns the index of the new track for the add_* calls below.
  int add_track(const std::string& name);
  void add_note(int track, std::int64_t tick, int channel, int note, int velocity,
                std::int64_t duration_ticks);
  void add_control(int track, std::int64_t tick, int channel, int controller, int value);

  std::vector<std::uint8_t> bytes() const;
  // Throws std::runtime_error when the file cannot be written.
  void save(const std::filesystem::path& path) const { save_bytes(bytes(), path); }
  static void save_bytes(const std::vector<std::uint8_t>& bytes, const std::filesystem::path& path);

 private:
  struct Event {
    std::int64_t tick;
    int order;  // note-offs before note-ons at the same tick
    std::vector<std::uint8_t> data;
  };
  struct Track {
    std::string name;
    std::vector<Event> events;
  };

  int ticks_per_quarter_;
  std::vector<Track> tracks_;  // tracks_[0] is the conductor track
};

}  // namespace pocket
