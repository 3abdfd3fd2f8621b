#pragma once

// Drives Debian's headless Chromium over the Chrome DevTools Protocol, for browser tests of
// pocket's pages. Every call is synchronous and gives up after 30 s, so a hung browser fails a
// test instead of hanging it.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

namespace pocket::test {

class DevtoolsConnection;  // the browser's WebSocket (Beast stays out of this header)

// One tab of a DevtoolsBrowser. It shares the browser's connection, so it stays safe to hold
// after the browser has ended (its calls then throw).
class DevtoolsPage {
 public:
  // The value of a JavaScript expression (promises awaited), as JSON (returnByValue): null for
  // undefined, and "NaN", "Infinity", "-0" or "12n" for values JSON has no way to write.
  // Throws std::runtime_error with the exception's text when the page throws.
  nlohmann::json evaluate(const std::string& expression);
  // Polls `expression` every 20 ms until it is truthy; false after `timeout`. An exception in
  // the page is thrown, not taken as "not yet": write `a?.b` for what may not exist yet.
  bool wait_for(const std::string& expression, std::chrono::milliseconds timeout);
  // The viewport in CSS pixels, device scale 1.
  void set_viewport(int width, int height);
  // A PNG of the viewport.
  void screenshot(const std::filesystem::path& png);
  // Reloads the page and returns once its load event has fired.
  void reload();

 private:
  friend class DevtoolsBrowser;
  DevtoolsPage(std::shared_ptr<DevtoolsConnection> connection, std::string session);
  nlohmann::json call(const std::string& method, const nlohmann::json& params,
                      const std::string& await_event = "");

  std::shared_ptr<DevtoolsConnection> connection_;
  std::string session_;  // the sessionId of Target.attachToTarget
};

// Debian's Chromium, headless, with a profile of its own in `profile_dir`, driven over the
// DevTools protocol on 127.0.0.1. Ends the browser in the destructor.
class DevtoolsBrowser {
 public:
  explicit DevtoolsBrowser(std::filesystem::path profile_dir);
  ~DevtoolsBrowser();
  DevtoolsBrowser(const DevtoolsBrowser&) = delete;
  DevtoolsBrowser& operator=(const DevtoolsBrowser&) = delete;

  // A new tab at `url`, its viewport width x height CSS pixels (device scale 1). Returns once
  // the page's load event has fired; throws if the page cannot be loaded.
  DevtoolsPage open(const std::string& url, int width, int height);

  // Chromium's stderr, for a test's INFO when something went wrong.
  std::filesystem::path log_file() const { return profile_dir_ / "chromium.log"; }

 private:
  void stop();

  std::filesystem::path profile_dir_;
  pid_t pid_ = -1;       // also the process group of the browser and all its helpers
  bool exited_ = false;  // reaped already
  std::shared_ptr<DevtoolsConnection> connection_;
};

}  // namespace pocket::test
