#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace pocket {

// Note number to pad: "kick", "snare", "hihat", "ride", "crash", "tom1".. and the
// articulation the note stands for ("rim", "edge", "open", "pedal", ...; empty for the head).
// Kits are data: presets/kits/*.toml, read by pocket_presets.
// A pad name: a lower-case word of letters, digits and '-', at most 24, like snare or tom1.
bool valid_pad_name(std::string_view pad);

class DrumMap {
 public:
  static constexpr int kMaxPads = 32;
  static constexpr int kDefaultHihatPedalController = 4;

  // `name`: how the player calls the kit (a preset's file name, e.g. "roland").
  explicit DrumMap(std::string name);

  const std::string& name() const { return name_; }
  // The kit's name for people ("Roland V-Drums (TD-07, TD-17, TD-27, TD-50)"); the name when
  // none was given.
  const std::string& title() const { return title_.empty() ? name_ : title_; }
  // The document its notes come from.
  const std::string& source() const { return source_; }
  // Parts of MIDI port names this kit's modules show (to propose the map for a port).
  const std::vector<std::string>& ports() const { return ports_; }
  // The controller that carries the hi-hat's openness.
  int hihat_pedal_controller() const { return hihat_pedal_controller_; }

  // The pad index of a note, or -1 when the note is not mapped.
  int pad_of(int note) const;
  const std::string& articulation_of(int note) const;
  // True when no document could confirm the note.
  bool unconfirmed(int note) const;
  const std::vector<std::string>& pad_names() const { return pads_; }
  int pad_index(std::string_view pad) const;  // -1 when absent
  // "hihat closed-edge", "snare", ...: what a note stands for, for people.
  std::string describe(int note) const;

  // Throws std::invalid_argument for a bad pad name or note number.
  void set(int note, std::string_view pad, std::string_view articulation = {},
           bool unconfirmed = false);
  void set_name(std::string name) { name_ = std::move(name); }
  void set_title(std::string title) { title_ = std::move(title); }
  void set_source(std::string source) { source_ = std::move(source); }
  void set_ports(std::vector<std::string> ports) { ports_ = std::move(ports); }
  // Throws std::invalid_argument unless 0..127.
  void set_hihat_pedal_controller(int controller);

 private:
  std::string name_;
  std::string title_;
  std::string source_;
  std::vector<std::string> ports_;
  int hihat_pedal_controller_ = kDefaultHihatPedalController;
  std::vector<std::string> pads_;
  std::array<int, 128> pad_of_note_;
  std::array<std::string, 128> articulation_;
  std::array<bool, 128> unconfirmed_{};
};

// The name of the first kit whose modules show a port name like `port` (see ports()), or ""
// when none does: how `pocket devices` and `pocket setup` propose a map for a port.
std::string kit_for_port(const std::vector<DrumMap>& kits, const std::string& port);

}  // namespace pocket
