#include "midi_input.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include <fmt/format.h>
#include <rtmidi/RtMidi.h>

#include "core/errors.hpp"
#include "core/realtime_probe.hpp"
#include "midi_backend.hpp"
#include "rtmidi_api.hpp"

namespace pocket {

namespace {

std::string port_list(RtMidiIn& in, const std::string& api) {
  const unsigned count = in.getPortCount();
  if (count == 0) return fmt::format("no {} MIDI input ports are available", api);
  std::string list = fmt::format("available {} MIDI input ports:", api);
  for (unsigned i = 0; i < count; ++i) list += fmt::format("\n  {}: {}", i, in.getPortName(i));
  return list;
}

// The index of the port `port` names (an index or part of a name). Throws listing the ports.
unsigned find_port(RtMidiIn& in, const std::string& api, const std::string& port) {
  const unsigned count = in.getPortCount();
  unsigned index = count;
  unsigned number = 0;
  const auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), number);
  if (!port.empty() && ec == std::errc{} && ptr == port.data() + port.size()) {
    index = number;
  } else {
    for (unsigned i = 0; i < count && index == count; ++i) {
      if (in.getPortName(i).find(port) != std::string::npos) index = i;
    }
  }
  if (index >= count) {
    throw DeviceError(fmt::format("no MIDI input port matches '{}': {}", port, port_list(in, api)));
  }
  return index;
}

void midi_callback(double delta, std::vector<unsigned char>* message, void* user) {
  const RealtimeProbeScope probe;
  static_cast<MidiInput*>(user)->on_message(message->data(), message->size(), delta);
}

void error_callback(RtMidiError::Type type, const std::string&, void* user) {
  if (type != RtMidiError::WARNING && type != RtMidiError::DEBUG_WARNING) {
    static_cast<std::atomic<bool>*>(user)->store(true, std::memory_order_relaxed);
  }
}

}  // namespace

MidiInput::MidiInput(NoPort, const MidiInputSettings& settings, const DrumMap& map,
                     StreamClock clock)
    : clock_(clock),
      kernel_stamps_(settings.api == "alsa"),
      port_name_("no port"),
      strokes_(map, settings.double_trigger_ms) {}

std::unique_ptr<MidiInput> MidiInput::without_port(const MidiInputSettings& settings,
                                                   const DrumMap& map, StreamClock clock) {
  return std::unique_ptr<MidiInput>(new MidiInput(NoPort{}, settings, map, clock));
}

MidiInput::MidiInput(const MidiInputSettings& settings, const DrumMap& map, StreamClock clock)
    : MidiInput(NoPort{}, settings, map, clock) {
  require_midi_api(settings.api);
  const RtMidi::Api api = rtmidi_api(settings.api);
  try {
    in_ = std::make_unique<RtMidiIn>(api, "pocket-midi");
  } catch (const RtMidiError& e) {
    throw DeviceError(fmt::format("cannot open {} MIDI: {}", settings.api, e.getMessage()));
  }
  in_->setErrorCallback(error_callback, &failed_);
  in_->ignoreTypes(true, true, true);  // sysex, clock and active sensing
  in_->setCallback(midi_callback, this);
  wanted_ = settings.port;
  if (settings.port == "virtual") {
    in_->openVirtualPort("pocket");
    port_name_ = "pocket (virtual)";
    virtual_ = true;
    return;
  }
  const unsigned index = find_port(*in_, settings.api, settings.port);
  port_name_ = in_->getPortName(index);
  in_->openPort(index, "pocket");
}

int MidiInput::find_again() const {
  const unsigned count = in_->getPortCount();
  for (unsigned i = 0; i < count; ++i) {
    if (in_->getPortName(i) == port_name_) return static_cast<int>(i);
  }
  // ALSA may number a module plugged in again differently: its name part still matches.
  const bool index_given =
      !wanted_.empty() &&
      std::all_of(wanted_.begin(), wanted_.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (index_given) return -1;
  for (unsigned i = 0; i < count; ++i) {
    if (in_->getPortName(i).find(wanted_) != std::string::npos) return static_cast<int>(i);
  }
  return -1;
}

MidiInput::PortChange MidiInput::watch_port() {
  if (virtual_ || !in_) return PortChange::none;
  const int index = find_again();
  const bool failed = failed_.exchange(false, std::memory_order_relaxed);
  if (connected_ && (index < 0 || failed)) {
    in_->closePort();
    connected_ = false;
    return PortChange::lost;
  }
  if (!connected_ && index >= 0) {
    port_name_ = in_->getPortName(static_cast<unsigned>(index));
    // Opening starts the sequencer's queue again from zero: the stamps before mean nothing.
    restart_timing();
    in_->openPort(static_cast<unsigned>(index), "pocket");
    connected_ = true;
    return PortChange::back;
  }
  return PortChange::none;
}

MidiInput::~MidiInput() {
  if (in_) in_->cancelCallback();
}

void MidiInput::on_message(const unsigned char* bytes, std::size_t size, double kernel_delta) {
  // Every message RtMidi delivers carries a stamp difference, so each goes to the estimator.
  double now = clock_.now(clock_.context);
  if (kernel_stamps_) {
    if (restart_timing_.exchange(false, std::memory_order_relaxed) || kernel_delta < 0.0)
      kernel_times_ = KernelTimeEstimator();
    now = kernel_times_.on_event(kernel_delta, now);
    spread_.store(std::max(spread_.load(std::memory_order_relaxed), kernel_times_.spread()),
                  std::memory_order_relaxed);
  }
  strokes_.on_message(bytes, size, now);
}

std::vector<std::string> MidiInput::api_names() { return {"alsa", "jack"}; }

std::vector<std::string> MidiInput::ports(const std::string& api) {
  std::vector<std::string> names;
  require_midi_api(api);
  RtMidiIn in(rtmidi_api(api), "pocket-list");
  for (unsigned i = 0; i < in.getPortCount(); ++i) names.push_back(in.getPortName(i));
  return names;
}

std::string MidiInput::port_named(const std::string& api, const std::string& port) {
  if (port == "virtual") return port;
  const RtMidi::Api rt_api = rtmidi_api(api);
  require_midi_api(api);
  RtMidiIn in(rt_api, "pocket-list");
  return in.getPortName(find_port(in, api, port));
}

}  // namespace pocket
