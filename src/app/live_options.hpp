#pragma once

#include <optional>

#include <boost/program_options.hpp>

#include "live/live_session.hpp"
#include "presets/preset_library.hpp"
#include "presets/user_config.hpp"
#include "store/session_store.hpp"

namespace pocket::app {

// The options every live command shares: devices, kit, latency, output and history. A device
// option counts only when given (see chosen_audio): the config file's value stands otherwise.
struct LiveCommonOptions {
  std::string audio_api;
  std::string audio_device;
  int buffer = kDefaultBufferFrames;  // when neither given nor in the config
  double rate = kDefaultSampleRate;
  std::string midi_api;  // empty: automatic
  std::string midi_in;   // empty: from the config file, else `pocket setup` is needed
  std::string drum_map;  // empty: from the config file, else gm
  double double_ms = 10.0;
  double calibration_ms = 0.0;  // from the config unless given
  double input_latency_ms = 0.0;
  bool json = false;
  bool quiet = false;
  std::string view = "auto";                   // auto, screen or lines
  std::string db;                              // empty: the default history
  std::string history_words = "your history";  // how messages name it
  bool no_save = false;
  std::string web;  // --web [ADDRESS:]PORT, "off", or empty: from the config
};

// The options that choose the output, the kit's input and its map: live commands' and setup's.
boost::program_options::options_description device_options(LiveCommonOptions& o);

// device_options and the rest of a live session's options. `no_save_help` says what
// --no-save leaves out for this command.
boost::program_options::options_description live_options(
    LiveCommonOptions& o, const char* no_save_help = "do not keep this session in the history");

// The output and the kit's input: each option when given, else the config's value, else the
// built-in default. The MIDI port stays empty when neither --midi-in nor the config names
// one. Throws UsageError for a buffer out of range.
StreamSettings chosen_audio(const LiveCommonOptions& o,
                            const boost::program_options::variables_map& vm,
                            const UserConfig& config);
// The MIDI API, when neither the options nor the config name one, suits `audio` (see
// automatic_midi_api).
MidiInputSettings chosen_midi(const LiveCommonOptions& o,
                              const boost::program_options::variables_map& vm,
                              const UserConfig& config, const StreamSettings& audio);

// The kit to use: --drum-map, else the config's drum_map, else gm. Throws UsageError for an
// unknown kit (listing them) and PresetError for a broken kit file.
DrumMap chosen_kit(const std::string& drum_map_option, const PresetLibrary& library);

// Fills the session's devices, kit and latencies (from the config file unless given).
// Throws UsageError for bad values, and says how to run `pocket setup` when no MIDI input is
// chosen.
void apply_live_options(const LiveCommonOptions& o, const boost::program_options::variables_map& vm,
                        LiveOptions& live);

// Prints `line` on the session's feedback and keeps it for the live view, which shows what was
// said before the click.
void say_before_click(LiveOptions& live, std::string line);

// The ladder's healthy-pace cap from the player's history of this drill, unless
// --consolidated gave it; says so on the session's feedback when there is no history yet.
void cap_from_history(const LiveCommonOptions& o, LiveOptions& live);

// The history the session goes to, opened for writing before the click and before the live
// view takes the screen, or none with --no-save. Throws when it cannot take the session; too
// little room left is said on stderr and kept in live.said_before.
std::optional<SessionStore> history_for_session(const LiveCommonOptions& o, LiveOptions& live);

// Runs the session and keeps it in `history` as it goes (when there is one).
// `fingerprint`: of the drill's file, empty for play and ladder.
LiveResult run_and_record(std::optional<SessionStore>& history, const LiveOptions& live,
                          const std::string& fingerprint, std::optional<std::int64_t>& session_id);

// Prints the summary of a finished session and returns the exit code; `goal` is the drill's
// goal in words, when the player set one. (With --json the JSON view prints the results.)
int report_live_result(const LiveOptions& live, const LiveResult& result,
                       std::optional<std::int64_t> session_id = std::nullopt,
                       const std::string& goal = "");

// Applies `vm` to `live`, caps the ladder, runs, records and reports: what play, ladder and
// drill share once their drill is settled.
int run_drill_session(const LiveCommonOptions& o, const boost::program_options::variables_map& vm,
                      LiveOptions& live, const std::string& fingerprint = "");

}  // namespace pocket::app
