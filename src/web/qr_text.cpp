#include "web/qr_text.hpp"

#include <memory>
#include <stdexcept>
#include <string>

#include <qrencode.h>

namespace pocket {

namespace {

constexpr int kQuietZone = 2;  // modules of light around the code: phones read it with less

}  // namespace

std::string qr_text(std::string_view text) {
  const std::string owned(text);
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(owned.c_str(), 0, QR_ECLEVEL_L, QR_MODE_8, 1), QRcode_free);
  if (!code) throw std::runtime_error("the page's address cannot be made a QR code");
  const int size = code->width;
  // Light outside the code; inside, bit 0 of each module byte is set for dark.
  const auto light = [&](int row, int column) {
    if (row < 0 || column < 0 || row >= size || column >= size) return true;
    return (code->data[row * size + column] & 1) == 0;
  };
  std::string out;
  for (int row = -kQuietZone; row < size + kQuietZone; row += 2) {
    for (int column = -kQuietZone; column < size + kQuietZone; ++column) {
      const bool top = light(row, column);
      const bool bottom = row + 1 < size + kQuietZone && light(row + 1, column);
      out += top && bottom ? "\u2588" : top ? "\u2580" : bottom ? "\u2584" : " ";
    }
    out += '\n';
  }
  return out;
}

}  // namespace pocket
