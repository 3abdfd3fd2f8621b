#include "web/web_session.hpp"

#include <nlohmann/json.hpp>

#include "web/live_page.hpp"

namespace pocket {

namespace {

SessionKey key_named(const std::string& name) {
  if (name == "pause") return SessionKey::pause;
  if (name == "faster") return SessionKey::faster;
  if (name == "slower") return SessionKey::slower;
  if (name == "quit") return SessionKey::quit;
  return SessionKey::none;
}

}  // namespace

SessionKey WebSession::PageKeys::poll() {
  if (terminal_ != nullptr) {
    if (const SessionKey key = terminal_->poll(); key != SessionKey::none) return key;
  }
  SessionKey key = SessionKey::none;
  pressed_.pop(key);
  return key;
}

WebSession::WebSession(const WebAddress& where)
    : token_(new_page_token()),
      server_({where.address, where.port, token_, kLivePage},
              [this](std::string_view message) { return answer(message); }),
      view_(server_),
      url_(page_url(reachable_host(where), server_.port(), token_)) {}

// A ping is answered here, on the server's thread, so that the page's round trip does not
// wait for the session's next turn. Anything else a page sends is left unanswered.
std::optional<std::string> WebSession::answer(std::string_view message) try {
  const nlohmann::json m = nlohmann::json::parse(message, nullptr, false);
  if (!m.is_object()) return std::nullopt;
  const std::string type = m.value("type", "");
  if (type == "ping") {
    return nlohmann::json{{"type", "pong"},
                          {"id", m.value("id", 0)},
                          {"page", m.value("page", 0.0)},
                          {"server", page_clock_seconds()}}
        .dump();
  }
  if (type == "key") {
    if (const SessionKey key = key_named(m.value("key", "")); key != SessionKey::none)
      keys_.push(key);
  }
  return std::nullopt;
} catch (const nlohmann::json::exception&) {
  return std::nullopt;  // a value of the wrong type: not a message of the page's
}

}  // namespace pocket
