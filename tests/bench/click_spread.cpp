// How far the clicks of a rendered click track stray from a steady tempo: finds every click
// onset in a WAV file (sound after at least 5 ms of digital silence, on any channel) and
// prints the largest distance, in frames, of an onset from its ideal frame
// first onset + round(rate * 60 / bpm * k), and how early and how late the onsets came.
// usage: click_spread FILE.wav BPM
#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: click_spread FILE.wav BPM\n");
    return 2;
  }
  const double bpm = std::atof(argv[2]);
  SF_INFO info{};
  SNDFILE* file = sf_open(argv[1], SFM_READ, &info);
  if (file == nullptr) {
    std::fprintf(stderr, "click_spread: cannot open %s\n", argv[1]);
    return 1;
  }
  const double interval = info.samplerate * 60.0 / bpm;
  constexpr std::int64_t kMinSilence = 240;  // 5 ms at 48 kHz
  std::int64_t silent = kMinSilence, frame = 0, first = -1, clicks = 0;
  std::int64_t earliest = 0, latest = 0;  // onset minus ideal frame
  // A block at a time: an hour is 690 MB of floats a channel.
  std::vector<float> block(static_cast<std::size_t>(65536 * info.channels));
  for (sf_count_t got; (got = sf_readf_float(file, block.data(), 65536)) > 0;) {
    for (sf_count_t i = 0; i < got; ++i, ++frame) {
      bool sound = false;
      for (int c = 0; c < info.channels; ++c) sound |= block[i * info.channels + c] != 0.0f;
      if (!sound) {
        ++silent;
        continue;
      }
      if (silent >= kMinSilence) {
        if (first < 0) first = frame;
        const std::int64_t ideal = first + std::llround(interval * static_cast<double>(clicks));
        earliest = std::min(earliest, frame - ideal);
        latest = std::max(latest, frame - ideal);
        ++clicks;
      }
      silent = 0;
    }
  }
  sf_close(file);
  std::printf("clicks=%lld frames=%lld spread_frames=%lld earliest=%lld latest=%lld\n",
              static_cast<long long>(clicks), static_cast<long long>(frame),
              static_cast<long long>(std::max(-earliest, latest)), static_cast<long long>(earliest),
              static_cast<long long>(latest));
  return 0;
}
