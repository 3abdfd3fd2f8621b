#pragma once

#include <string>

#include "stroke_intake.hpp"

namespace pocket {

// The kit's strokes on the session's stream clock, from whichever path reads the kit: RtMidi
// (MidiInput) or pocket's own JACK client. [main-thread] unless said otherwise.
class KitInput {
 public:
  virtual ~KitInput() = default;

  // The port read: the kit's full name, or "pocket (virtual)".
  virtual const std::string& port_name() const = 0;
  // About once a second: is the kit's port still there? A port that has gone (cable pulled,
  // module off, its program ended) is let go, and taken again once a port of that name is back.
  // A virtual port has nothing to watch.
  enum class PortChange { none, lost, back };
  virtual PortChange watch_port() = 0;
  virtual bool connected() const = 0;
  // False for a virtual port: the kit connects to it, and its going away cannot be seen here.
  virtual bool watched() const = 0;
  // [any thread] Set when the port or its server went away.
  virtual bool failed() const = 0;
  // [any thread] How late a stroke's time may have been, in seconds, as far as the path could
  // measure; 0 where the path times strokes exactly.
  virtual double timing_spread() const = 0;
  // [any thread] The latency the kit's port declares, taken off every stroke (JACK: the capture
  // latency of pocket's MIDI input), in seconds.
  virtual double port_latency_seconds() const { return 0.0; }
  // [one reader thread for pop, any thread for the counts]
  virtual StrokeIntake& strokes() = 0;
};

}  // namespace pocket
