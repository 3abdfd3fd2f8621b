#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "web/web_address.hpp"

using namespace pocket;

TEST_CASE("a web address is a port, or an address and a port") {
  const WebAddress port_only = parse_web_address("8080");
  CHECK(port_only.address == "0.0.0.0");
  CHECK(port_only.port == 8080);
  const WebAddress loopback = parse_web_address("127.0.0.1:9000");
  CHECK(loopback.address == "127.0.0.1");
  CHECK(loopback.port == 9000);
  const WebAddress six = parse_web_address("[::1]:0");
  CHECK(six.address == "::1");
  CHECK(six.port == 0);
  for (const char* bad :
       {"", "http", "80a", "70000", "-1", ":8080", "localhost:8080", "1.2.3:80", "127.0.0.1:"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_web_address(bad), UsageError);
  }
  CHECK_THROWS_WITH(parse_web_address("tablet"),
                    "--web tablet: use a port (8080) or an address and a port (127.0.0.1:8080, "
                    "[::1]:8080)");
}

TEST_CASE("the page's address for a tablet") {
  CHECK(reachable_host({"127.0.0.1", 80}) == "127.0.0.1");
  CHECK(reachable_host({"::1", 80}) == "[::1]");
  const std::string any = reachable_host({"0.0.0.0", 80});
  CHECK(any.find_first_not_of("0123456789.") == std::string::npos);
  CHECK(any != "0.0.0.0");
  CHECK(page_url("192.168.1.20", 8080, "ab") == "http://192.168.1.20:8080/?token=ab");
  const std::string token = new_page_token();
  CHECK(token.size() == 32);
  CHECK(token.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(token != new_page_token());
}
