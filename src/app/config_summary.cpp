#include "config_summary.hpp"

#include <fmt/format.h>

namespace pocket::app {

namespace {

std::string output_text(const UserConfig& c) {
  if (c.audio_api.empty() && c.audio_device.empty()) return "the default output";
  if (c.audio_api.empty() || c.audio_device.empty()) return c.audio_api + c.audio_device;
  return fmt::format("{} / {}", c.audio_api, c.audio_device);
}

}  // namespace

std::string config_summary(const UserConfig& c) {
  std::string text;
  text += fmt::format("  audio output:   {}\n", output_text(c));
  text +=
      fmt::format("  buffer:         {} frames{}\n", c.buffer_frames.value_or(kDefaultBufferFrames),
                  c.buffer_frames ? "" : " (not set: the default)");
  text += fmt::format("  sample rate:    {:g} Hz{}\n", c.sample_rate.value_or(kDefaultSampleRate),
                      c.sample_rate ? "" : " (not set: the default)");
  text += fmt::format("  MIDI input:     {}\n",
                      c.midi_port.empty()
                          ? std::string("not set: run 'pocket setup'")
                          : fmt::format("{} ({})", c.midi_port,
                                        c.midi_api.empty() ? "MIDI API automatic" : c.midi_api));
  text += fmt::format("  kit map:        {}\n", c.drum_map.empty() ? "gm (not set)" : c.drum_map);
  text += fmt::format("  calibration:    {:.2f} ms\n", c.calibration_ms);
  text += fmt::format("  input latency:  {:.2f} ms\n", c.input_latency_ms);
  text += fmt::format("  start on a hit: {}\n", c.start_on_hit ? "yes" : "no");
  text += fmt::format("  remote pad:     {}\n", c.remote_pad.empty() ? "none" : c.remote_pad);
  return text;
}

}  // namespace pocket::app
