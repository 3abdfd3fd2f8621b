#pragma once

#include <string>

// Tempi as a player reads them, rounded one way everywhere: the terminal, the HTML pages,
// `goals`, `drills`. Only --json keeps full precision. A value that is not finite reads as zero.
namespace pocket {

// At most one decimal and no trailing ".0", never "-0": "152", "152.5", "-3", "0".
std::string format_one_decimal(double value);
// A tempo: "152 BPM", "152.5 BPM".
std::string format_bpm(double bpm);
// A weekly change in BPM, always with one decimal and, when `with_sign`, its sign: "+1.5",
// "-0.7", "+0.0"; without the sign, its size: "1.5", "0.7".
std::string format_bpm_change(double bpm_per_week, bool with_sign = true);
// A song as it was played: "song.wav at 75 %", "bars 9:12 of song.wav from 70 % to 85 %".
// `section`: "9:12", or empty for the whole song. Shares of its tempo: 0.75 is 75 %.
std::string song_played_text(const std::string& file, const std::string& section, double lowest,
                             double highest);

}  // namespace pocket
