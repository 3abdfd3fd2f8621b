// pocket demo: the main job, a tempo ladder scored live, with no kit and no sound card.
#include <cstdlib>
#include <optional>

#include <unistd.h>

#include <fmt/format.h>
#include <boost/program_options.hpp>

#include "audio/audio_devices.hpp"
#include "audio/jack_server.hpp"
#include "command.hpp"
#include "command_line.hpp"
#include "history_files.hpp"
#include "live/demo_drummer.hpp"
#include "live/live_devices.hpp"
#include "live_options.hpp"
#include "session_report.hpp"
#include "views/session_views.hpp"

namespace po = boost::program_options;

namespace pocket::app {

namespace {

// A ladder of about a minute: four bars a step from 100 BPM, four percent at a time.
Drill demo_drill() {
  Drill drill;
  drill.name = "demo";
  drill.click.count_in_bars = 1;
  LadderConfig ladder;
  ladder.start_bpm = 100.0;
  ladder.target_bpm = 140.0;
  ladder.step = TempoStep{true, 4.0};
  ladder.bars_per_step = 4;
  drill.ladder = ladder;
  return drill;
}

bool default_output_here() {
  const PortAudioSession session;
  for (const AudioDevice& device : output_devices()) {
    if (device.is_default && device.host_api.find("JACK") == std::string::npos) return true;
  }
  return false;
}

bool alsa_midi_here() {
  try {
    MidiInput::ports("alsa");
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

int run_demo(const std::vector<std::string>& args) {
  const std::filesystem::path folder = SessionStore::data_folder() / "demo";
  LiveCommonOptions common;
  common.buffer = 256;
  HumanTiming timing;
  po::options_description options(
      "pocket demo: a virtual drummer plays a short tempo ladder (about a minute) through\n"
      "pocket's real engine: the click, the MIDI input, the live scoring and the coach. It needs\n"
      "no kit and no sound card: without an audio output pocket runs a JACK server of its own\n"
      "for the demo. The session goes to a demo history, never yours.\n\noptions");
  options.add_options()("help,h", "show this help")(
      "view", po::value(&common.view)->default_value(common.view),
      "screen (full screen), lines, or auto: screen on a terminal")(
      "db", po::value(&common.db),
      "the demo's history (default: demo/history.sqlite in $XDG_DATA_HOME/pocket, "
      "~/.local/share/pocket)")("buffer", po::value(&common.buffer)->default_value(common.buffer),
                                "audio buffer in frames")(
      "limit-bpm", po::value(&timing.limit_bpm)->default_value(timing.limit_bpm),
      "the drummer's limit: above it the timing comes apart")(
      "seed", po::value(&timing.seed)->default_value(timing.seed),
      "the drummer's random seed (the same seed plays the same)");
  po::variables_map vm;
  if (!parse_command_line(args, options, {}, vm, "pocket demo")) return kExitOk;
  if (common.db.empty()) common.db = (folder / "history.sqlite").string();
  common.history_words = "the demo's history";
  if (common.buffer < 64 || common.buffer > 1024)
    throw UsageError(fmt::format("buffer of {} frames: use 64 to 1024", common.buffer));
  const std::filesystem::path demo_folder = std::filesystem::path(common.db).parent_path();
  if (!demo_folder.empty()) std::filesystem::create_directories(demo_folder);

  // Where the click goes: the player's JACK server, else the default output (with ALSA MIDI),
  // else a silent JACK server of the demo's own.
  std::optional<PrivateJackServer> server;
  LiveOptions live;
  live.drill = demo_drill();
  live.kit = PresetLibrary::standard().kit("gm");  // the drummer plays General MIDI notes
  live.audio = {"JACK", "", 48000.0, common.buffer};
  live.midi = {"jack", "virtual", common.double_ms};
  if (const double rate = jack_server_rate(); rate > 0.0) {
    live.audio.sample_rate = rate;  // the server's: pocket's own client plays at its rate
    fmt::print("the demo plays through your JACK server\n");
  } else if (default_output_here() && alsa_midi_here()) {
    live.audio.host_api.clear();
    live.midi.api = "alsa";
    fmt::print("the demo plays through your default audio output\n");
  } else {
    server.emplace(fmt::format("pocket-demo-{}", getpid()), live.audio.sample_rate, common.buffer);
    setenv("JACK_DEFAULT_SERVER", server->name().c_str(), 1);
    fmt::print("no audio output here: the demo runs a silent JACK server of its own\n");
  }
  std::fflush(stdout);

  cap_from_history(common, live);
  install_interrupt_handler();
  std::optional<SessionStore> history = history_for_session(common, live);
  std::optional<std::int64_t> session_id;
  LiveResult result;
  {
    const SessionViews views({common.view, common.json, common.quiet}, live);
    DemoDrummer drummer(live.midi.api, virtual_port(live.midi, live.audio), timing);
    live.views.push_back(&drummer);
    result = run_and_record(history, live, "", session_id);
  }
  const int code = report_live_result(live, result, session_id);
  if (session_id) {
    const std::filesystem::path report = demo_folder / fmt::format("session-{}.html", *session_id);
    write_session_report(open_store(common.db), *session_id, report);
    fmt::print("\nthe session's report, with its charts: {}\n", report.string());
    fmt::print("the demo's history: pocket history --db {}\n", common.db);
  }
  return code;
}

}  // namespace pocket::app
