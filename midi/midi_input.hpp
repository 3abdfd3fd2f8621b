#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/drum_map.hpp"
#include "core/kernel_time_estimator.hpp"
#include "kit_input.hpp"

class RtMidiIn;

namespace pocket {

struct MidiInputSettings {
  std::string api = "alsa";  // "alsa" or "jack"
  std::string port;          // index, part of a port name, or "virtual" (a port named pocket)
  double double_trigger_ms = 10.0;
};

// What a stream clock reads now, in seconds. [any thread] must not block.
struct StreamClock {
  double (*now)(const void* context) = nullptr;
  const void* context = nullptr;
};

// Strokes from a kit on the stream clock. On JACK a stroke is stamped when it arrives (RtMidi
// hands over a period's events at once). On ALSA the sequencer stamped it in the kernel when it
// came in, and RtMidi passes the difference between consecutive stamps: a KernelTimeEstimator
// puts each stroke back at its stamp, whatever the MIDI thread's wake-up delay. The RtMidi
// callback only reads the clock and hands the message to a StrokeIntake.
class MidiInput final : public KitInput {
 public:
  // [main-thread] Opens the port. Throws std::runtime_error listing the ports when `port`
  // matches none. The map must outlive the input.
  MidiInput(const MidiInputSettings& settings, const DrumMap& map, StreamClock clock);
  // [main-thread] An input that opens no port, for tests of the message handling on a machine
  // without a sequencer: messages come only through on_message, timed as on `settings.api`.
  // It has nothing to watch. The map must outlive the input.
  static std::unique_ptr<MidiInput> without_port(const MidiInputSettings& settings,
                                                 const DrumMap& map, StreamClock clock);
  ~MidiInput();
  MidiInput(const MidiInput&) = delete;
  MidiInput& operator=(const MidiInput&) = delete;

  const std::string& port_name() const override { return port_name_; }
  PortChange watch_port() override;
  bool connected() const override { return connected_; }
  bool watched() const override { return in_ && !virtual_; }
  bool failed() const override { return failed_.load(std::memory_order_relaxed); }
  // Strokes' `seconds` are their stream time: of arrival on JACK, of the sequencer's stamp on
  // ALSA.
  StrokeIntake& strokes() override { return strokes_; }

  // [MIDI thread] One message; public so that tests can drive it without a port.
  // `kernel_delta`: seconds since the previous message by the sequencer's stamps (ALSA only).
  void on_message(const unsigned char* bytes, std::size_t size, double kernel_delta = 0.0);
  // [any thread] On ALSA, how late a stroke's time may have been as far as the estimator could
  // see (seconds); 0 on JACK, where the period bounds it.
  double timing_spread() const override { return spread_.load(std::memory_order_relaxed); }
  // [main-thread] The port was opened again, and the sequencer's stamps start anew from zero:
  // the next message starts the estimator afresh. watch_port calls it when the port is back.
  void restart_timing() { restart_timing_.store(true, std::memory_order_relaxed); }

  // [main-thread] The input ports of an API ("alsa" or "jack").
  static std::vector<std::string> ports(const std::string& api);
  static std::vector<std::string> api_names();
  // [main-thread] The full name of the port `port` names (as the constructor matches it), or
  // "virtual". Throws std::runtime_error listing the ports when it matches none.
  static std::string port_named(const std::string& api, const std::string& port);

 private:
  struct NoPort {};
  MidiInput(NoPort, const MidiInputSettings& settings, const DrumMap& map, StreamClock clock);
  // The open port's index now, or -1: by its full name, else by the part the player gave.
  int find_again() const;

  std::unique_ptr<RtMidiIn> in_;
  std::string wanted_;  // what the player gave: part of a name, or an index
  bool virtual_ = false;
  bool connected_ = true;
  StreamClock clock_;
  bool kernel_stamps_ = false;  // ALSA: time messages by the sequencer's stamps
  KernelTimeEstimator kernel_times_;
  std::atomic<bool> restart_timing_{false};  // the port was opened again: stamps start anew
  std::atomic<double> spread_{0.0};
  std::string port_name_;
  StrokeIntake strokes_;
  std::atomic<bool> failed_{false};
};

}  // namespace pocket
