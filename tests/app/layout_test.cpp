// The folders' dependencies go one way: core; audio, midi, presets, store and report on core;
// jack on audio and midi; history on presets and store; live on those but history; views on
// live; web (the live page) on views; the commands on web and history. Checked from the
// sources' includes and the libraries' links, so an include or link pointing back up fails here.
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

namespace fs = std::filesystem;

namespace {

const fs::path kSource = POCKET_SOURCE_DIR;

// Each folder, with its library and the folders it may use (itself included).
struct Room {
  std::string library;
  std::set<std::string> may_use;
};

const std::map<std::string, Room>& rooms() {
  static const std::map<std::string, Room> all = {
      {"src/core", {"pocket_core", {"core"}}},
      {"audio", {"pocket_audio", {"core", "audio"}}},
      {"midi", {"pocket_midi", {"core", "midi"}}},
      {"src/presets", {"pocket_presets", {"core", "presets"}}},
      {"src/store", {"pocket_store", {"core", "store"}}},
      {"src/report", {"pocket_report", {"core", "report"}}},
      {"jack", {"pocket_jack", {"core", "audio", "midi", "jack"}}},
      {"src/history", {"pocket_history", {"core", "presets", "store", "history"}}},
      {"src/live",
       {"pocket_live", {"core", "audio", "midi", "presets", "store", "report", "jack", "live"}}},
      {"src/views",
       {"pocket_views",
        {"core", "audio", "midi", "presets", "store", "report", "jack", "live", "views"}}},
      {"src/web",
       {"pocket_web",
        {"core", "audio", "midi", "presets", "store", "report", "jack", "live", "views", "web"}}},
      {"src/app",
       {"pocket_app",
        {"core", "audio", "midi", "presets", "store", "history", "report", "jack", "live", "views",
         "web", "app"}}},
  };
  return all;
}

std::string file_text(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("every folder includes only the folders below it", "[layout]") {
  const std::regex include(R"re(#include "([a-z_]+)/)re");
  int includes = 0;
  for (const auto& [folder, room] : rooms()) {
    for (const auto& entry : fs::directory_iterator(kSource / folder)) {
      const std::string ext = entry.path().extension().string();
      if (ext != ".cpp" && ext != ".hpp") continue;
      const std::string text = file_text(entry.path());
      for (std::sregex_iterator it(text.begin(), text.end(), include), end; it != end; ++it) {
        ++includes;
        INFO(entry.path().string() << " includes " << (*it)[1]);
        CHECK(room.may_use.count((*it)[1]) == 1);
      }
    }
  }
  CHECK(includes > 200);  // the sources were found
}

TEST_CASE("every library links only the libraries below it", "[layout]") {
  const std::regex links(R"re(target_link_libraries\((pocket_[a-z]+)([^)]*)\))re");
  const std::regex library(R"re(\bpocket_([a-z]+)\b)re");
  std::set<std::string> checked;
  for (const auto& [folder, room] : rooms()) {
    const std::string text = file_text(kSource / folder / "CMakeLists.txt");
    for (std::sregex_iterator it(text.begin(), text.end(), links), end; it != end; ++it) {
      if ((*it)[1] != room.library) continue;
      checked.insert(room.library);
      const std::string linked = (*it)[2];
      for (std::sregex_iterator l(linked.begin(), linked.end(), library), e; l != e; ++l) {
        INFO(room.library << " links pocket_" << (*l)[1]);
        CHECK(room.may_use.count((*l)[1]) == 1);
      }
    }
  }
  CHECK(checked.size() == rooms().size());  // every library's links were found
}
