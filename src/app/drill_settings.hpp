#pragma once

#include <string>

#include "core/drill.hpp"

namespace pocket::app {

// What the history keeps of a drill's settings (read back by load_session).
std::string drill_settings_json(const Drill& drill);

}  // namespace pocket::app
