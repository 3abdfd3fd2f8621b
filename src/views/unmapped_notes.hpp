#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/drum_map.hpp"
#include "presets/preset_library.hpp"

namespace pocket {

// One plain line when strokes fell on notes the kit map does not cover, naming the notes and,
// when a kit preset covers them, that kit and what the notes are there:
// "380 strokes on notes 22 and 26 were not scored: in the roland kit they are hihat
// closed-edge and hihat open-edge; try --drum-map roland". Empty when every note was mapped.
std::string unmapped_notes_text(const std::map<int, std::int64_t>& notes, const DrumMap& kit,
                                const PresetLibrary& library);

}  // namespace pocket
