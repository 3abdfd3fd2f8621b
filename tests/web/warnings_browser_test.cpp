// The live page's warnings in Debian's headless Chromium, from pocket's own page server: the
// session's state as a session sends it (a song that skipped, audio underflows, the kit's port
// gone) must show in the page's warnings box in the words the terminal view uses. Labelled
// "browser"; scripts/install-deps installs chromium.
#include <chrono>
#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/devtools_browser.hpp"
#include "support/temp_dir.hpp"
#include "web/web_session.hpp"

using namespace pocket;
using namespace pocket::test;
using namespace std::chrono_literals;

namespace {

// Whether the warnings box shows `text` (a JSON string is a JavaScript one, quotes and all).
std::string warnings_show(const std::string& text) {
  return "document.getElementById('warnings').textContent.includes(" + nlohmann::json(text).dump() +
         ")";
}

}  // namespace

TEST_CASE("the live page warns that the song skipped, of underflows and of a lost kit port",
          "[browser]") {
  INFO("install chromium with scripts/install-deps");
  REQUIRE(std::filesystem::exists("/usr/bin/chromium"));
  const TempDir dir;  // declared first: it outlives the browser that writes its profile in it
  WebSession web({"127.0.0.1", 0});
  DevtoolsBrowser browser(dir / "profile");
  INFO("Chromium's stderr: " << browser.log_file());
  DevtoolsPage page = browser.open(web.url(), 1024, 768);
  REQUIRE(page.wait_for("window.pocketPage?.connected", 10s));
  CHECK(page.evaluate("document.getElementById('warnings').textContent") == "");

  SessionState state;
  state.song_skips = 1;
  web.view().state_changed(state);
  REQUIRE(page.wait_for(warnings_show("The song skipped once: its file is read too slowly "
                                      "(the click goes on)"),
                        10s));
  state.song_skips = 2;
  state.underflows = 3;
  state.midi_connected = false;
  web.view().state_changed(state);
  REQUIRE(page.wait_for(warnings_show("The song skipped 2 times"), 10s));
  CHECK(page.evaluate(warnings_show("Audio underflows: 3")) == true);
  CHECK(page.evaluate(warnings_show("The kit's MIDI port is gone")) == true);
  // One line each, the song's said once.
  CHECK(page.evaluate("document.getElementById('warnings').children.length") == 3);
  CHECK(page.evaluate(warnings_show("skipped once")) == false);
}
