#pragma once

#include <string>
#include <string_view>

// What every self-contained page of pocket shares: escaping, the head with its content policy,
// and the base style (the column, the white sections, the tables).
namespace pocket {

// Escapes &, <, >, " and ' for HTML text and attributes.
std::string escape_html(std::string_view text);

// The page up to and including <main>: doctype, a content policy that refuses scripts and
// requests, "<title> · pocket", the base style and then `extra_css`. `title` is escaped.
std::string page_start(std::string_view title, std::string_view extra_css);
// Closes what page_start() opened.
std::string page_end();

// A row of a summary table: what (`label`, markup), how much and what it means (both escaped).
void summary_row(std::string& out, std::string_view label, std::string_view value,
                 std::string_view words = {});

}  // namespace pocket
