#include "song_source.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include <fmt/format.h>
#include <rubberband/RubberBandStretcher.h>
#include <samplerate.h>

#include "core/errors.hpp"

namespace pocket {

namespace {

using RubberBand::RubberBandStretcher;

SndFileHandle open_song(const std::string& path, SF_INFO& info) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error))
    throw InputFileError(fmt::format("cannot play the song '{}': no such file", path));
  SndFileHandle file(sf_open(path.c_str(), SFM_READ, &info));
  if (!file)
    throw InputFileError(
        fmt::format("cannot play the song '{}': not an audio file pocket can read ({})", path,
                    sf_strerror(nullptr)));
  if (info.frames <= 0 || info.channels <= 0 || info.samplerate <= 0)
    throw InputFileError(fmt::format("cannot play the song '{}': it holds no audio", path));
  return file;
}

}  // namespace

bool playable_speed(double speed) { return speed >= kSlowestSong && speed <= kFastestSong; }

void check_song_speed(double speed) {
  if (!playable_speed(speed))
    throw UsageError(fmt::format("a song's speed is {:.0f} % to {:.0f} %, not {:.0f} %",
                                 kSlowestSong * 100.0, kFastestSong * 100.0, speed * 100.0));
}

SongPlacement place_song(double first_bar_in_file, double first_bar_on_track, double speed,
                         double rate) {
  const double start = std::max(0.0, first_bar_in_file - first_bar_on_track * speed);
  const double song_frames_to_bar = (first_bar_in_file - start) / speed * rate;
  return {start, std::llround(first_bar_on_track * rate - song_frames_to_bar)};
}

SongSource::SongSource(const SongSettings& settings) : settings_(settings) {
  SF_INFO info{};
  file_ = open_song(settings.file, info);
  file_rate_ = info.samplerate;
  channels_ = info.channels;
  file_frames_ = info.frames;
  file_seconds_ = static_cast<double>(info.frames) / file_rate_;
  raw_.resize(kBlock * static_cast<std::size_t>(channels_));
  file_stereo_.resize(kBlock * 2);
  in_.resize(kBlock * 2);
  planes_.resize(kBlock * 2);
  if (file_rate_ != static_cast<int>(std::lround(settings.out_rate))) {
    int error = 0;
    resampler_ = src_new(SRC_SINC_MEDIUM_QUALITY, 2, &error);
    if (resampler_ == nullptr)
      throw std::runtime_error(fmt::format("cannot resample the song: {}", src_strerror(error)));
  }
  restart(settings.start_seconds, settings.speed);
}

void SongSource::restart(double start_seconds, double speed) {
  check_song_speed(speed);
  settings_.start_seconds = start_seconds;
  settings_.speed = speed;
  stretching_ = speed != 1.0;
  fed_ = made_ = 0;
  tail_left_ = kTail;
  input_ended_ = false;
  if (!stretching_) {
    seek(start_seconds);
    return;
  }
  if (!stretcher_) {
    stretcher_ = std::make_unique<RubberBandStretcher>(
        static_cast<std::size_t>(std::lround(settings_.out_rate)), 2,
        RubberBandStretcher::OptionProcessRealTime | RubberBandStretcher::OptionThreadingNever |
            RubberBandStretcher::OptionTransientsCrisp | RubberBandStretcher::OptionEngineFiner |
            RubberBandStretcher::OptionWindowShort,
        1.0 / speed, 1.0);
    stretcher_->setMaxProcessSize(kBlock);
  } else {
    stretcher_->reset();
    stretcher_->setTimeRatio(1.0 / speed);
  }
  pad_stretcher(start_seconds);
  delay_left_ = stretcher_->getStartDelay();
}

void SongSource::seek(double seconds) {
  const auto frame = static_cast<sf_count_t>(std::lround(std::max(seconds, 0.0) * file_rate_));
  file_ended_ = frame >= file_frames_ || sf_seek(file_.get(), frame, SEEK_SET) < 0;
  pending_ = used_ = 0;
  if (resampler_ != nullptr) src_reset(resampler_);
}

// The stretcher's first frames out are for its pad: given the song before the start, frame 0
// after its start delay is the start, and a restart mid-song sounds as the song went on.
void SongSource::pad_stretcher(double start_seconds) {
  const std::size_t pad = stretcher_->getPreferredStartPad();
  const double lead = static_cast<double>(pad) / settings_.out_rate;
  auto silent = static_cast<std::size_t>(
      std::lround(std::max(0.0, lead - start_seconds) * settings_.out_rate));
  silent = std::min(silent, pad);
  seek(start_seconds - lead);
  float* const planes[2] = {planes_.data(), planes_.data() + kBlock};
  for (std::size_t left = pad; left > 0;) {
    std::size_t n = std::min(left, kBlock);
    if (silent > 0) {
      n = std::min(n, silent);
      std::fill(planes[0], planes[0] + n, 0.0f);
      std::fill(planes[1], planes[1] + n, 0.0f);
      silent -= n;
    } else {
      const std::size_t got = read_at_out_rate(n);
      if (got == 0) std::fill(in_.begin(), in_.begin() + 2 * n, 0.0f);  // past the file's end
      n = got == 0 ? n : got;
      for (std::size_t i = 0; i < n; ++i) {
        planes[0][i] = in_[2 * i];
        planes[1][i] = in_[2 * i + 1];
      }
    }
    stretcher_->process(planes, n, false);
    left -= n;
  }
}

SongSource::~SongSource() {
  if (resampler_ != nullptr) src_delete(resampler_);
}

std::size_t SongSource::read_file(float* out, std::size_t frames) {
  if (file_ended_) return 0;
  const sf_count_t got = sf_readf_float(file_.get(), raw_.data(), static_cast<sf_count_t>(frames));
  if (got <= 0) {
    file_ended_ = true;
    return 0;
  }
  const auto c = static_cast<std::size_t>(channels_);
  for (std::size_t i = 0; i < static_cast<std::size_t>(got); ++i) {
    out[2 * i] = raw_[i * c];
    out[2 * i + 1] = raw_[i * c + (c > 1 ? 1 : 0)];
  }
  return static_cast<std::size_t>(got);
}

std::size_t SongSource::read_at_out_rate(std::size_t frames) {
  if (resampler_ == nullptr) return read_file(in_.data(), frames);
  while (true) {
    if (pending_ == 0 && !file_ended_) {
      pending_ = read_file(file_stereo_.data(), kBlock);
      used_ = 0;
    }
    SRC_DATA data{};
    data.data_in = file_stereo_.data() + 2 * used_;
    data.input_frames = static_cast<long>(pending_);
    data.data_out = in_.data();
    data.output_frames = static_cast<long>(frames);
    data.src_ratio = settings_.out_rate / file_rate_;
    data.end_of_input = file_ended_ ? 1 : 0;
    if (src_process(resampler_, &data) != 0) return 0;
    used_ += static_cast<std::size_t>(data.input_frames_used);
    pending_ -= static_cast<std::size_t>(data.input_frames_used);
    if (data.output_frames_gen > 0) return static_cast<std::size_t>(data.output_frames_gen);
    if (file_ended_ && pending_ == 0) return 0;
  }
}

std::size_t SongSource::stretched_block(float* out, std::size_t frames) {
  float* const planes[2] = {planes_.data(), planes_.data() + kBlock};
  while (true) {
    const int available = stretcher_->available();
    if (available < 0) return 0;  // all of it retrieved
    if (available > 0) {
      const std::size_t n = std::min({static_cast<std::size_t>(available), frames, kBlock});
      const std::size_t got = stretcher_->retrieve(planes, n);
      const std::size_t dropped = std::min(got, delay_left_);
      delay_left_ -= dropped;
      for (std::size_t i = dropped; i < got; ++i) {
        out[2 * (i - dropped)] = planes[0][i];
        out[2 * (i - dropped) + 1] = planes[1][i];
      }
      if (got > dropped) return got - dropped;
      continue;
    }
    if (input_ended_) return 0;
    const std::size_t wanted = std::clamp<std::size_t>(stretcher_->getSamplesRequired(), 1, kBlock);
    std::size_t n = read_at_out_rate(wanted);
    for (std::size_t i = 0; i < n; ++i) {
      planes[0][i] = in_[2 * i];
      planes[1][i] = in_[2 * i + 1];
    }
    fed_ += n;
    if (n == 0 && tail_left_ > 0) {
      // Silence after the song, so that the stretcher gives out the song's own end.
      n = std::min(wanted, tail_left_);
      std::fill(planes[0], planes[0] + n, 0.0f);
      std::fill(planes[1], planes[1] + n, 0.0f);
      tail_left_ -= n;
    }
    input_ended_ = n == 0;
    stretcher_->process(planes, n, input_ended_);
  }
}

std::size_t SongSource::produce(float* out, std::size_t frames) {
  frames = std::min(frames, kBlock);
  if (stretching_) {
    // As long as the song at its speed, not its silence after.
    const auto song_end =
        static_cast<std::size_t>(std::lround(static_cast<double>(fed_) / settings_.speed));
    if (input_ended_ && made_ >= song_end) return 0;
    std::size_t n = stretched_block(out, frames);
    if (input_ended_ || tail_left_ < kTail) n = std::min(n, std::max(song_end, made_) - made_);
    made_ += n;
    return n;
  }
  const std::size_t n = read_at_out_rate(frames);
  std::copy(in_.begin(), in_.begin() + static_cast<std::ptrdiff_t>(2 * n), out);
  return n;
}

}  // namespace pocket
