#pragma once

// A song the tests make: the left channel silent, the right a short burst (a 2 kHz tone that
// starts at its peak and dies away in 20 ms) at each onset, so that its onsets can be found to
// the frame, even stretched, and told apart from the click (in both channels of pocket's
// output) by taking the left from the right.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include <sndfile.h>

namespace pocket::test {

struct TestSong {
  int rate = 48000;
  double seconds = 10.0;
  std::vector<double> onsets;  // seconds into the file
  int format = SF_FORMAT_WAV | SF_FORMAT_PCM_24;
};

// The off-beats (each beat's "and") of `bars` bars of `beats`/4 at `bpm`, from `first_bar`
// seconds.
inline std::vector<double> off_beats(double first_bar, double bpm, int bars, int beats = 4) {
  std::vector<double> onsets;
  for (int beat = 0; beat < beats * bars; ++beat)
    onsets.push_back(first_bar + (beat + 0.5) * 60.0 / bpm);
  return onsets;
}

// A run of bars of a song at one tempo, in one meter of quarters.
struct SongPart {
  double bpm = 120.0;
  int bars = 1;
  int beats = 4;  // a bar
};
// The off-beats of parts played one after the other, from `first_bar` seconds.
inline std::vector<double> off_beats(double first_bar, const std::vector<SongPart>& parts) {
  std::vector<double> onsets;
  double start = first_bar;
  for (const SongPart& part : parts) {
    for (const double t : off_beats(start, part.bpm, part.bars, part.beats)) onsets.push_back(t);
    start += part.bars * part.beats * 60.0 / part.bpm;
  }
  return onsets;
}

inline void write_test_song(const std::filesystem::path& path, const TestSong& song) {
  const auto frames = static_cast<std::size_t>(song.seconds * song.rate);
  std::vector<float> stereo(2 * frames, 0.0f);
  const auto burst = static_cast<std::size_t>(0.02 * song.rate);
  for (const double onset : song.onsets) {
    const auto at = static_cast<std::size_t>(std::lround(onset * song.rate));
    for (std::size_t i = 0; i < burst && at + i < frames; ++i) {
      const double t = static_cast<double>(i) / song.rate;
      stereo[2 * (at + i) + 1] =
          static_cast<float>(0.5 * std::cos(2.0 * M_PI * 2000.0 * t) * std::exp(-t / 0.006));
    }
  }
  SF_INFO info{};
  info.samplerate = song.rate;
  info.channels = 2;
  info.format = song.format;
  SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
  if (file == nullptr) throw std::runtime_error("cannot write " + path.string());
  sf_writef_float(file, stereo.data(), static_cast<sf_count_t>(frames));
  sf_close(file);
}

// Where sounds start in `samples`: the first frame above `threshold` after at least `quiet`
// frames at or under it.
inline std::vector<long> onsets_in(const std::vector<float>& samples, float threshold, long quiet) {
  std::vector<long> found;
  long under = quiet;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    if (std::fabs(samples[i]) > threshold) {
      if (under >= quiet) found.push_back(static_cast<long>(i));
      under = 0;
    } else {
      ++under;
    }
  }
  return found;
}

// A stereo file's two channels.
struct Channels {
  std::vector<float> left, right;
  int rate = 0;
};
inline Channels read_channels(const std::filesystem::path& path) {
  SF_INFO info{};
  SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
  if (file == nullptr || info.channels != 2)
    throw std::runtime_error("cannot read " + path.string());
  std::vector<float> all(static_cast<std::size_t>(info.frames) * 2);
  sf_readf_float(file, all.data(), info.frames);
  sf_close(file);
  Channels c;
  c.rate = info.samplerate;
  c.left.reserve(all.size() / 2);
  c.right.reserve(all.size() / 2);
  for (std::size_t i = 0; i < all.size(); i += 2) {
    c.left.push_back(all[i]);
    c.right.push_back(all[i + 1]);
  }
  return c;
}

// The song's onsets in pocket's output (the song's off-beats, in its right channel; the click in
// both), each against the click before it: an off-beat lies half a beat after its beat's click.
// Beats in which the click track slipped (live: a cycle pocket missed, so the next click is not
// a beat after) are left out and counted, and so is an off-beat after the last click. Onsets
// before the second click are not looked at: a capture may have begun with one port only.
struct SongOnGrid {
  std::size_t song_onsets = 0;
  std::size_t checked = 0;
  std::size_t left_out = 0;
  long earliest = 0, latest = 0;           // frames from where the grid puts them
  std::vector<std::size_t> by_beat;        // checked onsets, per beat length asked for
  std::vector<std::vector<long>> offsets;  // per beat length, in order
  long worst() const { return std::max(std::labs(earliest), std::labs(latest)); }
  long spread() const { return latest - earliest; }
  // How far the song moved against the click over the run, in frames: at each tempo, the mean
  // offset of its last `n` onsets less that of its first `n` (a stretched song may place
  // neighbouring onsets a hop apart: means over many, not single onsets).
  double drift(std::size_t n) const {
    double most = 0.0;
    for (const std::vector<long>& run : offsets) {
      if (run.size() < 2 * n) continue;
      double first = 0.0, last = 0.0;
      for (std::size_t i = 0; i < n; ++i) {
        first += static_cast<double>(run[i]) / static_cast<double>(n);
        last += static_cast<double>(run[run.size() - n + i]) / static_cast<double>(n);
      }
      most = std::max(most, std::fabs(last - first));
    }
    return most;
  }
};

// `beats`: the beat lengths the song's tempos have, in frames (even: half a beat is whole).
inline SongOnGrid song_on_grid(const Channels& c, const std::vector<long>& beats) {
  const std::vector<long> clicks = onsets_in(c.left, 1e-4f, 240);
  std::vector<float> song(c.right.size());
  for (std::size_t i = 0; i < song.size(); ++i) song[i] = c.right[i] - c.left[i];
  SongOnGrid g;
  g.by_beat.assign(beats.size(), 0);
  g.offsets.assign(beats.size(), {});
  bool first = true;
  for (const long s : onsets_in(song, 0.25f, 480)) {
    if (clicks.size() < 2 || s < clicks[1]) continue;
    ++g.song_onsets;
    const auto next = std::upper_bound(clicks.begin(), clicks.end(), s);
    const auto beat =
        next == clicks.end() ? beats.end() : std::find_if(beats.begin(), beats.end(), [&](long b) {
          return std::labs(*next - *(next - 1) - b) <= 1;
        });
    if (beat == beats.end()) {
      ++g.left_out;
      continue;
    }
    ++g.checked;
    ++g.by_beat[static_cast<std::size_t>(beat - beats.begin())];
    const long off = s - *(next - 1) - *beat / 2;
    g.offsets[static_cast<std::size_t>(beat - beats.begin())].push_back(off);
    g.earliest = first ? off : std::min(g.earliest, off);
    g.latest = first ? off : std::max(g.latest, off);
    first = false;
  }
  return g;
}

// The bar lines in a click track (pocket's output alone, or its left channel, where the song
// is not): the onsets of its accents, which peak at kAccentPeak (0.9), a beat at 0.6; and the
// clicks from each to the next, its bar's beats. A click cut by a cycle pocket missed sounds on
// after the gap: an onset closer than `min_beat_frames / 2` to the last is that, not a click.
struct BarLines {
  std::vector<long> frames;
  std::vector<int> clicks;  // from each bar line to the next
};
inline BarLines bar_lines_in(const std::vector<float>& click, long min_beat_frames) {
  BarLines bars;
  long last = -min_beat_frames;
  int clicks = 0;
  for (const long onset : onsets_in(click, 1e-4f, 240)) {
    if (onset - last < min_beat_frames / 2) continue;
    last = onset;
    float peak = 0.0f;
    for (std::size_t i = static_cast<std::size_t>(onset);
         i < click.size() && i < static_cast<std::size_t>(onset) + 480; ++i)
      peak = std::max(peak, std::fabs(click[i]));
    if (peak > 0.75f) {
      if (!bars.frames.empty()) bars.clicks.push_back(clicks);
      bars.frames.push_back(onset);
      clicks = 0;
    }
    ++clicks;
  }
  return bars;
}

}  // namespace pocket::test
