// One session's page: pings answered with the session's clock, buttons read as the player's
// keys after the terminal's, and the session's events as messages.
#include <thread>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "live/live_result.hpp"
#include "page_client.hpp"
#include "web/web_session.hpp"

using namespace pocket;
using namespace pocket::test;
using nlohmann::json;

namespace {

// "/live?token=..." from the page's address.
std::string socket_target(const WebSession& web) {
  const std::string& url = web.url();
  return "/live" + url.substr(url.find('?'));
}

WebAddress loopback_any_port() { return {"127.0.0.1", 0}; }

class ScriptedKeys final : public SessionKeys {
 public:
  SessionKey poll() override { return std::exchange(next, SessionKey::none); }
  SessionKey next = SessionKey::none;
};

SessionKey key_within_a_second(SessionKeys& keys) {
  for (int i = 0; i < 100; ++i) {
    if (const SessionKey key = keys.poll(); key != SessionKey::none) return key;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return SessionKey::none;
}

}  // namespace

TEST_CASE("the page's address names this machine's port and a fresh token") {
  const WebSession a(loopback_any_port());
  const WebSession b(loopback_any_port());
  const std::string prefix = "http://127.0.0.1:" + std::to_string(a.port()) + "/?token=";
  REQUIRE(a.url().substr(0, prefix.size()) == prefix);
  CHECK(a.url().size() == prefix.size() + 32);
  CHECK(a.url().substr(a.url().size() - 32) != b.url().substr(b.url().size() - 32));
  CHECK(http_get(a.port(), a.url().substr(a.url().find('/', 7))).status == 200);
}

TEST_CASE("a ping is answered with pocket's clock, and a click's time is on it") {
  WebSession web(loopback_any_port());
  SocketClient page(web.port(), socket_target(web));
  const double before = page_clock_seconds();
  page.write(R"({"type":"ping","id":1,"page":1000.5})");
  const json pong = json::parse(page.read());
  CHECK(pong["type"] == "pong");
  CHECK(pong["id"] == 1);
  CHECK(pong["page"] == 1000.5);
  REQUIRE(pong["server"].is_number());
  CHECK(pong["server"].get<double>() >= before);
  CHECK(pong["server"].get<double>() <= page_clock_seconds());

  ClickEvent click;
  const double sent = page_clock_seconds();
  web.view().click_coming(click, 12.0, 11.990);  // heard 10 ms from now, at 12 s on the track
  const json coming = json::parse(page.read());
  CHECK(coming["type"] == "click");
  CHECK(coming["track"] == 12.0);
  CHECK(coming["at"].get<double>() >= sent + 0.010);
  CHECK(coming["at"].get<double>() <= page_clock_seconds() + 0.010);
}

TEST_CASE("the page's buttons are keys, after the terminal's") {
  WebSession web(loopback_any_port());
  ScriptedKeys terminal;
  web.read_keys_after(&terminal);
  SocketClient page(web.port(), socket_target(web));
  page.write(R"({"type":"key","key":"faster"})");
  terminal.next = SessionKey::pause;
  CHECK(web.keys().poll() == SessionKey::pause);
  CHECK(key_within_a_second(web.keys()) == SessionKey::faster);
  page.write(R"({"type":"key","key":"quit"})");
  CHECK(key_within_a_second(web.keys()) == SessionKey::quit);
}

TEST_CASE("what is not a page's message is left alone") {
  WebSession web(loopback_any_port());
  SocketClient page(web.port(), socket_target(web));
  for (const char* odd : {"not json", "[1,2]", R"({"type":7})", R"({"type":"key","key":3})",
                          R"({"type":"key","key":"explode"})", R"({"type":"ping","id":"x"})"})
    page.write(odd);
  page.write(R"({"type":"ping","id":9,"page":1})");
  CHECK(json::parse(page.read())["id"] == 9);  // nothing answered before, and still answering
  CHECK(web.keys().poll() == SessionKey::none);
}

TEST_CASE("the session's end reaches a page that opens after it") {
  WebSession web(loopback_any_port());
  SessionStarted started;
  started.drill = "paradiddles";
  web.view().started(started);
  LiveResult result;
  result.clicks_heard = 32;
  result.seconds = 16.0;
  LimitVerdict verdict;
  verdict.kind = VerdictKind::real_limit;
  verdict.message = "you reached a real limit at 128 BPM";
  result.verdict = verdict;
  web.view().ended(result);
  SocketClient page(web.port(), socket_target(web));
  CHECK(json::parse(page.read())["drill"] == "paradiddles");
  const json end = json::parse(page.read());
  CHECK(end["type"] == "ended");
  CHECK(end["verdict"]["kind"] == "real limit");
  CHECK(end["verdict"]["message"] == "you reached a real limit at 128 BPM");
  CHECK(end["summary"][0] == "32 clicks over 16 s, audio underflows: 0");
}
