#pragma once

#include <string>
#include <string_view>

namespace pocket {

// Where the live page listens: `--web [ADDRESS:]PORT`.
struct WebAddress {
  std::string address = "0.0.0.0";  // every network of this machine: a tablet beside the kit
  unsigned short port = 0;          // 0: any free port
};

// "8080", "127.0.0.1:8080" or "[::1]:8080". Throws UsageError, saying what is expected.
WebAddress parse_web_address(std::string_view text);

// The host a tablet on the same network opens: the address listened on, or, for all of this
// machine's networks, its first address that is not loopback (127.0.0.1 when it has none).
std::string reachable_host(const WebAddress& where);

// A random token for the page's address: 128 bits, as 32 hex digits.
std::string new_page_token();

// "http://192.168.1.20:8080/?token=..."
std::string page_url(const std::string& host, unsigned short port, const std::string& token);

}  // namespace pocket
