// The page's QR code as the terminal shows it, read back by a real QR reader (zbarimg).
#include <fstream>
#include <vector>

#include <catch2/catch.hpp>

#include "support/run_command.hpp"
#include "support/temp_dir.hpp"
#include "web/qr_text.hpp"

using namespace pocket;

namespace {

// The half-block characters back into rows of modules: true for light.
std::vector<std::vector<bool>> modules_of(const std::string& text) {
  std::vector<std::vector<bool>> rows;
  std::size_t at = 0;
  while (at < text.size()) {
    std::vector<bool> top, bottom;
    while (text[at] != '\n') {
      if (text[at] == ' ') {
        top.push_back(false);
        bottom.push_back(false);
        ++at;
        continue;
      }
      const std::string glyph = text.substr(at, 3);  // each block is 3 bytes of UTF-8
      top.push_back(glyph == "\u2588" || glyph == "\u2580");
      bottom.push_back(glyph == "\u2588" || glyph == "\u2584");
      at += 3;
    }
    ++at;
    rows.push_back(top);
    rows.push_back(bottom);
  }
  return rows;
}

// As a black-on-white image, 6 pixels a module.
void write_pbm(const std::vector<std::vector<bool>>& rows, const std::filesystem::path& path) {
  constexpr int kScale = 6;
  std::ofstream out(path);
  out << "P1\n" << rows[0].size() * kScale << " " << rows.size() * kScale << "\n";
  for (const auto& row : rows) {
    for (int y = 0; y < kScale; ++y) {
      for (const bool light : row)
        for (int x = 0; x < kScale; ++x) out << (light ? "0 " : "1 ");
      out << "\n";
    }
  }
}

}  // namespace

TEST_CASE("the QR code in the terminal reads back as the page's address") {
  const std::string url = "http://192.168.1.20:8080/?token=0123456789abcdef0123456789abcdef";
  const std::string text = qr_text(url);
  const auto rows = modules_of(text);
  for (const auto& row : rows) REQUIRE(row.size() == rows[0].size());
  const test::TempDir dir;
  write_pbm(rows, dir / "code.pbm");
  const auto read =
      test::run_command("zbarimg", {"-q", "--raw", (dir / "code.pbm").string()}, dir.path());
  CHECK(read.exit_code == 0);
  CHECK(read.out == url + "\n");
}
