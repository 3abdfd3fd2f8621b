#pragma once

#include <boost/program_options.hpp>

#include "live_session.hpp"

namespace pocket::app {

// The options every live command shares: devices, kit, sound, latency.
struct LiveCommonOptions {
  std::string audio_api;
  std::string audio_device;
  int buffer = 128;
  double rate = 48000.0;
  std::string midi_api = "alsa";
  std::string midi_in = "virtual";
  std::string drum_map = "gm";
  double double_ms = 10.0;
  std::string sound = "woodblock";
  double calibration_ms = 0.0;  // from the config unless given
  double input_latency_ms = 0.0;
  bool json = false;
  bool quiet = false;
  std::string db;  // empty: the default history
  bool no_save = false;
};

// `no_save_help` says what --no-save leaves out for this command.
boost::program_options::options_description live_options(
    LiveCommonOptions& o, const char* no_save_help = "do not keep this session in the history");

// Fills the session's devices, kit and latencies (from the config file unless given).
// Throws UsageError for bad values.
void apply_live_options(const LiveCommonOptions& o, const boost::program_options::variables_map& vm,
                        LiveOptions& live);

// Runs the session and keeps it in the history as it goes (unless --no-save); `settings`
// describes the drill for the history.
LiveResult run_and_record(const LiveCommonOptions& o, const LiveOptions& live,
                          const std::string& drill, const std::string& settings_json,
                          std::optional<std::int64_t>& session_id);

// Prints the summary (or JSON) of a finished session and returns the exit code.
int report_live_result(const LiveCommonOptions& o, const LiveOptions& live,
                       const LiveResult& result,
                       std::optional<std::int64_t> session_id = std::nullopt);

}  // namespace pocket::app
