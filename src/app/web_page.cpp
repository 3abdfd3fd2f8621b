#include "web_page.hpp"

#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "presets/user_config.hpp"
#include "web/qr_text.hpp"

namespace pocket::app {

namespace {

// The address asked for: the option, else the config's. An empty text asks for none.
std::string asked_address(const std::string& web_option) {
  if (!web_option.empty()) return web_option == "off" ? "" : web_option;
  return load_user_config().web;
}

WebAddress parsed(const std::string& text, bool from_option) {
  try {
    return parse_web_address(text);
  } catch (const UsageError& e) {
    if (from_option) throw;
    throw UsageError(fmt::format("{}: web = \"{}\": use a port (8080) or an address and a port",
                                 config_path().string(), text));
  }
}

// A tablet is set up once a session: the click waits for it, so that the page sees the
// count-in. Enter starts without it. Only when a player is at the terminal.
void wait_for_a_page(const WebSession& web, std::FILE* feedback) {
  if (isatty(STDIN_FILENO) == 0) return;
  fmt::print(feedback, "the click starts when the page opens (or press Enter)\n");
  std::fflush(feedback);
  while (web.counts().pages_open == 0) {
    pollfd in{STDIN_FILENO, POLLIN, 0};
    const int ready = poll(&in, 1, 100);
    if (ready < 0) return;  // Ctrl-C: the session sees it and ends at once
    if (ready > 0) {
      char line[256];
      if (read(STDIN_FILENO, line, sizeof line) >= 0) return;
    }
  }
}

}  // namespace

std::unique_ptr<WebSession> open_web_page(const std::string& web_option, LiveOptions& live) {
  const std::string text = asked_address(web_option);
  if (text.empty()) return nullptr;
  const WebAddress where = parsed(text, !web_option.empty());
  std::unique_ptr<WebSession> web;
  try {
    web = std::make_unique<WebSession>(where);
  } catch (const std::runtime_error& e) {
    throw DeviceError(fmt::format("{} (choose another port with --web)", e.what()));
  }
  fmt::print(live.feedback, "the live page: {}\n{}", web->url(), qr_text(web->url()));
  fmt::print(live.feedback,
             "anyone who has this address can see the session and pause or end it: keep it to "
             "your own network\n");
  std::fflush(live.feedback);
  live.said_before.push_back(fmt::format("the live page: {}", web->url()));
  wait_for_a_page(*web, live.feedback);
  return web;
}

void attach_web_page(WebSession& web, LiveOptions& live) {
  web.read_keys_after(live.keys);
  live.keys = &web.keys();
  live.views.push_back(&web.view());
}

}  // namespace pocket::app
