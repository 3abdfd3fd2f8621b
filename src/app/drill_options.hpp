#pragma once

#include <boost/program_options.hpp>

#include "core/drill.hpp"
#include "core/drum_map.hpp"

namespace pocket::app {

// Which options a command offers: `play` a fixed tempo, `ladder` a ladder, `drill` both (a
// drill file decides which applies).
enum class DrillKind { fixed, ladder, any };

// The settings of a drill as command-line options, shared by play, ladder and drill, so that
// every setting of a drill file can also be given, or overridden, on the command line.
boost::program_options::options_description drill_options(DrillKind kind);

// --swing, --swing-on, --feel and --sticking: also on `score`, which has no drill of its own.
boost::program_options::options_description feel_options();
// Overrides the swing and the feel given. Throws std::invalid_argument for a malformed --feel.
void apply_feel_options(const boost::program_options::variables_map& vm, Swing& swing,
                        std::map<std::string, double>& feel);

// --groove, --groove-map and --target; with `live` also --tempo and --once.
boost::program_options::options_description groove_options(bool live);
// Sets the groove given, with its settings. Throws std::invalid_argument for a bad value, or
// a groove setting without a groove.
void apply_groove_options(const boost::program_options::variables_map& vm,
                          std::optional<GrooveSettings>& groove);
// Reads the drill's groove with its map (else `kit`) and makes the drill play it (play_groove).
// Returns a line for the player when the map left notes of the groove out, else nothing.
// Throws UsageError naming the file for one that cannot be read or played.
std::string take_groove(Drill& drill, const DrumMap& kit);

// Overrides the settings of `drill` that were given. Throws UsageError naming the option for a
// bad value, or for one that does not fit the drill (--bpm on a ladder, --from on a fixed
// tempo).
void apply_drill_options(const boost::program_options::variables_map& vm, Drill& drill);

}  // namespace pocket::app
