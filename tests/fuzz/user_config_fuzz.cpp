// Fuzz target: config.toml text through load_user_config, which reads
// $XDG_CONFIG_HOME/pocket/config.toml: the input is written there, in a scratch folder.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "fuzz_support.hpp"
#include "presets/preset_error.hpp"
#include "presets/user_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace pocket;
  static const bool pointed = [] {
    return setenv("XDG_CONFIG_HOME", fuzz::scratch_folder().c_str(), 1) == 0;
  }();
  POCKET_FUZZ_CHECK(pointed);
  fuzz::write_input(config_path(), data, size);
  try {
    const UserConfig config = load_user_config();
    // What the reader promises to the commands that use the values.
    if (config.buffer_frames) {
      POCKET_FUZZ_CHECK(*config.buffer_frames >= kMinBufferFrames &&
                        *config.buffer_frames <= kMaxBufferFrames);
    }
    if (config.sample_rate) {
      POCKET_FUZZ_CHECK(*config.sample_rate >= 8000.0 && *config.sample_rate <= 384000.0);
    }
    POCKET_FUZZ_CHECK(config.midi_api.empty() || config.midi_api == "alsa" ||
                      config.midi_api == "jack");
  } catch (const PresetError&) {
    // malformed config: the documented outcome
  }
  return 0;
}
