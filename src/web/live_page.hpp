#pragma once

#include <string_view>

namespace pocket {

// The live view's page (src/web/live_page.html), built into the program: HTML, CSS and
// script in one, reaching nothing but its own WebSocket.
extern const std::string_view kLivePage;

}  // namespace pocket
