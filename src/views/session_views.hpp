#pragma once

#include <memory>
#include <string>

#include "live/live_session.hpp"
#include "views/full_screen.hpp"

namespace pocket {

// The views of a play, ladder or drill session, chosen from --view, --json and --quiet: the
// full-screen view on a terminal, lines otherwise, and the JSON result with --json. They are
// attached to the session's options and live as long as this.
struct ViewChoice {
  std::string view = "auto";  // auto, screen or lines
  bool json = false;          // the JSON result on standard output at the end
  bool quiet = false;         // lines: no line per stroke
};

class SessionViews {
 public:
  // Throws UsageError for an unknown --view, or --view screen without a terminal.
  SessionViews(const ViewChoice& choice, LiveOptions& live);
  ~SessionViews();
  SessionViews(const SessionViews&) = delete;
  SessionViews& operator=(const SessionViews&) = delete;

 private:
  std::unique_ptr<FullScreen> screen_;
  std::unique_ptr<SessionView> display_;
  std::unique_ptr<SessionView> json_;
};

}  // namespace pocket
