// Fuzz target: drill file text through read_drill_file (it reads a path, so the input is
// written to a scratch file first). A drill it returns must be one the rest of pocket accepts.
#include <cstddef>
#include <cstdint>
#include <stdexcept>

#include "fuzz_support.hpp"
#include "presets/drill_file.hpp"
#include "presets/preset_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace pocket;
  static const std::filesystem::path path = fuzz::scratch_folder() / "fuzz-drill.toml";
  fuzz::write_input(path, data, size);
  Drill drill;
  try {
    drill = read_drill_file(path);
  } catch (const PresetError&) {
    return 0;  // malformed or invalid drill: the documented outcome
  }
  POCKET_FUZZ_CHECK(drill.name == "fuzz-drill");
  validate(drill);  // the reader validated it: throwing here escapes and counts as a crash
  POCKET_FUZZ_CHECK(drill.scored_grid() > 0);
  POCKET_FUZZ_CHECK(drill.start_bpm() > 0.0);
  const auto& pads = fuzz::small_kit().pad_names();
  try {
    (void)expected_strokes(drill, pads);
  } catch (const std::invalid_argument&) {
    // a pattern pad this kit lacks: documented
  }
  return 0;
}
