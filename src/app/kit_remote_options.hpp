#pragma once

#include <boost/program_options.hpp>

#include "live/live_session.hpp"

namespace pocket::app {

// The kit as the remote, for play, ladder and drill: --start-on-hit (the click waits, silent,
// for a hit) and --remote-pad PAD (a pad that pauses and ends the session).
boost::program_options::options_description kit_remote_options();

// Sets the session's start on a hit and remote pad: each option when given, else config.toml's.
// A remote pad the drill plays, or the kit map lacks, is left off and said before the click.
// Throws UsageError for a --remote-pad the kit map does not have.
void apply_kit_remote(const boost::program_options::variables_map& vm, LiveOptions& live);

}  // namespace pocket::app
