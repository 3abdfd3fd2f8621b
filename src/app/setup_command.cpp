// pocket setup: finds the kit and the output, calibrates, and writes config.toml.
#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <iostream>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <boost/program_options.hpp>

#include "audio/audio_devices.hpp"
#include "audio/jack_server.hpp"
#include "command.hpp"
#include "config_summary.hpp"
#include "live/calibration_session.hpp"
#include "live/live_devices.hpp"
#include "live_options.hpp"
#include "midi/midi_input.hpp"
#include "setup_proposals.hpp"
#include "views/line_view.hpp"

namespace po = boost::program_options;

namespace pocket::app {

namespace {

// Asks on the terminal, or takes every proposal when nobody is there to answer.
class Questions {
 public:
  explicit Questions(bool ask) : ask_(ask) {}
  bool asking() const { return ask_; }

  // The answer, or `proposal` on Enter (and at the end of the input).
  std::string ask(const std::string& question, const std::string& proposal) const {
    if (!ask_) return proposal;
    fmt::print("{} [{}]: ", question, proposal);
    std::fflush(stdout);
    std::string line;
    if (!std::getline(std::cin, line)) return proposal;
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos) return proposal;
    return line.substr(first, line.find_last_not_of(" \t") + 1 - first);
  }

  // y or n; Enter says what `proposal` says.
  bool yes(const std::string& question, bool proposal = true) const {
    while (true) {
      const std::string answer = ask(question + " (y/n)", proposal ? "y" : "n");
      if (answer == "y" || answer == "yes") return true;
      if (answer == "n" || answer == "no") return false;
      fmt::print("type y or n\n");
    }
  }

 private:
  bool ask_;
};

// 1..count from an answer, else nothing.
std::optional<std::size_t> choice(const std::string& answer, std::size_t count) {
  std::size_t number = 0;
  const auto [end, error] = std::from_chars(answer.data(), answer.data() + answer.size(), number);
  if (error != std::errc{} || end != answer.data() + answer.size() || number < 1 || number > count)
    return std::nullopt;
  return number;
}

// The output: --audio-api/--audio-device when given, else the configured one if it is still
// there, else the default; the player may pick another from the list.
AudioDevice choose_output(const StreamSettings& wanted, bool given, const Questions& q) {
  const PortAudioSession session;
  const std::vector<AudioDevice> devices = output_devices();
  AudioDevice proposal;
  if (given || (wanted.host_api.empty() && wanted.device.empty())) {
    proposal = find_output_device(wanted.host_api, wanted.device);  // lists them when unknown
  } else {
    try {
      proposal = find_output_device(wanted.host_api, wanted.device);
    } catch (const std::runtime_error&) {
      fmt::print("the configured output {} / {} is not here: proposing the default\n",
                 wanted.host_api, wanted.device);
      proposal = find_output_device("", "");
    }
  }
  if (!q.asking()) return proposal;
  fmt::print("audio outputs:\n");
  std::size_t proposed = 1;
  for (std::size_t i = 0; i < devices.size(); ++i) {
    fmt::print("  {}: {} / {}{}\n", i + 1, devices[i].host_api, devices[i].name,
               devices[i].is_default ? "  (the default)" : "");
    if (devices[i].index == proposal.index) proposed = i + 1;
  }
  while (true) {
    const auto picked =
        choice(q.ask("the output for the click", std::to_string(proposed)), devices.size());
    if (picked) return devices[*picked - 1];
    fmt::print("type a number from 1 to {}\n", devices.size());
  }
}

int choose_buffer(int proposal, const AudioDevice& output, const Questions& q) {
  const JackGraph graph = jack_host_api(output.host_api) ? jack_graph() : JackGraph{};
  // On PipeWire the buffer is what pocket asks its graph for.
  if (graph.pipewire)
    fmt::print("{}\n", pipewire_quantum_text(graph.buffer_frames, graph.sample_rate, proposal));
  if (!q.asking()) return proposal;
  if (jack_host_api(output.host_api) && !graph.pipewire) {
    // Every client of a JACK server runs at the server's period: a buffer here would do nothing.
    fmt::print("audio buffer: the JACK server's period (chosen where the server is started)\n");
    return proposal;
  }
  fmt::print(
      "audio buffer, {} to {} frames: smaller brings the click closer to its time, larger is "
      "safer on a busy machine\n",
      kMinBufferFrames, kMaxBufferFrames);
  while (true) {
    const std::string answer = q.ask("buffer", std::to_string(proposal));
    int frames = 0;
    const auto [end, error] = std::from_chars(answer.data(), answer.data() + answer.size(), frames);
    if (error == std::errc{} && end == answer.data() + answer.size() &&
        frames >= kMinBufferFrames && frames <= kMaxBufferFrames)
      return frames;
    fmt::print("type a number of frames from {} to {}\n", kMinBufferFrames, kMaxBufferFrames);
  }
}

// Every MIDI input of the APIs, with a line on each API that cannot be reached.
std::vector<MidiPort> midi_ports(const std::vector<std::string>& apis, bool say_missing) {
  std::vector<MidiPort> ports;
  for (const std::string& api : apis) {
    try {
      for (const std::string& name : MidiInput::ports(api)) ports.push_back({api, name});
    } catch (const std::exception& e) {
      if (say_missing) fmt::print("{} MIDI: {}\n", api, e.what());
    }
  }
  return ports;
}

// The kit's input: --midi-in when given, else the proposal (the configured port if it is
// still there, a port named like a kit, the first that is not the system's); the player may
// pick another or type 'virtual'. Throws when nothing can be proposed without asking.
MidiPort choose_midi(const LiveCommonOptions& o, const po::variables_map& vm,
                     const MidiInputSettings& wanted, const std::vector<DrumMap>& kits,
                     const Questions& q) {
  if (vm.count("midi-in")) return {wanted.api, MidiInput::port_named(wanted.api, o.midi_in)};
  const std::vector<std::string> apis =
      vm.count("midi-api") ? std::vector<std::string>{wanted.api} : MidiInput::api_names();
  const std::vector<MidiPort> ports = midi_ports(apis, q.asking());
  std::optional<MidiPort> proposal;
  if (wanted.port == "virtual") {
    proposal = MidiPort{wanted.api, "virtual"};  // set up before: the player connects the kit
  } else {
    proposal = proposed_port(ports, kits, wanted.api, wanted.port);
  }
  if (!proposal && !wanted.port.empty()) {
    // The kit is unplugged (or its JACK client not started): what is set up stays.
    fmt::print("the configured MIDI input {} ({}) is not here now: keeping it\n", wanted.port,
               wanted.api);
    proposal = MidiPort{wanted.api, wanted.port};
  }
  if (!q.asking()) {
    if (proposal) return *proposal;
    throw std::runtime_error(
        "no MIDI input from a kit was found: plug the kit in (or start its JACK client) and run "
        "'pocket setup' again, or name the port with --midi-in ('virtual' opens a port named "
        "pocket)");
  }
  fmt::print("MIDI inputs:\n");
  std::string proposed = proposal ? proposal->name : "virtual";
  for (std::size_t i = 0; i < ports.size(); ++i) {
    const std::string kit = kit_for_port(kits, ports[i].name);
    fmt::print("  {}: {} ({}){}\n", i + 1, ports[i].name, ports[i].api,
               kit.empty() ? "" : fmt::format("  looks like a {} kit", kit));
    if (proposal && proposal->api == ports[i].api && proposal->name == ports[i].name)
      proposed = std::to_string(i + 1);
  }
  fmt::print("  virtual: a port of pocket's own, for you to connect the kit to\n");
  while (true) {
    const std::string answer = q.ask("the kit's MIDI input", proposed);
    if (answer == "virtual") return {wanted.api, "virtual"};
    if (proposal && answer == proposal->name) return *proposal;
    if (const auto picked = choice(answer, ports.size())) return ports[*picked - 1];
    fmt::print("type a number from the list, or virtual\n");
  }
}

// The kit's map as the player names it (a kit's name or a .toml file): --drum-map when given,
// else the configured one for the same port, else the one the port's name suggests, else the
// configured one, else gm.
std::string choose_kit(const LiveCommonOptions& o, const po::variables_map& vm,
                       const UserConfig& config, const MidiPort& port,
                       const std::vector<DrumMap>& kits, const Questions& q) {
  const PresetLibrary library = PresetLibrary::standard();
  std::string proposal = o.drum_map;
  const bool same_port =
      port.name.find(config.midi_port) != std::string::npos && !config.midi_port.empty();
  if (!vm.count("drum-map")) {
    proposal = same_port ? config.drum_map : kit_for_port(kits, port.name);
    if (proposal.empty()) proposal = config.drum_map;
    if (proposal.empty()) proposal = "gm";
  }
  while (true) {
    const std::string name = q.ask("the kit's map (see 'pocket kits')", proposal);
    try {
      library.kit(name);
      return name;
    } catch (const std::invalid_argument& e) {
      if (!q.asking()) throw UsageError(e.what());
      fmt::print("{}\n", e.what());
    }
  }
}

// Whether the click waits for a hit: --start-on-hit, else asked, proposing what is set up.
bool choose_start_on_hit(const po::variables_map& vm, const UserConfig& config,
                         const Questions& q) {
  if (vm["start-on-hit"].as<bool>()) return true;
  if (q.asking())
    fmt::print(
        "the click can wait, silent, until you hit a pad: the count-in starts a beat later\n");
  return q.yes("start on a hit", config.start_on_hit);
}

// The remote pad, "" for none: --remote-pad when given, else asked, proposing what is set up.
std::string choose_remote_pad(const po::variables_map& vm, const UserConfig& config,
                              const DrumMap& kit, const Questions& q) {
  const std::string pads = fmt::format("{}", fmt::join(kit.pad_names(), ", "));
  const auto pad_or_none = [&](const std::string& name) {
    return name == "none" || kit.pad_index(name) >= 0;
  };
  if (vm.count("remote-pad")) {
    const std::string given = vm["remote-pad"].as<std::string>();
    if (!pad_or_none(given))
      throw UsageError(
          fmt::format("--remote-pad {}: the kit map {} has no pad of that name; its "
                      "pads: {}",
                      given, kit.name(), pads));
    return given == "none" ? "" : given;
  }
  const std::string proposal = proposed_remote_pad(kit, config.remote_pad);
  if (q.asking()) {
    fmt::print(
        "a remote pad keeps the sticks in your hands: one hit pauses or goes on at the bar\n"
        "line, three within 1.5 s end the session (a drill that plays it has no remote)\n");
    const std::vector<std::string> candidates = remote_pad_candidates(kit);
    if (!candidates.empty())
      fmt::print("pads for it on {}: {}\n", kit.name(), fmt::join(candidates, ", "));
  }
  while (true) {
    const std::string answer = q.ask("the remote pad, or none", proposal);
    if (pad_or_none(answer)) return answer == "none" ? "" : answer;
    fmt::print("type a pad of the kit ({}) or none\n", pads);
  }
}

int show_config() {
  const std::filesystem::path path = config_path();
  fmt::print("config: {}\n", path.string());
  if (!std::filesystem::exists(path)) {
    fmt::print("not set up yet: run 'pocket setup'\n");
    return kExitOk;
  }
  fmt::print("{}", config_summary(load_user_config()));
  return kExitOk;
}

}  // namespace

int run_setup(const std::vector<std::string>& args) {
  LiveCommonOptions common;
  bool show = false, yes = false, skip_calibration = false;
  double bpm = kCalibrationBpm;
  int clicks = kCalibrationClicks;
  po::options_description setup(
      "pocket setup: finds your kit's MIDI input and the audio output, measures your loop\n"
      "offset, and remembers them for every command. Run it again to change them; each\n"
      "question proposes a value that Enter keeps. Without a terminal (or with --yes) it takes\n"
      "every proposal.\n\noptions");
  setup.add_options()("help,h", "show this help")("show", po::bool_switch(&show),
                                                  "print what is set up and where, and stop")(
      "yes,y", po::bool_switch(&yes), "accept every proposal without asking")(
      "skip-calibration", po::bool_switch(&skip_calibration),
      "keep the calibration as it is (see 'pocket calibrate')")(
      "bpm", po::value(&bpm)->default_value(bpm), "tempo of the calibration clicks")(
      "clicks", po::value(&clicks)->default_value(clicks),
      "calibration clicks to play along with, 16 or more")(
      "start-on-hit", po::bool_switch(), "the click waits, silent, until you hit a pad")(
      "remote-pad", po::value<std::string>(),
      "the pad that pauses and ends sessions, e.g. aux1, or none");
  po::options_description all;
  all.add(setup).add(device_options(common));
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).run(), vm);
  if (vm.count("help")) {
    std::cout << all << "\nIt writes " << config_path().string() << "\n";
    return kExitOk;
  }
  po::notify(vm);
  if (show) return show_config();

  UserConfig config = load_user_config();  // on a rerun, what is set up is proposed again
  LiveOptions calibration;
  if (!skip_calibration) prepare_calibration(bpm, clicks, calibration);  // before any question
  const Questions q(!yes && isatty(STDIN_FILENO) == 1);
  const StreamSettings wanted_audio = chosen_audio(common, vm, config);
  const AudioDevice output =
      choose_output(wanted_audio, vm.count("audio-api") || vm.count("audio-device"), q);
  const int buffer = choose_buffer(wanted_audio.buffer_frames, output, q);
  const std::vector<DrumMap> kits = PresetLibrary::standard().readable_kits();
  const MidiInputSettings wanted_midi = chosen_midi(common, vm, config, wanted_audio);
  const MidiPort port = choose_midi(common, vm, wanted_midi, kits, q);
  const std::string kit = choose_kit(common, vm, config, port, kits, q);
  const bool start_on_hit = choose_start_on_hit(vm, config, q);
  const std::string remote_pad =
      choose_remote_pad(vm, config, PresetLibrary::standard().kit(kit), q);

  config.audio_api = output.host_api;
  config.audio_device = output.name;
  config.buffer_frames = buffer;
  config.sample_rate = wanted_audio.sample_rate;
  config.midi_api = port.api;
  config.midi_port = lasting_port_name(port);
  config.drum_map = kit;
  config.start_on_hit = start_on_hit;
  config.remote_pad = remote_pad;

  bool calibrated = true;
  if (!skip_calibration && q.yes("calibrate now: hit one pad along with the clicks")) {
    calibration.audio = {config.audio_api, config.audio_device, *config.sample_rate, buffer};
    calibration.midi = {port.api, port.name, common.double_ms};
    calibration.kit = PresetLibrary::standard().kit(kit);
    calibration.input_latency_ms = config.input_latency_ms;
    LineView lines(calibration.feedback, true);
    calibration.views.push_back(&lines);
    if (const std::optional<Calibration> c = measure_calibration(calibration)) {
      config.calibration_ms = c->offset_ms;
    } else {
      calibrated = false;
      fmt::print("the calibration stays at {:.2f} ms: 'pocket calibrate' measures it again\n",
                 config.calibration_ms);
    }
  }
  save_user_config(config);
  fmt::print("\nwrote {}:\n{}", config_path().string(), config_summary(config));
  fmt::print("'pocket setup --show' shows it again; options on the command line override it\n");
  return calibrated ? kExitOk : kExitFailure;
}

}  // namespace pocket::app
