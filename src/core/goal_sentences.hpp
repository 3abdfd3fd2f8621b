#pragma once

#include <chrono>
#include <span>
#include <string>

#include "goal_projection.hpp"

// A goal's projection in words: what the history shows, what would change it, and beside a
// goal date, the weekly rise it takes. Kind words only: a plateau or a dip is part of practice.
namespace pocket::goal_sentences {

// The message of a projection whose numbers and kind are set (sessions oldest first).
std::string message(const GoalProjection& p, const Goal& goal, std::span<const HeldTempo> sessions,
                    std::chrono::sys_days today);

}  // namespace pocket::goal_sentences
