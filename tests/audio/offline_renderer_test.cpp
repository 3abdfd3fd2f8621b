#include <fstream>

#include <catch2/catch.hpp>

#include "audio/offline_renderer.hpp"
#include "support/temp_dir.hpp"
#include "support/wav_io.hpp"

using namespace pocket;

namespace {
Schedule four_bars() {
  return Schedule(TempoMap({{{4, 4}, 4, 120.0, 120.0}}), ClickPattern{}, 44100.0);
}
}  // namespace

TEST_CASE("a track is written as WAV, FLAC or AIFF with its clicks in place", "[renderer]") {
  test::TempDir dir;
  const std::string name = GENERATE("track.wav", "track.flac", "track.aiff", "TRACK.WAV");
  const Schedule schedule = four_bars();
  const ClickSound sound = synthesize_click("beep", 44100.0);
  double last_progress = 0.0;
  const RenderSummary summary =
      render_to_file(schedule, sound, dir / name, [&](double p) { last_progress = p; });
  CHECK(summary.clicks == 16);
  CHECK(summary.frames == 8 * 44100);
  CHECK(last_progress == 1.0);

  const test::Audio audio = test::read_audio(dir / name);
  CHECK(audio.rate == 44100);
  CHECK(audio.channels == 1);
  CHECK(static_cast<std::int64_t>(audio.samples.size()) == summary.frames);
  const auto found = test::onsets(audio.samples, 1000);
  REQUIRE(found.size() == 16);
  for (std::size_t k = 0; k < found.size(); ++k)
    CHECK(found[k] == static_cast<std::int64_t>(k) * 22050 + 1);
  CHECK_FALSE(std::filesystem::exists(dir / ("." + name + ".partial")));
}

TEST_CASE("a click ringing past the last bar is not cut", "[renderer]") {
  test::TempDir dir;
  ClickPattern pattern;
  pattern.subdivision = 6;
  const Schedule schedule(TempoMap({{{1, 4}, 1, 400.0, 400.0}}), pattern, 48000.0);
  const ClickSound sound = synthesize_click("woodblock", 48000.0);
  const RenderSummary summary = render_to_file(schedule, sound, dir / "short.wav");
  CHECK(summary.frames >=
        schedule.frame_at(0, 5.0 / 6.0) + static_cast<std::int64_t>(sound.subdivision.size()));
}

TEST_CASE("an unwritable target fails before any audio and leaves nothing behind", "[renderer]") {
  test::TempDir dir;
  const Schedule schedule = four_bars();
  const ClickSound sound = synthesize_click("tick", 44100.0);
  CHECK_THROWS_WITH(render_to_file(schedule, sound, dir / "no-such-folder" / "x.wav"),
                    Catch::Contains("does not exist"));
  CHECK_THROWS_WITH(render_to_file(schedule, sound, dir / "click.mp3"),
                    Catch::Contains(".wav, .flac or .aiff"));
  CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("a failed render keeps an existing file untouched", "[renderer]") {
  test::TempDir dir;
  std::ofstream(dir / "keep.wav") << "precious";
  std::filesystem::create_directory(dir / ".keep.wav.partial");  // the partial file cannot be made
  CHECK_THROWS(render_to_file(four_bars(), synthesize_click("tick", 44100.0), dir / "keep.wav"));
  std::ifstream in(dir / "keep.wav");
  std::string text;
  in >> text;
  CHECK(text == "precious");
}
