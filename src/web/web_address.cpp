#include "web/web_address.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>

#include <charconv>
#include <memory>
#include <random>

#include <fmt/format.h>
#include <boost/asio/ip/address.hpp>

#include "core/errors.hpp"

namespace pocket {

namespace {

constexpr std::string_view kExpected =
    "use a port (8080) or an address and a port (127.0.0.1:8080, [::1]:8080)";

unsigned short parse_port(std::string_view text, std::string_view whole) {
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value > 65535)
    throw UsageError(fmt::format("--web {}: {}", whole, kExpected));
  return static_cast<unsigned short>(value);
}

}  // namespace

WebAddress parse_web_address(std::string_view text) {
  WebAddress where;
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) {
    where.port = parse_port(text, text);
    return where;
  }
  std::string_view host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  boost::system::error_code error;
  boost::asio::ip::make_address(std::string(host), error);
  if (host.empty() || error) throw UsageError(fmt::format("--web {}: {}", text, kExpected));
  where.address = std::string(host);
  where.port = parse_port(text.substr(colon + 1), text);
  return where;
}

std::string reachable_host(const WebAddress& where) {
  if (where.address != "0.0.0.0" && where.address != "::") {
    return where.address.find(':') == std::string::npos ? where.address : "[" + where.address + "]";
  }
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return "127.0.0.1";
  const std::unique_ptr<ifaddrs, decltype(&freeifaddrs)> owned(list, freeifaddrs);
  for (const ifaddrs* i = list; i != nullptr; i = i->ifa_next) {
    if (i->ifa_addr == nullptr || i->ifa_addr->sa_family != AF_INET) continue;
    if ((i->ifa_flags & IFF_UP) == 0 || (i->ifa_flags & IFF_LOOPBACK) != 0) continue;
    char text[INET_ADDRSTRLEN] = {};
    const auto* in = reinterpret_cast<const sockaddr_in*>(i->ifa_addr);
    if (inet_ntop(AF_INET, &in->sin_addr, text, sizeof text) != nullptr) return text;
  }
  return "127.0.0.1";
}

std::string new_page_token() {
  std::random_device random;
  std::string token;
  for (int i = 0; i < 4; ++i) token += fmt::format("{:08x}", random());
  return token;
}

std::string page_url(const std::string& host, unsigned short port, const std::string& token) {
  return fmt::format("http://{}:{}/?token={}", host, port, token);
}

}  // namespace pocket
