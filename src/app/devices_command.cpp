// pocket devices: what pocket can play through and listen to.
#include <iostream>

#include <fmt/format.h>
#include <boost/program_options.hpp>

#include "audio/audio_devices.hpp"
#include "audio/jack_server.hpp"
#include "command.hpp"
#include "live/live_devices.hpp"
#include "midi/midi_input.hpp"
#include "presets/preset_library.hpp"
#include "presets/user_config.hpp"

namespace po = boost::program_options;

namespace pocket::app {

int run_devices(const std::vector<std::string>& args) {
  po::options_description options("pocket devices: audio outputs and MIDI inputs\n\noptions");
  options.add_options()("help,h", "show this help");
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(options).run(), vm);
  if (vm.count("help")) {
    std::cout << options;
    return kExitOk;
  }
  fmt::print("audio outputs (host API / device, default latency low-high):\n");
  {
    PortAudioSession session;
    const auto devices = output_devices();
    if (devices.empty()) fmt::print("  none found\n");
    for (const AudioDevice& d : devices) {
      fmt::print("  {}{} / {}  ({:.1f}-{:.1f} ms, {} channels)\n", d.is_default ? "* " : "  ",
                 d.host_api, d.name, d.default_low_latency_seconds * 1000.0,
                 d.default_high_latency_seconds * 1000.0, d.output_channels);
    }
  }
  const std::vector<DrumMap> kits = PresetLibrary::standard().readable_kits();
  for (const std::string& api : MidiInput::api_names()) {
    fmt::print("\nMIDI inputs ({}):\n", api);
    try {
      const auto ports = MidiInput::ports(api);
      if (ports.empty()) fmt::print("  none found\n");
      for (std::size_t i = 0; i < ports.size(); ++i) {
        const std::string kit = kit_for_port(kits, ports[i]);
        fmt::print("  {}: {}{}\n", i, ports[i],
                   kit.empty() ? "" : fmt::format("   (looks like a kit for --drum-map {})", kit));
      }
    } catch (const std::exception& e) {
      fmt::print("  not available: {}\n", e.what());
    }
  }
  // The path a live session takes here, as the config or the running servers decide it.
  UserConfig config;
  try {
    config = load_user_config();
  } catch (const std::exception& e) {
    fmt::print("\nconfig.toml cannot be read ({}): the path below ignores it\n", e.what());
  }
  StreamSettings audio;
  audio.host_api = config.audio_api;
  MidiInputSettings midi;
  midi.api = config.midi_api.empty() ? automatic_midi_api(audio) : config.midi_api;
  fmt::print("\na session here takes (--midi-api {}{}):\n  {}\n", midi.api,
             config.midi_api.empty() ? "" : ", from config.toml", live_path_text(midi, audio));
  if (const JackGraph graph = jack_graph(); graph.sample_rate > 0.0) {
    const int asked = config.buffer_frames.value_or(StreamSettings{}.buffer_frames);
    fmt::print("\n{}\n", graph.pipewire
                             ? pipewire_quantum_text(graph.buffer_frames, graph.sample_rate, asked)
                             : fmt::format("the JACK server runs at {:.0f} Hz, {} frames a period",
                                           graph.sample_rate, graph.buffer_frames));
  }
  fmt::print(
      "\n* marks the default output. 'pocket setup' chooses and remembers an output and a port;\n"
      "'virtual' as --midi-in opens a port of pocket's own: pocket:midi_in on JACK,\n"
      "pocket-midi:pocket on ALSA.\n");
  return kExitOk;
}

}  // namespace pocket::app
