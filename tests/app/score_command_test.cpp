// pocket score end to end: synthetic performances with known timing, written as real .mid
// files, scored by the real command, must give back what was played.
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run_command.hpp"
#include "support/synthetic_drummer.hpp"
#include "support/temp_dir.hpp"

using namespace pocket;
using Catch::Contains;

namespace {

void save(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
}

nlohmann::json score_json(const test::TempDir& dir, const std::filesystem::path& file,
                          std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"score", file.string(), "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto result = test::run_command(POCKET_BINARY, args, dir.path());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return nlohmann::json::parse(result.out);
}

std::vector<test::Part> beat() {
  return {
      {42, {0, 2, 4, 6, 8, 10, 12, 14}, 0.0, 80}, {36, {0, 8}, 0.0, 110}, {38, {4, 12}, 0.0, 100}};
}

}  // namespace

TEST_CASE("scoring a .mid file recovers the bias, jitter and drift that were played",
          "[score][accuracy]") {
  struct Case {
    const char* name;
    test::DrummerSpec spec;
  };
  test::DrummerSpec steady;
  steady.bpm = 110.0;
  steady.bars = 120;
  steady.grid = 16;
  steady.parts = beat();
  steady.jitter_ms = 8.0;
  steady.seed = 11;
  test::DrummerSpec late = steady;
  late.bias_ms = 12.0;
  late.jitter_ms = 5.0;
  late.seed = 12;
  test::DrummerSpec early = steady;
  early.bias_ms = -12.0;
  early.seed = 13;
  test::DrummerSpec rushing = steady;
  rushing.drift_ms_per_min = -6.0;
  rushing.jitter_ms = 4.0;
  rushing.seed = 14;
  test::DrummerSpec tempo_change = steady;
  tempo_change.bias_ms = 6.0;
  tempo_change.tempo_change_bar = 60;
  tempo_change.change_bpm = 127.5;
  tempo_change.seed = 15;
  test::DrummerSpec sloppy_kit = steady;
  sloppy_kit.miss_probability = 0.05;
  sloppy_kit.double_trigger_probability = 0.03;
  sloppy_kit.seed = 16;
  const auto c = GENERATE_COPY(Case{"steady", steady}, Case{"late", late}, Case{"early", early},
                               Case{"rushing", rushing}, Case{"tempo change", tempo_change},
                               Case{"misses and double triggers", sloppy_kit});
  INFO(c.name);

  test::TempDir dir;
  const test::SyntheticPerformance played = test::perform(c.spec);
  save(dir / "take.mid", played.midi);
  const nlohmann::json j = score_json(dir, dir / "take.mid", {"--grid", "16"});
  const test::TruthStats truth = test::truth_stats(played.strokes);

  // Against what was written to the file.
  CHECK(j["hits"] == played.strokes.size());
  CHECK(j["missed"] == played.missed_slots);
  CHECK(j["double_triggers"] == played.double_triggers);
  CHECK(j["extra"] == 0);
  CHECK(j["mean_offset_ms"].get<double>() == Approx(truth.mean_ms).margin(0.5));
  CHECK(j["sd_offset_ms"].get<double>() == Approx(truth.sd_ms).margin(0.5));
  CHECK(j["drift_ms_per_min"].get<double>() == Approx(truth.drift_ms_per_min).margin(1.0));
  // Against the player's intent (a drift also moves the mean and widens the spread).
  if (c.spec.drift_ms_per_min == 0.0) {
    CHECK(j["mean_offset_ms"].get<double>() == Approx(c.spec.bias_ms).margin(0.5));
    CHECK(j["sd_offset_ms"].get<double>() == Approx(c.spec.jitter_ms).margin(0.5));
  }
  CHECK(j["drift_ms_per_min"].get<double>() == Approx(c.spec.drift_ms_per_min).margin(1.0));
}

TEST_CASE("the verdict tells late from early and rushing from dragging", "[score]") {
  test::DrummerSpec spec;
  spec.bpm = 100.0;
  spec.bars = 64;
  spec.parts = beat();
  spec.jitter_ms = 4.0;
  test::TempDir dir;

  spec.bias_ms = 12.0;
  save(dir / "late.mid", test::perform(spec).midi);
  CHECK_THAT(score_json(dir, dir / "late.mid")["summary"].get<std::string>(),
             Contains("late by 12 ms"));
  spec.bias_ms = -12.0;
  save(dir / "early.mid", test::perform(spec).midi);
  CHECK_THAT(score_json(dir, dir / "early.mid")["summary"].get<std::string>(),
             Contains("early by 12 ms"));
  spec.bias_ms = 0.0;
  spec.drift_ms_per_min = 8.0;
  save(dir / "dragging.mid", test::perform(spec).midi);
  CHECK_THAT(score_json(dir, dir / "dragging.mid")["summary"].get<std::string>(),
             Contains("dragging by"));
  spec.drift_ms_per_min = -8.0;
  save(dir / "rushing.mid", test::perform(spec).midi);
  CHECK_THAT(score_json(dir, dir / "rushing.mid")["summary"].get<std::string>(),
             Contains("rushing by"));
}

TEST_CASE("per-pad bias shows in the pads object", "[score]") {
  test::DrummerSpec spec;
  spec.bpm = 96.0;
  spec.bars = 64;
  spec.parts = beat();
  spec.parts[1].bias_ms = 9.0;   // kick
  spec.parts[2].bias_ms = -7.0;  // snare
  spec.jitter_ms = 3.0;
  test::TempDir dir;
  save(dir / "groove.mid", test::perform(spec).midi);
  const nlohmann::json j = score_json(dir, dir / "groove.mid", {"--grid", "8"});
  CHECK(j["pads"]["kick"]["mean_offset_ms"].get<double>() == Approx(9.0).margin(0.8));
  CHECK(j["pads"]["snare"]["mean_offset_ms"].get<double>() == Approx(-7.0).margin(0.8));
  CHECK(j["pads"]["hihat"]["mean_offset_ms"].get<double>() == Approx(0.0).margin(0.8));
  CHECK(j["pads"]["kick"]["hits"] == 128);
  CHECK(j["missed"] == 0);            // every eighth had a stroke
  CHECK(j["flams"]["slots"] == 256);  // kick or snare with the hi-hat on every beat
}

TEST_CASE("a swung take scores against a swung grid and reads its swing and feel", "[score]") {
  // 100 BPM: a quarter is 600 ms. Hi-hat eighths swung 60 %: the off-beats 60 ms after the
  // straight eighth. The snare laid back 10 ms.
  test::DrummerSpec spec;
  spec.bpm = 100.0;
  spec.bars = 16;
  spec.parts = {{42, {0, 4, 8, 12}, 0.0, 90},
                {42, {2, 6, 10, 14}, 60.0, 60},
                {36, {0, 8}, 0.0, 110},
                {38, {4, 12}, 10.0, 100}};
  spec.jitter_ms = 1.0;
  test::TempDir dir;
  save(dir / "swung.mid", test::perform(spec).midi);

  const nlohmann::json swung =
      score_json(dir, dir / "swung.mid", {"--grid", "8", "--swing", "60", "--feel", "snare:10"});
  CHECK(swung["swing"]["asked_percent"] == 60.0);
  CHECK(swung["swing"]["on"] == 8);
  CHECK(swung["swing"]["measured_percent"].get<double>() == Approx(60.0).margin(0.2));
  CHECK(swung["swing"]["pairs"] == 16 * 4 - 1);  // the last on-beat has no next one
  CHECK(swung["swing"]["pads"]["hihat"]["pairs"] == 16 * 4 - 1);
  CHECK(swung["pads"]["hihat"]["mean_offset_ms"].get<double>() == Approx(0.0).margin(0.5));
  CHECK(swung["pads"]["snare"]["mean_offset_ms"].get<double>() == Approx(0.0).margin(0.5));
  CHECK(swung["feel"]["snare"]["intended_ms"] == 10.0);
  CHECK(swung["missed"] == 0);

  // On a straight grid the same take reads the same swing, its off-beats late.
  const nlohmann::json straight = score_json(dir, dir / "swung.mid", {"--grid", "8"});
  CHECK(straight["swing"]["asked_percent"] == 50.0);
  CHECK(straight["swing"]["measured_percent"].get<double>() == Approx(60.0).margin(0.2));
  CHECK(straight["positions"][1]["position"] == "1&");
  CHECK(straight["positions"][1]["mean_offset_ms"].get<double>() == Approx(60.0).margin(0.5));
  CHECK(straight["pads"]["snare"]["mean_offset_ms"].get<double>() == Approx(10.0).margin(0.5));

  const auto words = test::run_command(
      POCKET_BINARY,
      {"score", (dir / "swung.mid").string(), "--grid", "8", "--swing", "58", "--feel", "snare:10"},
      dir.path());
  REQUIRE(words.exit_code == 0);
  CHECK_THAT(words.out,
             Contains("swing: you swung 60 % on 8ths over 63 pairs, the drill asks 58 %"));
  CHECK_THAT(words.out, Contains("snare meant 10 ms behind the beat, sat right there"));
}

TEST_CASE("a take with a sticking is scored hand by hand", "[score]") {
  // Singles in sixteenths on the snare: the left hand 6 ms behind and at velocity 75.
  test::DrummerSpec spec;
  spec.bars = 16;
  spec.parts = {{38, {0, 2, 4, 6, 8, 10, 12, 14}, 0.0, 100},
                {38, {1, 3, 5, 7, 9, 11, 13, 15}, 6.0, 75}};
  spec.jitter_ms = 1.0;
  test::TempDir dir;
  save(dir / "singles.mid", test::perform(spec).midi);
  const nlohmann::json j = score_json(dir, dir / "singles.mid", {"--sticking", "RL"});
  REQUIRE(j.contains("hands"));
  CHECK(j["hands"]["right"]["hits"] == 128);
  CHECK(j["hands"]["left"]["hits"] == 128);
  CHECK(j["hands"]["right"]["mean_offset_ms"].get<double>() == Approx(0.0).margin(0.3));
  CHECK(j["hands"]["left"]["mean_offset_ms"].get<double>() == Approx(6.0).margin(0.3));
  CHECK(j["hands"]["right"]["velocity_mean"] == 100.0);
  CHECK(j["hands"]["left"]["velocity_mean"] == 75.0);
  CHECK(j["hands"]["left"]["velocity_cv"] == 0.0);
  CHECK_THAT(
      j["hands"]["summary"].get<std::string>(),
      Contains("the left hand sits 6.") && Contains("ms behind the right and plays 25 % softer"));
  CHECK_FALSE(score_json(dir, dir / "singles.mid").contains("hands"));
}

TEST_CASE("a constant --bpm and --start-ms move the grid", "[score]") {
  test::DrummerSpec spec;
  spec.bpm = 100.0;
  spec.bars = 16;
  spec.parts = beat();
  spec.bias_ms = 5.0;
  test::TempDir dir;
  save(dir / "take.mid", test::perform(spec).midi);
  CHECK(score_json(dir, dir / "take.mid", {"--bpm", "100"})["mean_offset_ms"].get<double>() ==
        Approx(5.0).margin(0.1));
  CHECK(score_json(dir, dir / "take.mid", {"--start-ms", "3"})["mean_offset_ms"].get<double>() ==
        Approx(2.0).margin(0.1));
}

TEST_CASE("the human view has the summary, the pads and the verdict line", "[score]") {
  test::DrummerSpec spec;
  spec.bars = 8;
  spec.parts = beat();
  spec.bias_ms = 8.0;
  spec.jitter_ms = 2.0;
  test::TempDir dir;
  save(dir / "take.mid", test::perform(spec).midi);
  const auto result =
      test::run_command(POCKET_BINARY, {"score", (dir / "take.mid").string()}, dir.path());
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Contains("sixteenth notes") && Contains("mean offset") &&
                             Contains("kick") && Contains("snare") && Contains("hihat") &&
                             Contains("1&") && Contains("late by 8 ms on average"));
}

TEST_CASE("bad score input gets a clear message and a non-zero exit", "[score]") {
  struct Case {
    std::vector<std::string> args;  // file names are made absolute in the test folder
    int exit_code;
    std::string message;
  };
  const auto c = GENERATE(
      Case{{"score", "notes.mid"}, 5, "byte 0: not a Standard MIDI File"},
      Case{{"score", "cut.mid"}, 5, "truncated"}, Case{{"score", "missing.mid"}, 5, "cannot open"},
      Case{{"score"}, 2, "which MIDI file"},
      Case{{"score", "ok.mid", "--drum-map", "tama"},
           2,
           "unknown kit 'tama': use one of alesis, efnote, gm, roland"},
      Case{{"score", "ok.mid", "--grid", "0"}, 2, "grid 0"},
      Case{{"score", "ok.mid", "--meter", "4/0"}, 2, "meter 4/0"},
      Case{{"score", "ok.mid", "--bpm", "0"}, 2, "tempo 0 BPM"},
      Case{{"score", "ok.mid", "--swing", "90"}, 2, "swing 90.0 % is out of range"},
      Case{{"score", "ok.mid", "--grid", "12", "--swing", "60"},
           2,
           "a grid of 12 has no 8th notes to swing"},
      Case{{"score", "ok.mid", "--feel", "snare=10"}, 2, "--feel 'snare=10'"},
      Case{{"score", "ok.mid", "--feel", "kazoo:5"},
           2,
           "the feel names 'kazoo', a pad this kit does not have"},
      Case{{"score", "ok.mid", "--target", "performance"}, 2, "--target goes with a groove"},
      Case{{"score", "ok.mid", "--groove", "ok.mid", "--target", "feel"},
           2,
           "--target feel: use grid"},
      Case{{"score", "ok.mid", "--groove", "ok.mid", "--meter", "3/4"}, 2, "--meter and --groove"},
      Case{{"score", "ok.mid", "--groove", "notes.mid"}, 5, "byte 0: not a Standard MIDI File"});
  test::TempDir dir;
  std::ofstream(dir / "notes.mid") << "not a midi file";
  const std::vector<std::uint8_t> good = test::perform({}).midi;
  save(dir / "ok.mid", good);
  save(dir / "cut.mid", {good.begin(), good.begin() + static_cast<long>(good.size() / 2)});
  std::vector<std::string> args = c.args;
  for (std::string& arg : args) {
    if (arg.ends_with(".mid")) arg = (dir / arg).string();
  }
  const auto result = test::run_command(POCKET_BINARY, args, dir.path());
  CHECK(result.exit_code == c.exit_code);
  CHECK_THAT(result.err, Contains(c.message));
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
}

TEST_CASE("real e-kit performances score within human ranges", "[score][gmd]") {
  test::TempDir dir;
  int performances = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(POCKET_TEST_DATA) + "/gmd")) {
    if (entry.path().extension() != ".mid") continue;
    ++performances;
    INFO(entry.path().filename());
    const nlohmann::json j = score_json(dir, entry.path(), {"--drum-map", "roland"});
    CHECK(j["hits"].get<int>() > 100);
    CHECK(j["mean_offset_ms"].get<double>() > -25.0);
    CHECK(j["mean_offset_ms"].get<double>() < 15.0);
    CHECK(j["sd_offset_ms"].get<double>() > 8.0);
    CHECK(j["sd_offset_ms"].get<double>() < 50.0);
    CHECK(j["pads"].contains("kick"));
    CHECK(j["pads"].contains("hihat"));
    CHECK(j["unmapped_notes"].empty());  // the Roland map covers every note of a Roland kit
  }
  CHECK(performances == 3);  // tests/data/gmd holds three: an empty folder must not pass
}

TEST_CASE("a Roland recording scored with the General MIDI map says what was left out",
          "[score][gmd][unmapped]") {
  // A third of this performance is hi-hat edge strokes, on notes 22 and 26.
  const std::string file =
      std::string(POCKET_TEST_DATA) + "/gmd/drummer8_session1_3_hiphop_90_beat_4-4.mid";
  test::TempDir dir;
  const nlohmann::json j = score_json(dir, file, {"--drum-map", "gm"});
  CHECK(j["unmapped_notes"] == nlohmann::json{{"22", 66}, {"26", 53}});
  const int scored = j["hits"].get<int>() + j["extra"].get<int>();
  CHECK(scored + 66 + 53 + j["double_triggers"].get<int>() == 374);

  const auto text =
      test::run_command(POCKET_BINARY, {"score", file, "--drum-map", "gm"}, dir.path());
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Contains("119 strokes on notes 22 and 26 were not scored") &&
                           Contains("in the roland kit they are hihat closed-edge and hihat "
                                    "open-edge; try --drum-map roland"));
  // With --json the words go to standard error, the counts into the JSON.
  const auto json =
      test::run_command(POCKET_BINARY, {"score", file, "--drum-map", "gm", "--json"}, dir.path());
  CHECK_THAT(json.err, Contains("try --drum-map roland"));

  // The kit chosen once in the config applies to every command.
  const auto config = dir / "config" / "pocket" / "config.toml";
  std::filesystem::create_directories(config.parent_path());
  std::ofstream(config) << "drum_map = \"roland\"\n";
  setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
  const auto configured = test::run_command(POCKET_BINARY, {"score", file, "--json"}, dir.path());
  unsetenv("XDG_CONFIG_HOME");
  REQUIRE(configured.exit_code == 0);
  const nlohmann::json roland = nlohmann::json::parse(configured.out);
  CHECK(roland["unmapped_notes"].empty());
  CHECK(roland["hits"].get<int>() + roland["extra"].get<int>() == scored + 119);
}
