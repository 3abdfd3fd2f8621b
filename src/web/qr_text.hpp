#pragma once

#include <string>
#include <string_view>

namespace pocket {

// `text` as a QR code for a terminal: two rows of modules to a line of half blocks, light
// modules drawn and dark ones left blank (a dark terminal's background), with the quiet zone
// around it. Throws std::runtime_error when it cannot be encoded.
std::string qr_text(std::string_view text);

}  // namespace pocket
