// Fuzz target: kit file text through read_kit_file (it reads a path, so the input is written to
// a scratch file first), with `base = "gm"` answered by a small kit. A map it returns must
// keep every note's pad in range.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "presets/kit_file.hpp"
#include "presets/preset_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace pocket;
  static const std::filesystem::path path = fuzz::scratch_folder() / "fuzz-kit.toml";
  fuzz::write_input(path, data, size);
  const KitFinder find_kit = [](const std::string& name) {
    if (name != "gm") throw std::runtime_error("no kit named " + name);
    return fuzz::small_kit();
  };
  try {
    const DrumMap map = read_kit_file(path, find_kit);
    POCKET_FUZZ_CHECK(map.name() == "fuzz-kit");
    POCKET_FUZZ_CHECK(map.hihat_pedal_controller() >= 0 && map.hihat_pedal_controller() <= 127);
    const auto pads = static_cast<int>(map.pad_names().size());
    POCKET_FUZZ_CHECK(pads <= DrumMap::kMaxPads);
    for (int note = 0; note <= 127; ++note) {
      const int pad = map.pad_of(note);
      POCKET_FUZZ_CHECK(pad >= -1 && pad < pads);
      if (pad >= 0) POCKET_FUZZ_CHECK(valid_pad_name(map.pad_names()[pad]));
      (void)map.describe(note);
    }
  } catch (const PresetError&) {
    // malformed or invalid kit: the documented outcome
  }
  return 0;
}
