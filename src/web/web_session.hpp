#pragma once

#include <string>

#include <boost/lockfree/spsc_queue.hpp>

#include "live/session_events.hpp"
#include "web/page_server.hpp"
#include "web/web_address.hpp"
#include "web/web_view.hpp"

namespace pocket {

// The live page of one session: its server, the view that feeds it, and its buttons as the
// player's keys. Listens from construction to destruction.
class WebSession {
 public:
  // Throws std::runtime_error when the address cannot be listened on.
  explicit WebSession(const WebAddress& where);

  SessionView& view() { return view_; }
  // The page's buttons, after `terminal_keys` (the terminal view's keys) when there are any.
  SessionKeys& keys() { return keys_; }
  void read_keys_after(SessionKeys* terminal_keys) { keys_.read_after(terminal_keys); }
  // The page's address as a tablet on the same network opens it.
  const std::string& url() const { return url_; }
  unsigned short port() const { return server_.port(); }
  PageServerCounts counts() const { return server_.counts(); }

 private:
  // The page's buttons after the terminal's keys. [session thread]
  class PageKeys final : public SessionKeys {
   public:
    void read_after(SessionKeys* terminal) { terminal_ = terminal; }
    SessionKey poll() override;
    bool push(SessionKey key) { return pressed_.push(key); }  // [server thread]

   private:
    SessionKeys* terminal_ = nullptr;
    boost::lockfree::spsc_queue<SessionKey, boost::lockfree::capacity<32>> pressed_;
  };

  std::optional<std::string> answer(std::string_view message);

  std::string token_;
  PageKeys keys_;
  PageServer server_;
  WebView view_;
  std::string url_;
};

}  // namespace pocket
