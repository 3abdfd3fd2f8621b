#include "web/page_server.hpp"

#include <algorithm>
#include <chrono>
#include <deque>
#include <set>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

namespace pocket {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace {

// A request must arrive whole within this: a connection that trickles is closed.
constexpr auto kRequestTimeout = std::chrono::seconds(10);
constexpr std::size_t kHeaderLimit = 4096;
// Sockets at once, pages and requests together: more are closed as they come.
constexpr std::size_t kMaxConnections = 64;
constexpr auto kFlushTime = std::chrono::seconds(1);

using Message = std::shared_ptr<const std::string>;

// Compares every byte whatever the first difference: the time taken tells nothing.
bool same_text(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

// One of the connections counted against kMaxConnections, while it lives.
class ConnectionSlot {
 public:
  explicit ConnectionSlot(std::atomic<std::size_t>& count) : count_(&count) { ++*count_; }
  ConnectionSlot(ConnectionSlot&& other) noexcept : count_(std::exchange(other.count_, nullptr)) {}
  ConnectionSlot(const ConnectionSlot&) = delete;
  ConnectionSlot& operator=(const ConnectionSlot&) = delete;
  ConnectionSlot& operator=(ConnectionSlot&&) = delete;
  ~ConnectionSlot() {
    if (count_ != nullptr) --*count_;
  }

 private:
  std::atomic<std::size_t>* count_;
};

class PageSocket;

// Everything but the counters and the settings is used on the server's thread only.
class PageServerState {
 public:
  PageServerState(PageServerSettings s, PageMessageHandler handler)
      : settings(std::move(s)),
        on_message(std::move(handler)),
        expected_query("token=" + settings.token) {}
  ~PageServerState();

  void listen();
  void accept_next();
  bool token_matches(std::string_view query) const { return same_text(query, expected_query); }
  void opened(const std::shared_ptr<PageSocket>& page);
  void closed(const std::shared_ptr<PageSocket>& page);
  void publish(const Message& message, const std::string& keep_as);
  void finish_all();

  const PageServerSettings settings;
  const PageMessageHandler on_message;
  const std::string expected_query;
  unsigned short port = 0;
  std::atomic<std::size_t> connections{0};
  std::atomic<std::size_t> pages_open{0};
  std::atomic<std::size_t> pages_served{0};
  std::atomic<std::size_t> pages_dropped{0};
  std::atomic<std::size_t> requests_refused{0};
  std::set<std::shared_ptr<PageSocket>> pages;
  std::vector<std::pair<std::string, Message>> kept;
  bool closing = false;
  // After the state above: handlers the context still holds end before it does.
  asio::io_context context{1};
  tcp::acceptor acceptor{context};
  std::thread thread;
};

// One open page: its WebSocket and the messages waiting for it. [server thread]
class PageSocket : public std::enable_shared_from_this<PageSocket> {
 public:
  PageSocket(PageServerState& server, beast::tcp_stream stream, ConnectionSlot slot)
      : server_(server), ws_(std::move(stream)), slot_(std::move(slot)) {
    ++server_.pages_open;  // from the handshake on: pages opening at once count too
  }

  void accept(const http::request<http::empty_body>& request) {
    ws_.read_message_max(server_.settings.max_message_bytes);
    beast::get_lowest_layer(ws_).expires_never();
    // A page that answers no ping for 20 s is gone (a tablet that went to sleep).
    ws_.set_option(
        websocket::stream_base::timeout{std::chrono::seconds(10), std::chrono::seconds(20), true});
    ws_.text(true);
    ws_.async_accept(request, [self = shared_from_this()](beast::error_code ec) {
      if (ec) return self->gone();
      self->opened();
    });
  }

  void send(const Message& message) {
    if (gone_) return;
    if (queue_.size() >= server_.settings.queue_limit) {
      ++server_.pages_dropped;
      gone();
      return;
    }
    queue_.push_back(message);
    if (!writing_) write_next();
  }

  // The session is over: close once what is waiting has gone out.
  void finish() {
    finishing_ = true;
    if (!writing_ && queue_.empty()) close();
  }

 private:
  void opened() {
    server_.opened(shared_from_this());
    read_next();
  }

  void write_next() {
    writing_ = true;
    ws_.async_write(
        asio::buffer(*queue_.front()),
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->written(ec); });
  }

  void written(beast::error_code ec) {
    writing_ = false;
    if (ec) return gone();
    queue_.pop_front();
    if (!queue_.empty()) return write_next();
    if (finishing_) close();
  }

  void read_next() {
    ws_.async_read(
        in_, [self = shared_from_this()](beast::error_code ec, std::size_t) { self->read(ec); });
  }

  // A malformed frame, a message over the limit or a closed socket ends the page.
  void read(beast::error_code ec) {
    if (ec) return gone();
    const std::string text = beast::buffers_to_string(in_.data());
    in_.consume(in_.size());
    if (std::optional<std::string> reply = server_.on_message(text))
      send(std::make_shared<const std::string>(std::move(*reply)));
    read_next();
  }

  void close() {
    if (gone_) return;
    ws_.async_close(websocket::close_code::normal,
                    [self = shared_from_this()](beast::error_code) { self->gone(); });
  }

  void gone() {
    if (gone_) return;
    gone_ = true;
    beast::error_code ignored;
    beast::get_lowest_layer(ws_).socket().close(ignored);
    --server_.pages_open;
    server_.closed(shared_from_this());
  }

  PageServerState& server_;
  websocket::stream<beast::tcp_stream> ws_;
  ConnectionSlot slot_;
  beast::flat_buffer in_;
  std::deque<Message> queue_;
  bool writing_ = false;
  bool finishing_ = false;
  bool gone_ = false;
};

namespace {

// One HTTP request: the page, the page's WebSocket, or a refusal.
class PageRequest : public std::enable_shared_from_this<PageRequest> {
 public:
  PageRequest(PageServerState& server, tcp::socket socket)
      : server_(server), stream_(std::move(socket)), slot_(server.connections) {}

  void start() {
    parser_.header_limit(kHeaderLimit);
    parser_.body_limit(0);
    stream_.expires_after(kRequestTimeout);
    http::async_read(
        stream_, buffer_, parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->read(ec); });
  }

 private:
  void read(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted)
      return;
    // Malformed, a header over the limit, or a body: none of these is a page's request.
    if (ec) return answer(http::status::forbidden, "");
    const http::request<http::empty_body>& request = parser_.get();
    const std::string_view target(request.target().data(), request.target().size());
    const std::size_t question = target.find('?');
    const std::string_view path = target.substr(0, question);
    const std::string_view query =
        question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
    if (request.method() != http::verb::get || !server_.token_matches(query))
      return answer(http::status::forbidden, "");
    const bool upgrade = websocket::is_upgrade(request);
    if (path == "/" && !upgrade) return answer(http::status::ok, server_.settings.page);
    if (path != "/live" || !upgrade) return answer(http::status::forbidden, "");
    if (server_.closing || server_.pages_open >= server_.settings.max_pages)
      return answer(http::status::service_unavailable, "");
    std::make_shared<PageSocket>(server_, std::move(stream_), std::move(slot_))->accept(request);
  }

  void answer(http::status status, std::string_view body) {
    if (status != http::status::ok) ++server_.requests_refused;
    auto response = std::make_shared<http::response<http::string_body>>(status, 11);
    response->set(http::field::server, "pocket");
    response->set(http::field::cache_control, "no-store");
    response->set("Referrer-Policy", "no-referrer");
    response->set("X-Content-Type-Options", "nosniff");
    if (status == http::status::ok) {
      response->set(http::field::content_type, "text/html; charset=utf-8");
      // The page reaches nothing but its own socket.
      response->set("Content-Security-Policy",
                    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                    "connect-src 'self'; img-src data:");
      response->body() = std::string(body);
    }
    response->keep_alive(false);
    response->prepare_payload();
    http::async_write(stream_, *response,
                      [self = shared_from_this(), response](beast::error_code, std::size_t) {
                        beast::error_code ignored;
                        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
                      });
  }

  PageServerState& server_;
  beast::tcp_stream stream_;
  ConnectionSlot slot_;
  beast::flat_buffer buffer_;
  http::request_parser<http::empty_body> parser_;
};

}  // namespace

PageServerState::~PageServerState() {
  if (thread.joinable()) {
    asio::post(context, [this] { finish_all(); });
    const auto deadline = std::chrono::steady_clock::now() + kFlushTime;
    while (pages_open > 0 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    context.stop();
    thread.join();
  }
  pages.clear();  // the context ends what its handlers still hold
}

void PageServerState::listen() {
  try {
    const tcp::endpoint where(asio::ip::make_address(settings.address), settings.port);
    acceptor.open(where.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(where);
    acceptor.listen();
    port = acceptor.local_endpoint().port();
  } catch (const boost::system::system_error& e) {
    throw std::runtime_error(fmt::format("the live page cannot listen on {}:{}: {}",
                                         settings.address, settings.port, e.code().message()));
  }
  accept_next();
  // A handler that throws ends its page, not the server, nor the session.
  thread = std::thread([this] {
    while (true) {
      try {
        context.run();
        return;
      } catch (const std::exception&) {
      }
    }
  });
}

void PageServerState::accept_next() {
  acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted) return;
    if (!ec && connections < kMaxConnections && !closing)
      std::make_shared<PageRequest>(*this, std::move(socket))->start();
    accept_next();
  });
}

void PageServerState::opened(const std::shared_ptr<PageSocket>& page) {
  pages.insert(page);
  ++pages_served;
  for (const auto& [name, message] : kept) page->send(message);
  if (closing) page->finish();
}

void PageServerState::closed(const std::shared_ptr<PageSocket>& page) { pages.erase(page); }

void PageServerState::publish(const Message& message, const std::string& keep_as) {
  if (!keep_as.empty()) {
    auto kept_one =
        std::find_if(kept.begin(), kept.end(), [&](const auto& k) { return k.first == keep_as; });
    if (kept_one == kept.end()) {
      kept.emplace_back(keep_as, message);
    } else {
      kept_one->second = message;
    }
  }
  // A copy: a page dropped while sending leaves the set.
  const std::vector<std::shared_ptr<PageSocket>> open(pages.begin(), pages.end());
  for (const auto& page : open) page->send(message);
}

void PageServerState::finish_all() {
  closing = true;
  beast::error_code ignored;
  acceptor.close(ignored);
  const std::vector<std::shared_ptr<PageSocket>> open(pages.begin(), pages.end());
  for (const auto& page : open) page->finish();
}

PageServer::PageServer(PageServerSettings settings, PageMessageHandler on_message)
    : impl_(std::make_unique<PageServerState>(std::move(settings), std::move(on_message))) {
  impl_->listen();
}

PageServer::~PageServer() = default;

unsigned short PageServer::port() const { return impl_->port; }

void PageServer::publish(std::string message, std::string_view keep_as) {
  asio::post(impl_->context,
             [impl = impl_.get(), shared = std::make_shared<const std::string>(std::move(message)),
              name = std::string(keep_as)] { impl->publish(shared, name); });
}

PageServerCounts PageServer::counts() const {
  return {impl_->pages_open, impl_->pages_served, impl_->pages_dropped, impl_->requests_refused};
}

}  // namespace pocket
