#pragma once

// A page's side of pocket's page server, for the tests: plain HTTP requests, raw bytes, and
// a WebSocket, all on 127.0.0.1 with Boost.Beast.
#include <chrono>
#include <string>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

namespace pocket::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

inline tcp::endpoint loopback(unsigned short port) {
  return {asio::ip::make_address("127.0.0.1"), port};
}

struct Answer {
  unsigned status = 0;
  std::string body;
};

inline Answer http_request(unsigned short port, http::verb method, const std::string& target,
                           const std::string& body = "") {
  asio::io_context context;
  beast::tcp_stream stream(context);
  stream.expires_after(std::chrono::seconds(10));
  stream.connect(loopback(port));
  http::request<http::string_body> request(method, target, 11);
  request.set(http::field::host, "127.0.0.1");
  if (!body.empty()) {
    request.body() = body;
    request.prepare_payload();
  }
  http::write(stream, request);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(stream, buffer, response);
  return {response.result_int(), response.body()};
}

inline Answer http_get(unsigned short port, const std::string& target) {
  return http_request(port, http::verb::get, target);
}

// Sends `bytes` as they are and reads the status line of the answer; "" when the server
// closed without one.
inline std::string raw_exchange(unsigned short port, const std::string& bytes) {
  asio::io_context context;
  beast::tcp_stream stream(context);
  stream.expires_after(std::chrono::seconds(10));
  stream.connect(loopback(port));
  asio::write(stream, asio::buffer(bytes));
  std::string answer;
  beast::error_code ec;
  char chunk[512];
  while (answer.find("\r\n") == std::string::npos) {
    const std::size_t n = stream.read_some(asio::buffer(chunk), ec);
    if (ec) break;
    answer.append(chunk, n);
  }
  return answer.substr(0, answer.find("\r\n"));
}

// A page's WebSocket. Throws beast::system_error when the server refuses it.
class SocketClient {
 public:
  SocketClient(unsigned short port, const std::string& target) : ws_(context_) {
    beast::get_lowest_layer(ws_).expires_after(std::chrono::seconds(10));
    beast::get_lowest_layer(ws_).connect(loopback(port));
    ws_.handshake("127.0.0.1", target);
    beast::get_lowest_layer(ws_).expires_never();
    ws_.text(true);
  }
  // The next message; throws when the socket closed or nothing came within 10 s (a timeout
  // works on asynchronous reads only, hence one run here until it ends).
  std::string read() {
    beast::get_lowest_layer(ws_).expires_after(std::chrono::seconds(10));
    beast::flat_buffer buffer;
    beast::error_code result = asio::error::would_block;
    ws_.async_read(buffer, [&](beast::error_code ec, std::size_t) { result = ec; });
    context_.restart();
    context_.run();
    if (result) throw beast::system_error(result);
    return beast::buffers_to_string(buffer.data());
  }
  void write(const std::string& text) { ws_.write(asio::buffer(text)); }
  // Bytes under the WebSocket: to send what no page would.
  tcp::socket& socket() { return beast::get_lowest_layer(ws_).socket(); }
  websocket::stream<beast::tcp_stream>& stream() { return ws_; }

 private:
  asio::io_context context_;
  websocket::stream<beast::tcp_stream> ws_;
};

}  // namespace pocket::test

#include <filesystem>
#include <regex>
#include <thread>

#include "support/run_command.hpp"

namespace pocket::test {

// The live page's address as pocket says it (on `said_in`, a file its feedback goes to):
// empty when it has not within 20 s.
inline std::string wait_for_page_url(const std::filesystem::path& said_in) {
  const std::regex said(R"(the live page: (http://\S+))");
  for (int attempt = 0; attempt < 400; ++attempt) {
    std::smatch found;
    const std::string text = read_text(said_in);
    if (std::regex_search(text, found, said)) return found[1];
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return "";
}

// "/live?token=..." and the port, from the page's address.
struct PageAddress {
  unsigned short port = 0;
  std::string page_target;    // "/?token=..."
  std::string socket_target;  // "/live?token=..."
};
inline PageAddress page_address(const std::string& url) {
  const std::size_t colon = url.rfind(':');
  const std::size_t slash = url.find('/', colon);
  const std::string query = url.substr(url.find('?'));
  return {static_cast<unsigned short>(std::stoi(url.substr(colon + 1, slash - colon - 1))),
          "/" + query, "/live" + query};
}

}  // namespace pocket::test
