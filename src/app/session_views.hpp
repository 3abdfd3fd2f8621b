#pragma once

#include <memory>

#include "full_screen.hpp"
#include "live_options.hpp"

namespace pocket::app {

// The views of a play, ladder or drill session, chosen from --view, --json and --quiet: the
// full-screen view on a terminal, lines otherwise, and the JSON result with --json. They are
// attached to the session's options and live as long as this.
class SessionViews {
 public:
  // Throws UsageError for an unknown --view, or --view screen without a terminal.
  SessionViews(const LiveCommonOptions& o, LiveOptions& live);
  ~SessionViews();
  SessionViews(const SessionViews&) = delete;
  SessionViews& operator=(const SessionViews&) = delete;

 private:
  std::unique_ptr<FullScreen> screen_;
  std::unique_ptr<SessionView> display_;
  std::unique_ptr<SessionView> json_;
};

}  // namespace pocket::app
