#pragma once

#include <boost/program_options.hpp>

#include "live/live_session.hpp"

namespace pocket::app {

// A song to play along with: --backing FILE, where its first bar line is, its speed, and the
// song's and the click's levels. A ladder's (`ladder`) also takes the song's tempo, --bpm.
boost::program_options::options_description backing_options(bool ladder = false);

// Sets the session's song from the options, the drill's tempo to the song's at its speed (a
// ladder's tempos to shares of the song's tempo where given in %), and says before the click
// when the file is resampled. Throws InputFileError for a file that cannot be played and
// UsageError for a bad value.
void apply_backing(const boost::program_options::variables_map& vm, LiveOptions& live);

// "80%", "80" or "0.8" as a share: 0.8. Throws UsageError naming `option`.
double parse_speed(const std::string& text, const char* option);

}  // namespace pocket::app
