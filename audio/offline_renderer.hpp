#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include "click_sound.hpp"
#include "core/schedule.hpp"
#include "song_source.hpp"

namespace pocket {

struct RenderSummary {
  std::int64_t frames = 0;  // length of the written file
  std::int64_t clicks = 0;  // audible clicks in it
};

// Called now and then with the share of the track rendered so far, 0..1.
using RenderProgress = std::function<void(double)>;

// A song mixed with the click in a rendered file, placed as in a live session (place_song).
struct RenderedSong {
  SongSettings settings;
  float gain = 1.0f;
  std::int64_t origin = 0;
  float click_gain = 1.0f;
};

// Writes the click track of `schedule` to `out` as 24-bit mono (.wav, .flac or .aiff/.aif by
// the file's extension), or stereo with `song` mixed in as pocket plays it live. The file appears
// only when it is complete: the audio goes to a hidden file beside it first, which is removed if
// anything fails. Throws std::runtime_error naming the file and the problem.
RenderSummary render_to_file(const Schedule& schedule, const ClickSound& sound,
                             const std::filesystem::path& out, const RenderProgress& progress = {},
                             const RenderedSong* song = nullptr);

// Throws std::runtime_error when `out` cannot be written as audio (unknown extension or
// missing folder); lets a command fail before any work.
void check_render_target(const std::filesystem::path& out);

}  // namespace pocket
