#pragma once

#include <memory>
#include <string>

#include "live/live_session.hpp"
#include "web/web_session.hpp"

namespace pocket::app {

// The session's live page, when `web_option` (--web) or the config asks for one: listening
// before the click, its address and QR code said on the session's feedback; with a terminal,
// the click waits until a page opens or Enter is pressed. None for "off" or nothing asked.
// Throws UsageError for a malformed address and DeviceError when it cannot be listened on.
std::unique_ptr<WebSession> open_web_page(const std::string& web_option, LiveOptions& live);

// After the terminal's views: the page hears everything, and its buttons come after the keys.
void attach_web_page(WebSession& web, LiveOptions& live);

}  // namespace pocket::app
