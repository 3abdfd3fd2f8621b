#pragma once

#include <string>

#include "presets/user_config.hpp"

namespace pocket::app {

// What config.toml holds, a line per setting, with what stands in for a setting not made:
// for `pocket setup --show` and after setup writes the file.
std::string config_summary(const UserConfig& config);

}  // namespace pocket::app
