#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include <boost/lockfree/spsc_queue.hpp>

#include "audio/callback_guard.hpp"
#include "audio/click_output.hpp"
#include "audio/click_stream.hpp"
#include "midi/kit_input.hpp"
#include "midi/midi_input.hpp"

typedef struct _jack_client jack_client_t;
typedef struct _jack_port jack_port_t;

namespace pocket {

// pocket's own JACK client: the click goes out and the kit comes in through one process
// callback, so clicks and strokes share one frame clock. A stroke is timed to the frame at
// which its event sits in the period, which RtMidi's JACK backend does not pass on. The
// callback renders, reads and pushes to lock-free queues only.
//
// Ports: pocket:out_0 and out_1 (connected to the system's playback ports, or to the ports
// whose names contain the audio device), and pocket:midi_in (connected to the kit's port, or
// left for the kit to connect to when the port is "virtual").
class JackEngine final : public ClickOutput, public KitInput {
 public:
  // The client's name, and so the MIDI input port's full name, for kits and tests.
  static constexpr const char* kClientName = "pocket";
  static constexpr const char* kMidiInPort = "pocket:midi_in";

  // [main-thread] Opens the client and its ports. Throws DeviceError when no JACK server runs,
  // another pocket plays on it, the server's rate differs from `audio.sample_rate`, or the
  // kit's port or the audio device names no port (listing those there are). Schedule, sound
  // and map must outlive the engine.
  JackEngine(LiveSchedule& schedule, const ClickSound& sound, const StreamSettings& audio,
             const MidiInputSettings& midi, const DrumMap& map);
  ~JackEngine() override;
  JackEngine(const JackEngine&) = delete;
  JackEngine& operator=(const JackEngine&) = delete;

  // ClickOutput
  ClickEngine& click() override { return click_; }
  void start() override;
  void stop() override;
  void abandon() override;
  bool running() const override;
  std::string device_label() const override;
  double output_latency_seconds() const override;
  int buffer_frames() const override;
  std::string server_note() const override;
  // The stream clock is the click track's: frames rendered, so that a cycle the server ran
  // without pocket moves clicks and strokes alike.
  double stream_time() const override;
  CallbackDurations callback_durations() const override;
  bool pop_late_cycle(LateCycle& cycle) override { return late_cycles_.pop(cycle); }

  // KitInput. Looking for the kit's port again also reads the latencies again: a server that
  // changes its period (PipeWire does) changes them.
  const std::string& port_name() const override { return kit_port_.empty() ? label_ : kit_port_; }
  PortChange watch_port() override;
  bool connected() const override { return kit_port_.empty() || kit_connected_; }
  bool watched() const override { return !kit_port_.empty(); }
  bool failed() const override { return false; }  // a kit that goes away is watched instead
  double timing_spread() const override { return 0.0; }
  double port_latency_seconds() const override;
  StrokeIntake& strokes() override { return strokes_; }

  // [any thread] The server told pocket it shut the client down (it died or was stopped).
  bool server_gone() const { return server_gone_.load(std::memory_order_acquire); }

  // [audio-thread] One JACK cycle.
  int process(std::uint32_t frames);

 private:
  // On PipeWire's JACK layer (see jack_on_pipewire()).
  bool pipewire_ = false;
  int asked_frames_ = 0;     // the period pocket asked PipeWire for
  int pipewire_period_ = 0;  // the graph's before pocket set it, when it had to
  // [main-thread] On PipeWire: the graph's period set to pocket's, when it runs at a larger one.
  void hold_quantum();

  // The kit's port now: by its full name, else (unless an index was given) by the part of the
  // name the player gave, as a module plugged in again may be numbered anew. Empty: not there.
  std::string find_kit_port() const;
  // [notification thread] JACK recomputed the latencies after a change of the graph.
  void on_latency(int mode);
  // [any thread but the audio thread]
  void read_latencies();

  ClickEngine click_;
  StrokeIntake strokes_;
  double sample_rate_;
  jack_client_t* client_ = nullptr;
  std::vector<jack_port_t*> outputs_;
  jack_port_t* midi_in_ = nullptr;
  std::string wanted_kit_;  // what the player gave: part of a name, or an index
  std::string kit_port_;    // the kit's full port name; empty: virtual
  std::string label_ = "pocket (virtual)";
  bool kit_connected_ = false;
  std::string audio_device_;  // part of the playback ports' names; empty: the system's
  std::string playback_to_;   // the first playback port the click goes to
  // The last cycle: the server's frame time (high 32 bits) and the click track's frame (low 32
  // bits, which wrap after a day at 48 kHz: longer than any session), for stream_time().
  std::atomic<bool> clock_started_{false};
  std::atomic<std::uint64_t> last_cycle_{0};
  std::int64_t track_frames_ = 0;  // [audio-thread] frames of the buffers given so far
  CycleWatch cycle_watch_;
  boost::lockfree::spsc_queue<LateCycle, boost::lockfree::capacity<1024>> late_cycles_;
  CallbackTimer timer_;
  std::atomic<std::uint32_t> period_frames_{0};
  std::atomic<std::uint32_t> playback_latency_{0};  // frames, of the ports the click plays to
  std::atomic<std::uint32_t> capture_latency_{0};   // frames, of the kit's port
  std::atomic<int> xruns_{0};  // told by the server, not yet passed to the click
  std::atomic<bool> server_gone_{false};
  CallbackGuard callback_guard_;
  bool started_ = false;
};

}  // namespace pocket
