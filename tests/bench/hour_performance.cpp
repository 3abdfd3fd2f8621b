// Writes a one-hour performance (the bench groove, 1800 bars at 120 BPM) as a MIDI file, for
// measuring what scoring a long recording costs.
// usage: hour_performance OUT.mid
#include <cstdio>

#include "bench_groove.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: hour_performance OUT.mid\n");
    return 2;
  }
  const pocket::test::SyntheticPerformance performance =
      pocket::test::perform(pocket::test::bench_groove(1800));
  pocket::MidiFileWriter::save_bytes(performance.midi, argv[1]);
  std::printf("strokes=%zu\n", performance.strokes.size());
  return 0;
}
