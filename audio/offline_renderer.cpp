#include "offline_renderer.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "click_mixer.hpp"
#include "sndfile_handle.hpp"
#include "song_frames.hpp"
#include "song_mixer.hpp"

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

// A song read where it is mixed: offline nothing needs to run ahead.
class SongInPlace final : public SongFrames {
 public:
  explicit SongInPlace(const SongSettings& settings) : source_(settings) {}
  std::size_t pop(float* out, std::size_t frames) override {
    std::size_t done = 0;
    while (done < frames && !ended_) {
      const std::size_t n = source_.produce(out + 2 * done, frames - done);
      ended_ = n == 0;
      done += n;
    }
    return done;
  }
  bool ended() const override { return ended_; }

 private:
  SongSource source_;
  bool ended_ = false;
};

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
                             const std::filesystem::path& out, const RenderProgress& progress,
                             const RenderedSong* song) {
  check_render_target(out);
  PartialFile partial{out.parent_path() / ("." + out.filename().string() + ".partial")};

  SF_INFO info{};
  info.samplerate = static_cast<int>(schedule.sample_rate());
  info.channels = song != nullptr ? 2 : 1;
  info.format = format_for(out);
  SndFileHandle file(sf_open(partial.path.c_str(), SFM_WRITE, &info));
  if (!file) {
    throw std::runtime_error(
        fmt::format("cannot write '{}': {}", out.string(), sf_strerror(nullptr)));
  }

  // A click and a song together may pass full scale: clipped, not wrapped round.
  sf_command(file.get(), SFC_SET_CLIPPING, nullptr, SF_TRUE);

  ScheduleSource clicks(schedule);
  ClickMixer mixer(clicks, sound);
  std::optional<SongInPlace> song_frames;
  std::optional<SongMixer> song_mixer;
  if (song != nullptr) {
    song_frames.emplace(song->settings);
    song_mixer.emplace(*song_frames, song->gain, song->origin);
  }
  const std::int64_t end_frame = schedule.end_frame();
  std::vector<float> block(static_cast<std::size_t>(kBlockFrames));
  std::vector<float> right(song != nullptr ? block.size() : 0);
  std::vector<float> stereo(song != nullptr ? 2 * block.size() : 0);
  // The file ends with the last bar, unless a click still rings past it.
  const auto tail = static_cast<std::int64_t>(sound.longest());
  while (mixer.position() < end_frame || !mixer.finished()) {
    const std::int64_t first = mixer.position();
    const std::int64_t frames =
        first < end_frame ? std::min(kBlockFrames, end_frame - first) : tail;
    std::span<float> span(block.data(), static_cast<std::size_t>(frames));
    mixer.render(span);
    const float* written = span.data();
    if (song != nullptr) {
      mix_click_and_song(span.data(), right.data(), span.size(), first, song->click_gain,
                         &*song_mixer);
      for (std::size_t i = 0; i < span.size(); ++i) {
        stereo[2 * i] = span[i];
        stereo[2 * i + 1] = right[i];
      }
      written = stereo.data();
    }
    if (sf_writef_float(file.get(), written, frames) != frames) {
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
