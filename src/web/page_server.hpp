#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace pocket {

class PageServerState;

struct PageServerSettings {
  std::string address = "0.0.0.0";  // where to listen: all interfaces, or one
  unsigned short port = 0;          // 0: a free port, see PageServer::port()
  std::string token;                // every request's query must be exactly token=<this>
  std::string_view page;            // the one page served, at /
  std::size_t max_pages = 8;        // open WebSockets; more are refused
  std::size_t queue_limit = 512;    // messages waiting for one page: past it, the page is dropped
  std::size_t max_message_bytes = 1024;  // from a page; a longer one closes its socket
};

// Answers a page's message, on the server's thread: the reply to send that page, or nothing.
using PageMessageHandler = std::function<std::optional<std::string>(std::string_view)>;

// What the server did, for the player's notes and the tests.
struct PageServerCounts {
  std::size_t pages_open = 0;
  std::size_t pages_served = 0;      // WebSockets accepted, all told
  std::size_t pages_dropped = 0;     // too slow to read what they were sent
  std::size_t requests_refused = 0;  // 403 and 503 answers
};

// Serves one page and its WebSocket at /live, on a thread of its own, to requests that carry
// the token; everything else is refused with 403 (503 past max_pages). Messages published
// from the session's thread go to every open page through a bounded queue per page; a page
// that falls behind is dropped, never waited for.
class PageServer {
 public:
  // Listens before it returns. Throws std::runtime_error when the address cannot be taken.
  PageServer(PageServerSettings settings, PageMessageHandler on_message);
  // Gives open pages up to a second to receive what was published, then closes them.
  ~PageServer();
  PageServer(const PageServer&) = delete;
  PageServer& operator=(const PageServer&) = delete;

  unsigned short port() const;

  // To every open page. With `keep_as`, also kept (replacing the last one kept under that
  // name) and sent first to pages that open later, in the order the names were first kept.
  void publish(std::string message, std::string_view keep_as = {});

  PageServerCounts counts() const;

 private:
  std::unique_ptr<PageServerState> impl_;
};

}  // namespace pocket
