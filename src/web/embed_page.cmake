# Writes the live page into a C++ source as one string: the program serves it from memory,
# never from a file on disk.
file(READ ${PAGE} page)
string(FIND "${page}" ")live_page\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${PAGE} holds the string's closing delimiter")
endif()
file(WRITE ${OUT} "// Made from src/web/live_page.html at build time.\n"
  "#include \"web/live_page.hpp\"\n\n"
  "namespace pocket {\n\n"
  "const std::string_view kLivePage = R\"live_page(${page})live_page\";\n\n"
  "}  // namespace pocket\n")
