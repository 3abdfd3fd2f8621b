#include "views/big_text.hpp"

namespace pocket {

namespace {

// Each glyph is three columns by five rows; '#' is ink. Drawn two columns per pixel.
struct Glyph {
  char c;
  std::array<std::string_view, kBigTextRows> rows;
};

constexpr Glyph kGlyphs[] = {
    {'0', {"###", "# #", "# #", "# #", "###"}}, {'1', {" # ", "## ", " # ", " # ", "###"}},
    {'2', {"###", "  #", "###", "#  ", "###"}}, {'3', {"###", "  #", " ##", "  #", "###"}},
    {'4', {"# #", "# #", "###", "  #", "  #"}}, {'5', {"###", "#  ", "###", "  #", "###"}},
    {'6', {"###", "#  ", "###", "# #", "###"}}, {'7', {"###", "  #", "  #", "  #", "  #"}},
    {'8', {"###", "# #", "###", "# #", "###"}}, {'9', {"###", "# #", "###", "  #", "###"}},
    {'+', {"   ", " # ", "###", " # ", "   "}}, {'-', {"   ", "   ", "###", "   ", "   "}},
    {'.', {"   ", "   ", "   ", "   ", " # "}}, {' ', {"   ", "   ", "   ", "   ", "   "}},
};

const Glyph& glyph(char c) {
  for (const Glyph& g : kGlyphs) {
    if (g.c == c) return g;
  }
  return kGlyphs[sizeof kGlyphs / sizeof kGlyphs[0] - 1];
}

}  // namespace

std::array<std::string, kBigTextRows> big_text(std::string_view text) {
  std::array<std::string, kBigTextRows> rows;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const Glyph& g = glyph(text[i]);
    for (int r = 0; r < kBigTextRows; ++r) {
      if (i > 0) rows[r] += "  ";
      for (char pixel : g.rows[r]) rows[r] += pixel == '#' ? "##" : "  ";
    }
  }
  return rows;
}

}  // namespace pocket
