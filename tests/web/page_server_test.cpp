// pocket's page server on 127.0.0.1: what it serves, what it refuses, and that a page which
// misbehaves is dropped while the others and the publisher go on.
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "page_client.hpp"
#include "web/page_server.hpp"

using namespace pocket;
using namespace pocket::test;

namespace {

const std::string kToken = "0123456789abcdef0123456789abcdef";
const std::string kPage = "<!doctype html><title>live</title>";
const std::string kLive = "/live?token=" + kToken;

std::unique_ptr<PageServer> start_server(PageServerSettings settings = {},
                                         PageMessageHandler handler = nullptr) {
  settings.address = "127.0.0.1";
  settings.token = kToken;
  settings.page = kPage;
  if (!handler) handler = [](std::string_view m) { return std::string("echo:") + std::string(m); };
  return std::make_unique<PageServer>(settings, handler);
}

// Waits until the server's counts satisfy `done`, for up to 10 s.
template <typename Done>
bool eventually(const PageServer& server, Done done) {
  for (int i = 0; i < 1000; ++i) {
    if (done(server.counts())) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

}  // namespace

TEST_CASE("the page is served only to its token") {
  const auto server = start_server();
  const unsigned short port = server->port();
  const Answer page = http_get(port, "/?token=" + kToken);
  CHECK(page.status == 200);
  CHECK(page.body == kPage);
  CHECK(http_get(port, "/").status == 403);
  CHECK(http_get(port, "/?token=").status == 403);
  CHECK(http_get(port, "/?token=" + kToken.substr(1) + "0").status == 403);
  CHECK(http_get(port, "/?token=" + kToken + "&x=1").status == 403);
  CHECK(http_get(port, "/etc/passwd?token=" + kToken).status == 403);
  CHECK(http_get(port, "/../live_page.html?token=" + kToken).status == 403);
  CHECK(http_get(port, "/live?token=" + kToken).status == 403);  // not an upgrade
  CHECK(http_request(port, http::verb::post, "/?token=" + kToken, "x=1").status == 403);
  CHECK(http_request(port, http::verb::delete_, "/?token=" + kToken).status == 403);
  CHECK(server->counts().requests_refused == 9);
}

TEST_CASE("malformed and oversize requests are refused") {
  const auto server = start_server();
  const unsigned short port = server->port();
  CHECK(raw_exchange(port, "NONSENSE\r\n\r\n") == "HTTP/1.1 403 Forbidden");
  const std::string huge_header = "GET /?token=" + kToken +
                                  " HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(8000, 'a') +
                                  "\r\n\r\n";
  CHECK(raw_exchange(port, huge_header) == "HTTP/1.1 403 Forbidden");
  const std::string with_body =
      "GET /?token=" + kToken + " HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello";
  CHECK(raw_exchange(port, with_body) == "HTTP/1.1 403 Forbidden");
  // And it still serves.
  CHECK(http_get(port, "/?token=" + kToken).status == 200);
}

TEST_CASE("a WebSocket without the token is refused") {
  const auto server = start_server();
  try {
    SocketClient page(server->port(), "/live");
    FAIL("the socket was accepted");
  } catch (const beast::system_error& e) {
    CHECK(e.code() == websocket::error::upgrade_declined);
  }
  CHECK(server->counts().pages_served == 0);
}

TEST_CASE("a page gets what was kept, then what is published, and its answers") {
  const auto server = start_server();
  server->publish("one-started", "started");
  server->publish("state-1", "state");
  server->publish("state-2", "state");
  server->publish("passing");  // before the page: not kept
  SocketClient page(server->port(), kLive);
  CHECK(page.read() == "one-started");
  CHECK(page.read() == "state-2");
  server->publish("stroke");
  CHECK(page.read() == "stroke");
  page.write("ping");
  CHECK(page.read() == "echo:ping");
  CHECK(server->counts().pages_open == 1);
}

TEST_CASE("at most eight pages at once") {
  const auto server = start_server();
  std::vector<std::unique_ptr<SocketClient>> pages;
  for (int i = 0; i < 8; ++i)
    pages.push_back(std::make_unique<SocketClient>(server->port(), kLive));
  try {
    SocketClient ninth(server->port(), kLive);
    FAIL("a ninth page was accepted");
  } catch (const beast::system_error& e) {
    CHECK(e.code() == websocket::error::upgrade_declined);
  }
  pages.pop_back();
  REQUIRE(eventually(*server, [](const PageServerCounts& c) { return c.pages_open == 7; }));
  SocketClient again(server->port(), kLive);
  again.write("here");
  REQUIRE(again.read() == "echo:here");  // the server has the page: it hears what follows
  server->publish("hello");
  CHECK(again.read() == "hello");
}

TEST_CASE("a message over the limit closes its page and no other") {
  PageServerSettings settings;
  settings.max_message_bytes = 1024;
  const auto server = start_server(settings);
  SocketClient rude(server->port(), kLive);
  SocketClient polite(server->port(), kLive);
  rude.write(std::string(2000, 'x'));
  CHECK_THROWS_AS(rude.read(), beast::system_error);
  REQUIRE(eventually(*server, [](const PageServerCounts& c) { return c.pages_open == 1; }));
  polite.write("still here");
  CHECK(polite.read() == "echo:still here");
}

TEST_CASE("a malformed WebSocket frame closes its page and the server goes on") {
  const auto server = start_server();
  SocketClient broken(server->port(), kLive);
  // A frame from a page must be masked; this one is not, and has reserved bits set.
  const unsigned char frame[] = {0xF1, 0x03, 'b', 'a', 'd'};
  asio::write(broken.socket(), asio::buffer(frame));
  REQUIRE(eventually(*server, [](const PageServerCounts& c) { return c.pages_open == 0; }));
  SocketClient next(server->port(), kLive);
  next.write("fine");
  CHECK(next.read() == "echo:fine");
}

TEST_CASE("a page that never reads is dropped, and publishing never waits for it") {
  PageServerSettings settings;
  settings.queue_limit = 256;
  const auto server = start_server(settings);
  SocketClient stalled(server->port(), kLive);
  SocketClient reader(server->port(), kLive);
  for (SocketClient* page : {&stalled, &reader}) {  // the server has both before publishing
    page->write("ready");
    REQUIRE(page->read() == "echo:ready");
  }
  std::atomic<bool> reading{true};
  std::atomic<int> received{0};
  std::string stopped_by;  // why the reading page stopped, when it did before the end
  std::thread drain([&] {
    try {
      while (reading) {
        reader.read();
        ++received;
      }
    } catch (const std::exception& e) {
      stopped_by = e.what();
      reading = false;
    }
  });
  // 64 MB: far past what the sockets' buffers hold. Kept at most 32 messages ahead of the
  // page that reads, however busy the machine: only the stalled one can fall behind.
  const std::string big(16 * 1024, 'm');
  constexpr int kMessages = 4000;
  for (int i = 0; i < kMessages; ++i) {
    server->publish(big);
    while (reading && i - received > 32)
      std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  INFO("the reading page stopped: " << stopped_by);
  CHECK(eventually(*server, [](const PageServerCounts& c) { return c.pages_dropped == 1; }));
  CHECK(eventually(*server, [&](const PageServerCounts&) { return received == kMessages; }));
  CHECK(server->counts().pages_open == 1);
  reading = false;
  server->publish("last");
  drain.join();
}

TEST_CASE("twenty pages opening and closing leave the server as it was") {
  const auto server = start_server();
  SocketClient steady(server->port(), kLive);
  steady.write("here");
  REQUIRE(steady.read() == "echo:here");
  for (int i = 0; i < 20; ++i) {
    SocketClient page(server->port(), kLive);
    page.write("hi");
    CHECK(page.read() == "echo:hi");
    page.stream().close(websocket::close_code::normal);
  }
  REQUIRE(eventually(*server, [](const PageServerCounts& c) { return c.pages_open == 1; }));
  CHECK(server->counts().pages_served == 21);
  server->publish("still");
  CHECK(steady.read() == "still");
}

TEST_CASE("a taken port is said in one line") {
  const auto first = start_server();
  PageServerSettings settings;
  settings.port = first->port();
  try {
    start_server(settings);
    FAIL("a second server listened on the same port");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()) == "the live page cannot listen on 127.0.0.1:" +
                                       std::to_string(first->port()) + ": Address already in use");
  }
}

TEST_CASE("when the server ends, an open page gets what was published and a clean close") {
  auto server = start_server();
  SocketClient page(server->port(), kLive);
  server->publish("ended", "ended");
  // The page answers the server's close as it reads: the server ends on another thread.
  std::thread end([&] { server.reset(); });
  CHECK(page.read() == "ended");
  try {
    page.read();
    FAIL("the page read on after the end");
  } catch (const beast::system_error& e) {
    CHECK(e.code() == websocket::error::closed);
  }
  end.join();
}
