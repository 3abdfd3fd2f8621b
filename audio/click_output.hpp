#pragma once

#include <string>

#include "callback_timer.hpp"
#include "click_engine.hpp"
#include "cycle_watch.hpp"

namespace pocket {

// What plays a session's click: PortAudio's stream (ClickStream) or pocket's own JACK client.
// [main-thread] unless said otherwise.
class ClickOutput {
 public:
  virtual ~ClickOutput() = default;

  // The click it plays: requests go in, what was played comes out.
  virtual ClickEngine& click() = 0;

  virtual void start() = 0;
  virtual void stop() = 0;
  // The audio server went away: leave the device alone from now on (stopping or closing it
  // would wait for a callback that cannot come). Returns once no callback is running (at most
  // a second), so that the output may be destroyed.
  virtual void abandon() = 0;
  // False once the click has played to its end or the device stopped.
  virtual bool running() const = 0;
  // "host API / device", for the player and the history.
  virtual std::string device_label() const = 0;
  virtual double output_latency_seconds() const = 0;
  // The frames in one audio buffer.
  virtual int buffer_frames() const = 0;
  // What the player should know of the audio server once the click runs, or nothing: on
  // PipeWire, the period its graph runs at.
  virtual std::string server_note() const { return {}; }
  // [any thread] The stream clock, in seconds: the clock of the click's anchors.
  virtual double stream_time() const = 0;
  // [any thread] How long the audio callback took, cycle by cycle, against the buffer's time.
  virtual CallbackDurations callback_durations() const = 0;
  // [one reader thread] A cycle the audio server did not run the callback on time, where the
  // output can tell (pocket's own JACK client).
  virtual bool pop_late_cycle(LateCycle&) { return false; }
};

}  // namespace pocket
