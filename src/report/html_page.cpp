#include "html_page.hpp"

#include <fmt/format.h>

namespace pocket {

namespace {

// Scripts, fonts, images and requests are all refused, so a user's text can never run or
// call out, even if escaping were missed somewhere.
constexpr std::string_view kContentPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

constexpr std::string_view kPageCss =
    ":root{color-scheme:light}\n"
    "body{margin:0;background:#f6f6f3;color:#222;"
    "font:15px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,"
    "sans-serif}\n"
    "main{max-width:980px;margin:0 auto;padding:28px 24px 40px}\n"
    "h1{font-size:26px;font-weight:600;margin:0}\n"
    "h2{font-size:17px;font-weight:600;margin:0 0 4px}\n"
    ".meta{color:#666;margin:2px 0 0}\n"
    ".summary{font-size:18px;margin:14px 0 0}\n"
    "section{background:#fff;border:1px solid #e2e2dd;border-radius:8px;padding:16px 20px;"
    "margin:16px 0}\n"
    ".caption{color:#666;font-size:13px;margin:0 0 6px}\n"
    "table{border-collapse:collapse;font-variant-numeric:tabular-nums;margin-top:6px}\n"
    "th,td{text-align:left;padding:5px 18px 5px 0;border-bottom:1px solid #eee;"
    "vertical-align:baseline}\n"
    "th{font-weight:600;color:#555;font-size:13px}\n"
    "td.num,th.num{text-align:right}\n"
    "td.words{color:#666}\n"
    ".summary-table th{font-weight:normal;font-size:15px;color:#444}\n"
    ".swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:8px}\n"
    ".verdict{font-size:16px;margin:4px 0 8px}\n"
    ".goal{margin:6px 0 8px;color:#444}\n"
    ".note p{white-space:pre-wrap;margin:4px 0 0}\n"
    "footer{color:#777;font-size:13px;margin-top:20px}\n"
    "footer p{margin:2px 0;white-space:pre-wrap}\n";

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string page_start(std::string_view title, std::string_view extra_css) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{} · pocket</title>\n<style>\n{}{}</style>\n</head>\n<body>\n<main>\n",
      kContentPolicy, escape_html(title), kPageCss, extra_css);
}

std::string page_end() { return "</main>\n</body>\n</html>\n"; }

void summary_row(std::string& out, std::string_view label, std::string_view value,
                 std::string_view words) {
  out += fmt::format("<tr><th>{}</th><td class=\"num\">{}</td><td class=\"words\">{}</td></tr>\n",
                     label, escape_html(value), escape_html(words));
}

}  // namespace pocket
