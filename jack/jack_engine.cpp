#include "jack_engine.hpp"

#include <jack/jack.h>
#include <jack/midiport.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <thread>

#include <fmt/format.h>

#include "audio/jack_server.hpp"
#include "core/errors.hpp"
#include "core/realtime_probe.hpp"
#include "midi/midi_backend.hpp"

namespace pocket {

namespace {

int process_callback(jack_nframes_t frames, void* self) {
  const RealtimeProbeScope probe;
  return static_cast<JackEngine*>(self)->process(frames);
}

// The audio ports the click may play into: the system's playback ports, or, when the player
// named a device, the ports whose name contains it.
std::vector<std::string> playback_ports(jack_client_t* client, const std::string& device) {
  const bool system = device.empty();
  const char** found = jack_get_ports(client, nullptr, JACK_DEFAULT_AUDIO_TYPE,
                                      JackPortIsInput | (system ? JackPortIsPhysical : 0));
  std::vector<std::string> all, chosen;
  for (const char** p = found; p != nullptr && *p != nullptr; ++p) {
    all.emplace_back(*p);
    if (system || all.back().find(device) != std::string::npos) chosen.push_back(all.back());
  }
  jack_free(found);
  if (chosen.empty()) {
    std::string list = all.empty() ? " none" : "";
    for (const std::string& name : all) list += "\n  " + name;
    throw DeviceError(
        fmt::format("no JACK audio port matches '{}': the ports that can play the "
                    "click are:{}",
                    device, list));
  }
  return chosen;
}

// The most of the latency range JACK computed for one of pocket's own ports, in frames.
std::uint32_t latency_of(jack_port_t* port, jack_latency_callback_mode_t mode) {
  jack_latency_range_t range{};
  jack_port_get_latency_range(port, mode, &range);
  return range.max;
}

bool connect(jack_client_t* client, const std::string& from, const char* to) {
  const int result = jack_connect(client, from.c_str(), to);
  return result == 0 || result == EEXIST;
}

}  // namespace

JackEngine::JackEngine(LiveSchedule& schedule, const ClickSound& sound, const StreamSettings& audio,
                       const MidiInputSettings& midi, const DrumMap& map)
    : click_(schedule, sound, audio.sample_rate),
      strokes_(map, midi.double_trigger_ms),
      sample_rate_(audio.sample_rate) {
  quiet_midi_libraries();
  // PipeWire runs its graph at the smallest period its clients ask for (1024 frames when none
  // does): pocket asks for its buffer, as a node's latency, unless the player set one.
  pipewire_ = jack_on_pipewire();
  asked_frames_ = audio.buffer_frames;
  if (pipewire_) {
    const std::string latency = fmt::format("{}/{:.0f}", audio.buffer_frames, audio.sample_rate);
    setenv("PIPEWIRE_LATENCY", latency.c_str(), 0);
  }
  // The exact name: kits and patchbays find pocket:midi_in, never a pocket-01 beside it.
  jack_status_t status{};
  client_ = jack_client_open(
      kClientName, static_cast<jack_options_t>(JackNoStartServer | JackUseExactName), &status);
  if (client_ == nullptr && (status & JackNameNotUnique) != 0)
    throw DeviceError("another pocket is playing on this JACK server: end it first");
  if (client_ == nullptr)
    throw DeviceError(
        "no JACK server is running: start one (e.g. qjackctl) or use --midi-api alsa");
  try {
    const double server_rate = jack_get_sample_rate(client_);
    if (server_rate != sample_rate_)
      throw DeviceError(fmt::format("the JACK server runs at {:.0f} Hz: use --rate {:.0f}",
                                    server_rate, server_rate));
    if (midi.port != "virtual") {
      wanted_kit_ = midi.port;
      kit_port_ = MidiInput::port_named("jack", midi.port);  // numbered as `pocket devices` does
    }
    for (const char* name : {"out_0", "out_1"})
      outputs_.push_back(
          jack_port_register(client_, name, JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0));
    midi_in_ = jack_port_register(client_, "midi_in", JACK_DEFAULT_MIDI_TYPE, JackPortIsInput, 0);
    if (midi_in_ == nullptr || std::count(outputs_.begin(), outputs_.end(), nullptr) > 0)
      throw DeviceError("cannot open pocket's JACK ports");
    playback_to_ = playback_ports(client_, audio.device).front();  // before the click starts
    audio_device_ = audio.device;
  } catch (...) {
    jack_client_close(client_);
    throw;
  }
  jack_set_process_callback(client_, process_callback, this);
  jack_set_latency_callback(
      client_,
      [](jack_latency_callback_mode_t mode, void* self) {
        static_cast<JackEngine*>(self)->on_latency(static_cast<int>(mode));
      },
      this);
  jack_set_xrun_callback(
      client_,
      [](void* self) {
        static_cast<JackEngine*>(self)->xruns_.fetch_add(1, std::memory_order_relaxed);
        return 0;
      },
      this);
  jack_on_info_shutdown(
      client_,
      [](jack_status_t, const char*, void* self) {
        static_cast<JackEngine*>(self)->server_gone_.store(true, std::memory_order_release);
      },
      this);
}

JackEngine::~JackEngine() {
  // After the server shut the client down, closing it is what JACK asks for. A client left
  // alone while the server still holds it (no cycle came for a second) is not closed: that
  // could wait for ever, and LiveDevices does not destroy such an engine either.
  if (!callback_guard_.abandoned() || server_gone()) jack_client_close(client_);
}

void JackEngine::start() {
  if (jack_activate(client_) != 0) throw DeviceError("cannot start pocket's JACK client");
  started_ = true;
  if (pipewire_) hold_quantum();
  const std::vector<std::string> playback = playback_ports(client_, audio_device_);
  int connected = 0;
  for (std::size_t i = 0; i < outputs_.size(); ++i)
    connected +=
        connect(client_, jack_port_name(outputs_[i]), playback[i % playback.size()].c_str());
  if (connected == 0)
    throw DeviceError(fmt::format("cannot connect the click to {}", playback.front()));
  if (!kit_port_.empty()) kit_connected_ = connect(client_, kit_port_, jack_port_name(midi_in_));
  // The server tells every client of the new latencies, pocket included, before this returns:
  // the first click is then placed with the ports' latencies of the graph as it now stands.
  jack_recompute_total_latencies(client_);
  read_latencies();
}

void JackEngine::hold_quantum() {
  // A graph already running at a larger period (its JACK clients keep it) does not follow a
  // node's latency: pocket sets it for as long as it plays, as JACK's own call does, and
  // PipeWire gives the graph back its own when pocket leaves.
  if (buffer_frames() <= asked_frames_) return;
  pipewire_period_ = buffer_frames();
  if (jack_set_buffer_size(client_, static_cast<jack_nframes_t>(asked_frames_)) != 0) return;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  while (buffer_frames() > asked_frames_ && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

void JackEngine::on_latency(int mode_number) {
  const auto mode = static_cast<jack_latency_callback_mode_t>(mode_number);
  // No signal runs through pocket from the kit to the click: its ports pass no latency on.
  jack_latency_range_t none{0, 0};
  if (mode == JackCaptureLatency) {
    for (jack_port_t* out : outputs_) jack_port_set_latency_range(out, mode, &none);
  } else {
    jack_port_set_latency_range(midi_in_, mode, &none);
  }
  read_latencies();
}

void JackEngine::read_latencies() {
  // What JACK computed for pocket's own ports from those they are connected to: the click's way
  // from out_0 to the ports it plays to (the most of them), and the kit's way in to midi_in.
  // The loop's remainder (the player's ears, the kit's scan) is what calibration measures.
  playback_latency_.store(latency_of(outputs_[0], JackPlaybackLatency));
  capture_latency_.store(latency_of(midi_in_, JackCaptureLatency));
}

void JackEngine::stop() {
  if (started_ && !callback_guard_.abandoned() && !server_gone()) jack_deactivate(client_);
  started_ = false;
}

void JackEngine::abandon() { callback_guard_.abandon(); }

bool JackEngine::running() const {
  return started_ && !server_gone() && !callback_guard_.abandoned() && !click_.finished();
}

std::string JackEngine::device_label() const {
  return (pipewire_ ? "PipeWire's JACK layer" : "JACK") + std::string(" (pocket's own client) / ") +
         playback_to_;
}

std::string JackEngine::server_note() const {
  if (!pipewire_) return {};
  const int frames = buffer_frames();
  std::string note = fmt::format("PipeWire runs the graph at {} frames ({:.1f} ms)", frames,
                                 1000.0 * frames / sample_rate_);
  if (pipewire_period_ > frames)
    note += fmt::format(" while pocket plays (it ran at {} before)", pipewire_period_);
  if (frames > asked_frames_)
    note += fmt::format(", not the {} pocket asked for: see 'pocket devices'", asked_frames_);
  return note;
}

double JackEngine::port_latency_seconds() const {
  return static_cast<double>(capture_latency_.load(std::memory_order_relaxed)) / sample_rate_;
}

double JackEngine::output_latency_seconds() const {
  return static_cast<double>(playback_latency_.load(std::memory_order_relaxed)) / sample_rate_;
}

int JackEngine::buffer_frames() const { return static_cast<int>(jack_get_buffer_size(client_)); }

double JackEngine::stream_time() const {
  if (!clock_started_.load(std::memory_order_acquire)) return 0.0;
  const std::uint64_t last = last_cycle_.load(std::memory_order_acquire);
  return static_cast<double>(track_frame_now(
             static_cast<std::uint32_t>(last), static_cast<std::uint32_t>(last >> 32),
             jack_frame_time(client_), period_frames_.load(std::memory_order_relaxed))) /
         sample_rate_;
}

CallbackDurations JackEngine::callback_durations() const {
  return timer_.durations(1e6 * period_frames_.load(std::memory_order_relaxed) / sample_rate_);
}

std::string JackEngine::find_kit_port() const {
  const char** found = jack_get_ports(client_, nullptr, JACK_DEFAULT_MIDI_TYPE, JackPortIsOutput);
  std::vector<std::string> ports;
  for (const char** p = found; p != nullptr && *p != nullptr; ++p) ports.emplace_back(*p);
  jack_free(found);
  if (std::find(ports.begin(), ports.end(), kit_port_) != ports.end()) return kit_port_;
  const bool index_given = std::all_of(wanted_kit_.begin(), wanted_kit_.end(),
                                       [](char c) { return c >= '0' && c <= '9'; });
  if (index_given) return {};
  for (const std::string& port : ports)
    if (port.find(wanted_kit_) != std::string::npos) return port;
  return {};
}

KitInput::PortChange JackEngine::watch_port() {
  read_latencies();
  if (kit_port_.empty()) return PortChange::none;
  const std::string now = find_kit_port();
  if (kit_connected_ &&
      (now != kit_port_ || !jack_port_connected_to(midi_in_, kit_port_.c_str()))) {
    kit_connected_ = false;  // JACK let go of the connection with the port
    return PortChange::lost;
  }
  if (!kit_connected_ && !now.empty() && connect(client_, now, jack_port_name(midi_in_))) {
    kit_port_ = now;
    kit_connected_ = true;
    read_latencies();
    return PortChange::back;
  }
  return PortChange::none;
}

int JackEngine::process(std::uint32_t frames) {
  const CallbackGuard::Entry callback(callback_guard_);
  if (callback.abandoned()) return 0;
  CallbackTimer::Scope timing(timer_);
  period_frames_.store(frames, std::memory_order_relaxed);
  // Clicks and strokes are placed on the click track's frames: those of the buffers pocket gave
  // the server before this one (the click's own, and silence once it has ended), and the frame
  // of this buffer where each event sits. A cycle the server ran without pocket then delays both
  // alike, and the server's frame time serves only to tell it.
  const std::int64_t track = track_frames_;
  track_frames_ += frames;
  const std::uint32_t frame_time = jack_last_frame_time(client_);
  if (const auto late = cycle_watch_.next(frame_time, frames, track)) late_cycles_.push(*late);
  last_cycle_.store((std::uint64_t{frame_time} << 32) | static_cast<std::uint32_t>(track),
                    std::memory_order_release);
  clock_started_.store(true, std::memory_order_release);
  auto* left = static_cast<float*>(jack_port_get_buffer(outputs_[0], frames));
  auto* right = static_cast<float*>(jack_port_get_buffer(outputs_[1], frames));
  if (click_.finished()) {
    std::fill(left, left + frames, 0.0f);
    std::fill(right, right + frames, 0.0f);
  } else {
    const double dac_frame = static_cast<double>(track) +
                             static_cast<double>(playback_latency_.load(std::memory_order_relaxed));
    click_.render(left, frames, dac_frame / sample_rate_,
                  xruns_.exchange(0, std::memory_order_relaxed), right);
  }

  // Each event at the frame where it sits in the period, less the kit's own latency.
  void* midi = jack_port_get_buffer(midi_in_, frames);
  const double capture = capture_latency_.load(std::memory_order_relaxed);
  const std::uint32_t events = jack_midi_get_event_count(midi);
  if (events > 0) timing.with_midi();
  for (std::uint32_t i = 0; i < events; ++i) {
    jack_midi_event_t event;
    if (jack_midi_event_get(&event, midi, i) != 0) continue;
    const double frame = static_cast<double>(track) + event.time - capture;
    strokes_.on_message(event.buffer, event.size, frame / sample_rate_);
  }
  return 0;
}

}  // namespace pocket
