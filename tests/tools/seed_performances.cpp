#include "seed_performances.hpp"

namespace pocket::test {

namespace {

// A rock beat on the sixteenth grid: hi-hat on every sixteenth, kick on 1 and 3, snare on 2 and 4.
std::vector<Part> rock_beat(double kick_bias = 0.0, double snare_bias = 0.0,
                            double hihat_bias = 0.0) {
  return {{42, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, hihat_bias, 80},
          {36, {0, 8, 10}, kick_bias, 110},
          {38, {4, 12}, snare_bias, 105}};
}

}  // namespace

std::vector<SeedPerformance> seed_performances() {
  std::vector<SeedPerformance> seeds;
  {
    DrummerSpec s;
    s.bpm = 100.0;
    s.bars = 32;
    s.parts = rock_beat();
    s.jitter_ms = 6.0;
    s.seed = 101;
    seeds.push_back({"steady", "100 BPM, on the click, SD 6 ms", s});
  }
  {
    DrummerSpec s;
    s.bpm = 92.0;
    s.bars = 32;
    s.parts = rock_beat();
    s.bias_ms = 15.0;
    s.jitter_ms = 8.0;
    s.seed = 202;
    seeds.push_back({"late", "92 BPM, 15 ms behind the click, SD 8 ms", s});
  }
  {
    DrummerSpec s;
    s.bpm = 120.0;
    s.bars = 64;
    s.parts = rock_beat();
    s.bias_ms = 4.0;
    s.jitter_ms = 7.0;
    s.drift_ms_per_min = -12.0;
    s.seed = 303;
    seeds.push_back({"rushing", "120 BPM, pulling ahead by 12 ms every minute", s});
  }
  {
    DrummerSpec s;
    s.bpm = 96.0;
    s.bars = 32;
    s.parts = rock_beat(8.0, -6.0, 0.0);
    s.jitter_ms = 7.0;
    s.miss_probability = 0.02;
    s.double_trigger_probability = 0.01;
    s.seed = 404;
    seeds.push_back({"groove",
                     "96 BPM, kick 8 ms late, snare 6 ms early, a few misses and double triggers",
                     s});
  }
  {
    DrummerSpec s;
    s.bpm = 100.0;
    s.bars = 48;
    s.parts = rock_beat();
    s.jitter_ms = 7.0;
    s.tempo_change_bar = 24;
    s.change_bpm = 112.0;
    s.seed = 505;
    seeds.push_back(
        {"tempo-change", "100 BPM, then 112 BPM from bar 25 (tempo map in the file)", s});
  }
  return seeds;
}

}  // namespace pocket::test
