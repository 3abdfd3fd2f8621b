#include "offline_renderer.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "click_mixer.hpp"
#include "sndfile_handle.hpp"

namespace pocket {

namespace {

constexpr std::int64_t kBlockFrames = 1 << 16;

int format_for(const std::filesystem::path& out) {
  std::string ext = out.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (ext == ".wav") return SF_FORMAT_WAV | SF_FORMAT_PCM_24;
  if (ext == ".flac") return SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
  if (ext == ".aiff" || ext == ".aif") return SF_FORMAT_AIFF | SF_FORMAT_PCM_24;
  throw std::runtime_error(
      fmt::format("cannot write '{}': use a .wav, .flac or .aiff file name", out.string()));
}

// Removes the partial file unless the render completed.
struct PartialFile {
  std::filesystem::path path;
  bool keep = false;
  ~PartialFile() {
    std::error_code ignored;
    if (!keep) std::filesystem::remove(path, ignored);
  }
};

}  // namespace

void check_render_target(const std::filesystem::path& out) {
  format_for(out);
  const std::filesystem::path folder = out.parent_path().empty() ? "." : out.parent_path();
  if (!std::filesystem::is_directory(folder)) {
    throw std::runtime_error(fmt::format("cannot write '{}': folder '{}' does not exist",
                                         out.string(), folder.string()));
  }
}

RenderSummary render_to_file(const Schedule& schedule, const ClickSound& sound,
                             const std::filesystem::path& out, const RenderProgress& progress) {
  check_render_target(out);
  PartialFile partial{out.parent_path() / ("." + out.filename().string() + ".partial")};

  SF_INFO info{};
  info.samplerate = static_cast<int>(schedule.sample_rate());
  info.channels = 1;
  info.format = format_for(out);
  SndFileHandle file(sf_open(partial.path.c_str(), SFM_WRITE, &info));
  if (!file) {
    throw std::runtime_error(
        fmt::format("cannot write '{}': {}", out.string(), sf_strerror(nullptr)));
  }

  ScheduleSource clicks(schedule);
  ClickMixer mixer(clicks, sound);
  const std::int64_t end_frame = schedule.end_frame();
  std::vector<float> block(static_cast<std::size_t>(kBlockFrames));
  // The file ends with the last bar, unless a click still rings past it.
  const auto tail = static_cast<std::int64_t>(sound.longest());
  while (mixer.position() < end_frame || !mixer.finished()) {
    const std::int64_t frames =
        mixer.position() < end_frame ? std::min(kBlockFrames, end_frame - mixer.position()) : tail;
    std::span<float> span(block.data(), static_cast<std::size_t>(frames));
    mixer.render(span);
    if (sf_writef_float(file.get(), span.data(), frames) != frames) {
      throw std::runtime_error(
          fmt::format("cannot write '{}': {}", out.string(), sf_strerror(file.get())));
    }
    if (progress) progress(std::min(1.0, static_cast<double>(mixer.position()) / end_frame));
  }
  if (sf_close(file.release()) != 0) {
    throw std::runtime_error(fmt::format("cannot finish '{}'", out.string()));
  }
  std::filesystem::rename(partial.path, out);
  partial.keep = true;
  return {mixer.position(), mixer.clicks_started()};
}

}  // namespace pocket
