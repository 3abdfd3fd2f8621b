// The DevTools client of browser tests (support/devtools_browser.hpp), proved on a small page
// in Debian's headless Chromium. Labelled "browser"; scripts/install-deps installs chromium.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>

#include "support/devtools_browser.hpp"
#include "support/temp_dir.hpp"

using namespace pocket::test;
using namespace std::chrono_literals;

namespace {

// A counter behind a button, and a flag that a timer sets a little after the page has loaded.
const std::string kPage = R"(<!doctype html>
<html><body>
<button id="more" onclick="count.textContent = Number(count.textContent) + 1">more</button>
<span id="count">0</span>
<script>setTimeout(() => { window.later = true; }, 200);</script>
</body></html>
)";

}  // namespace

TEST_CASE("devtools: a page evaluates, clicks, waits and reports its errors", "[browser]") {
  INFO("install chromium with scripts/install-deps");
  REQUIRE(std::filesystem::exists("/usr/bin/chromium"));
  const TempDir dir;  // declared first: it outlives the browser that writes its profile in it
  const auto page_file = dir.write("counter.html", kPage);
  DevtoolsBrowser browser(dir / "profile");
  INFO("Chromium's stderr: " << browser.log_file());
  DevtoolsPage page = browser.open("file://" + page_file.string(), 800, 600);

  CHECK(page.evaluate("1+2") == 3);
  CHECK(page.evaluate("Promise.resolve('awaited')") == "awaited");
  CHECK(page.evaluate("undefined").is_null());

  page.evaluate("document.getElementById('more').click()");
  page.evaluate("document.getElementById('more').click()");
  CHECK(page.evaluate("document.getElementById('count').textContent") == "2");

  CHECK(page.wait_for("window.later === true", 5s));
  CHECK_FALSE(page.wait_for("window.never", 100ms));

  CHECK_THROWS_WITH(page.evaluate("throw new Error('boom')"), Catch::Contains("boom"));
  CHECK_THROWS_AS(page.evaluate("Promise.reject(new Error('later boom'))"), std::runtime_error);
  CHECK_THROWS_AS(page.evaluate("no_such_name + 1"), std::runtime_error);

  // A reload starts the page afresh, and returns once it has loaded.
  page.reload();
  CHECK(page.evaluate("document.getElementById('count').textContent") == "0");
}

TEST_CASE("devtools: a page takes a phone's viewport and a screenshot of it", "[browser]") {
  INFO("install chromium with scripts/install-deps");
  REQUIRE(std::filesystem::exists("/usr/bin/chromium"));
  const TempDir dir;
  const auto page_file = dir.write("counter.html", kPage);
  DevtoolsBrowser browser(dir / "profile");
  INFO("Chromium's stderr: " << browser.log_file());
  DevtoolsPage page = browser.open("file://" + page_file.string(), 1200, 900);
  CHECK(page.evaluate("window.innerWidth") == 1200);

  page.set_viewport(390, 844);
  CHECK(page.evaluate("window.innerWidth") == 390);
  CHECK(page.evaluate("window.innerHeight") == 844);

  const auto shot = dir / "phone.png";
  page.screenshot(shot);
  REQUIRE(std::filesystem::exists(shot));
  CHECK(std::filesystem::file_size(shot) > 1024);
  std::ifstream in(shot, std::ios::binary);
  std::string signature(8, '\0');
  REQUIRE(in.read(signature.data(), 8));
  CHECK(signature == "\x89PNG\r\n\x1a\n");
}
