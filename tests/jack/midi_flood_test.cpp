// A kit that floods pocket's port: 5 000 note-ons a second for ten seconds, with MIDI clock and
// active sensing. No stroke is lost, and the audio keeps up as well as with nobody playing.
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "live_rig.hpp"

using namespace pocket::test;
using namespace std::chrono_literals;

TEST_CASE("a MIDI flood with clock and active sensing loses no stroke and adds no underflows",
          "[jack][fault]") {
  LiveRig rig;
  const std::vector<std::string> session = {
      "play", "--bpm", "120", "--bars", "12", "--count-in", "0", "--calibration-ms", "0"};
  // The baseline: the same session on the same server, with nobody playing.
  const auto quiet = rig.pocket(session);
  INFO(quiet.err);
  REQUIRE(quiet.exit_code == 0);
  const long baseline = nlohmann::json::parse(quiet.out)["audio"]["underflows"].get<long>();

  BackgroundProcess flood(MIDI_FLOOD_BINARY,
                          {"--play-to", "pocket:midi_in", "--rate", "5000", "--seconds", "10",
                           "--wait-seconds", "2", "--notes", "36,38,42"},
                          rig.dir() / "flood.out", rig.dir() / "flood.err");
  const auto flooded = rig.pocket(session);
  const int flood_code = flood.wait(20s);
  INFO(flooded.err);
  INFO("the flood ended with " << flood_code << ": " << read_text(rig.dir() / "flood.err"));
  REQUIRE(flooded.exit_code == 0);
  std::istringstream sent(read_text(rig.dir() / "flood.out"));
  std::string word;
  long note_ons = 0, clock = 0, sensing = 0, xruns = 0;
  sent >> word >> note_ons >> word >> clock >> word >> sensing >> word >> xruns;
  INFO("sent " << note_ons << " note-ons, " << clock << " clock, " << sensing << " sensing; the "
               << "server told of " << xruns << " xruns");
  CHECK(note_ons >= 49000);
  CHECK(clock >= 400);
  CHECK(sensing >= 30);

  const nlohmann::json j = nlohmann::json::parse(flooded.out);
  const long strokes = static_cast<long>(j["strokes"].size());
  const long doubles = j["double_triggers"].get<long>();
  INFO(strokes << " strokes, " << doubles << " double triggers");
  CHECK(j["audio"]["dropped_records"] == 0);
  CHECK(j["unmapped_notes"].empty());
  // Every note-on is a stroke or a counted double trigger (a pad struck again within 10 ms).
  // When the server runs late, a cycle pocket's MIDI client misses takes its events with it
  // (at 5 000 a second, 14 in a 128-frame period) before pocket can read them.
  CHECK(strokes + doubles <= note_ons);
  CHECK(strokes + doubles >= note_ons - 14 * xruns);
  CHECK(strokes > 2000);  // three pads, each heard at most once every 10 ms for 10 s
  const long underflows = j["audio"]["underflows"].get<long>();
  INFO("underflows: " << underflows << " flooded, " << baseline << " with nobody playing");
  // The dummy server misses deadlines of its own when the machine is busy (the baseline shows
  // how many): the flood may add a few such, not a flood of them.
  CHECK(underflows <= baseline * 3 / 2 + 5);
}
